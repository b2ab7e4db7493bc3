/**
 * The result shape shared by the inverse-variance fitters (fixed effect and random effects),
 * with the method labels that say how each number was computed (docs/data-contracts.md#method-labels).
 */
import { HtaError } from '../../errors.js';
import { chisqUpper } from '../distributions.js';
import type { Tau2Method } from './tau2-estimator.js';

export interface MetaFit {
  /** 'fixed' = inverse-variance common effect; 'random' = random effects. */
  model: 'fixed' | 'random';
  /** Number of studies pooled. */
  k: number;
  /** Pooled estimate on the analysis scale (log scale for ratio measures). */
  estimate: number;
  se: number;
  ciLower: number;
  ciUpper: number;
  /** z statistic, or t statistic under Hartung–Knapp–Sidik–Jonkman. */
  statistic: number;
  pValue: number;
  /** t degrees of freedom (k − 1) under HKSJ; null for z. */
  df: number | null;
  confLevel: number;
  ciMethod: 'z' | 'hksj';
  /** Between-study variance; 0 for the fixed-effect model and for k = 1. */
  tau2: number;
  tau2Se: number | null;
  /** Estimator that produced tau2 (after any fallback); null for the fixed-effect model and k = 1. */
  tau2Method: Tau2Method | null;
  tau2Iterations: number;
  /** Cochran's Q (inverse-variance weights 1/v), its df and p; null for k = 1. */
  q: number | null;
  qDf: number | null;
  qPValue: number | null;
  /** I² in percent and H², as metafor reports them for this model; null for k = 1. */
  i2: number | null;
  h2: number | null;
  /** Per-study weights in percent, in input order (= metafor `weights(res)`). */
  weights: number[];
  /**
   * The SE of the estimate and the t df the prediction interval uses when they are not the CI's:
   * R meta's `method.predict = "V"` under the iqwig6 preset (√(1/Σw), t(k − 1); random-effects.ts).
   * Absent: the CI's SE and distribution (metafor's predict()).
   */
  predictSe?: number;
  predictDf?: number;
  warnings: string[];
}

export function assertConfLevel(confLevel: number, who: string): void {
  if (!(confLevel > 0 && confLevel < 1)) {
    throw new HtaError('usage.invalid', `${who}: confLevel ${confLevel} is not a proportion; use e.g. 0.95 for a 95% interval`);
  }
}

/**
 * Cochran's Q on `df` degrees of freedom with its p-value, I² = max(0, 100·(Q − df)/Q) and
 * H² = Q/df, as metafor reports them for a common-effect model; all null when df < 1 (one study).
 */
export function fixedEffectHeterogeneity(q: number, df: number): Pick<MetaFit, 'q' | 'qDf' | 'qPValue' | 'i2' | 'h2'> {
  if (!(df >= 1)) return { q: null, qDf: null, qPValue: null, i2: null, h2: null };
  return { q: Math.max(0, q), qDf: df, qPValue: chisqUpper(Math.max(0, q), df), i2: Math.max(0, (100 * (q - df)) / q), h2: q / df };
}
