/**
 * The patients observed at a visit whom a complete-case row leaves out, per arm and why
 * (CONSORT item 16: the numbers analysed, and why any observed patient is not among them): the
 * ANCOVA, the MMRM and the change score need the baseline score, the ANCOVA and the MMRM every
 * covariate value too (docs/plan-trial.md#participant-flow). results.json's effect row
 * `notAnalysed`; the flow diagram's visit box says it under the primary method's count.
 */
import type { EffectMethod } from '../plan/plan-schema.js';
import { ARMS, type Arm } from '../trial/trial-data.js';
import type { FollowUpValues, OutcomePairs } from '../trial/outcome-pairs.js';

export interface NotAnalysedReasons {
  /** Observed at the visit without a baseline score. */
  missingBaseline: number;
  /** Observed at the visit with a baseline score but missing a covariate value. */
  missingCovariate: number;
}

/**
 * Per arm, the observed patients the row's method leaves out, by reason; undefined for a method
 * that analyses every observed patient (Welch, pooled t), and when it leaves out nobody.
 */
export function notAnalysedAt(method: EffectMethod | 'mmrm', pairs: OutcomePairs, follow: FollowUpValues, covariates: readonly string[]): Record<Arm, NotAnalysedReasons> | undefined {
  if (method !== 'ancova' && method !== 'mmrm' && method !== 'change') return undefined;
  const usesCovariates = method !== 'change';
  const out = {} as Record<Arm, NotAnalysedReasons>;
  for (const arm of ARMS) {
    const withBaseline = pairs.arm.flatMap((a, i) => (a === arm ? [i] : []));
    const complete = withBaseline.filter((i) => covariates.every((c) => pairs.covariates[c]?.[i] !== null && pairs.covariates[c]?.[i] !== undefined));
    out[arm] = { missingBaseline: follow[arm].length - withBaseline.length, missingCovariate: usesCovariates ? withBaseline.length - complete.length : 0 };
  }
  const any = ARMS.some((a) => out[a].missingBaseline + out[a].missingCovariate > 0);
  return any ? out : undefined;
}
