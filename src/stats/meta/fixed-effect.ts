/**
 * Inverse-variance fixed-effect (common-effect) meta-analysis.
 *
 *   w = 1/v,  μ̂ = Σw y / Σw,  SE = 1/√Σw,  CI = μ̂ ± z(1−α/2)·SE,  p = 2Φ(−|μ̂/SE|)
 *   Q = Σ w (y − μ̂)² on k − 1 df,  I² = max(0, 100 (Q − (k − 1))/Q),  H² = Q/(k − 1)
 *
 * = `metafor::rma(yi, vi, method = "FE")` (alias "EE"); weights = `weights(res)`.
 * Reference: Borenstein M et al. (2010). A basic introduction to fixed-effect and random-effects
 * models for meta-analysis. Res Synth Methods 1:97–111. doi:10.1002/jrsm.12;
 * Higgins JPT, Thompson SG (2002). Quantifying heterogeneity in a meta-analysis. Stat Med
 * 21:1539–1558. doi:10.1002/sim.1186
 *
 * Single study (k = 1): estimate = yi with its z interval; Q, I², H² are null.
 * Example (dat.bcg, log RR): μ̂ = −0.4303, SE = 0.0405, Q = 152.23 (Viechtbauer 2010).
 */
import { zInterval } from '../distributions.js';
import type { MetaFit } from './meta-fit.js';
import { assertConfLevel, fixedEffectHeterogeneity } from './meta-fit.js';
import { assertStudyVectors } from './study-effect.js';
import { weightedSums } from './tau2-estimator.js';

export interface FixedEffectOptions {
  /** Confidence level, default 0.95. */
  confLevel?: number;
}

export function fixedEffect(yi: readonly number[], vi: readonly number[], options: FixedEffectOptions = {}): MetaFit {
  assertStudyVectors(yi, vi, 'fixedEffect');
  const confLevel = options.confLevel ?? 0.95;
  assertConfLevel(confLevel, 'fixedEffect');
  const k = yi.length;
  const s = weightedSums(
    yi,
    vi.map((v) => 1 / v),
  );
  const se = 1 / Math.sqrt(s.sw);
  const { statistic, pValue, ciLower, ciUpper } = zInterval(s.mean, se, confLevel);
  const heterogeneity = fixedEffectHeterogeneity(s.q, k - 1);
  return {
    model: 'fixed',
    k,
    estimate: s.mean,
    se,
    ciLower,
    ciUpper,
    statistic,
    pValue,
    df: null,
    confLevel,
    ciMethod: 'z',
    tau2: 0,
    tau2Se: null,
    tau2Method: null,
    tau2Iterations: 0,
    ...heterogeneity,
    weights: s.w.map((w) => (100 * w) / s.sw),
    warnings: [],
  };
}
