/**
 * The patients observed at a visit whom a complete-case row leaves out, per arm and why
 * (CONSORT item 16: the numbers analysed, and why any observed patient is not among them): the
 * ANCOVA, the MMRM and the change score need the baseline score, the ANCOVA and the MMRM every
 * covariate value too (docs/plan-trial.md#participant-flow). results.json's effect row
 * `notAnalysed`; the flow diagram's visit box says it under the primary method's count.
 */
import type { EffectMethod } from '../plan/plan-schema.js';
import { ARMS, type Arm } from '../trial/trial-data.js';
import { type FollowUpValues, type OutcomePairs, withEveryCovariate } from '../trial/outcome-pairs.js';

export interface NotAnalysedReasons {
  /** Observed at the visit without a baseline score. */
  missingBaseline: number;
  /** Observed at the visit with a baseline score but missing a covariate value. */
  missingCovariate: number;
}

/** The methods whose rows leave out observed patients (complete cases); the others analyse everyone observed. */
export const LEAVES_OUT: ReadonlySet<string> = new Set(['ancova', 'mmrm', 'change']);

/**
 * Per arm, the observed patients the row's method leaves out, by reason; undefined for a method
 * that analyses every observed patient (Welch, pooled t), and when it leaves out nobody.
 */
export function notAnalysedAt(method: EffectMethod | 'mmrm', pairs: OutcomePairs, follow: FollowUpValues, covariates: readonly string[]): Record<Arm, NotAnalysedReasons> | undefined {
  if (!LEAVES_OUT.has(method)) return undefined;
  const usesCovariates = method !== 'change';
  const out = {} as Record<Arm, NotAnalysedReasons>;
  // The ANCOVA's own complete-case filter (plain and cluster-robust), so the counts cannot drift from the model's.
  const everyCovariate = withEveryCovariate(pairs, covariates);
  for (const arm of ARMS) {
    const withBaseline = pairs.arm.flatMap((a, i) => (a === arm ? [i] : []));
    const complete = withBaseline.filter((i) => everyCovariate[i]);
    out[arm] = { missingBaseline: follow[arm].length - withBaseline.length, missingCovariate: usesCovariates ? withBaseline.length - complete.length : 0 };
  }
  const any = ARMS.some((a) => out[a].missingBaseline + out[a].missingCovariate > 0);
  return any ? out : undefined;
}
