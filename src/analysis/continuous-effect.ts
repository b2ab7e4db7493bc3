/**
 * One continuous effect row's numbers by the chosen method: ANCOVA on complete cases (the
 * default), Welch or pooled t on every observed follow-up value, or the Welch difference in
 * change from baseline. Hedges' g (on the follow-up values) rides along; a bootstrap, when asked
 * for, resamples the unadjusted mean difference within arms (a robustness check on Welch rows).
 */
import type { EffectMethod } from '../plan/plan-schema.js';
import { ancova } from '../stats/ancova.js';
import { analysisFailed } from '../stats/arm-size.js';
import { bootstrapDifference } from '../stats/bootstrap.js';
import { changeDifference } from '../stats/change-difference.js';
import { hedgesG } from '../stats/hedges-g.js';
import { pooledTDifference } from '../stats/pooled-t-difference.js';
import { meanDifference, welchDifference } from '../stats/welch-difference.js';
import { type FollowUpValues, type OutcomePairs, withEveryCovariate } from '../trial/outcome-pairs.js';
import { inIdOrder } from '../trial/patient-ids.js';
import type { Arm } from '../trial/trial-data.js';
import type { EffectEstimate } from './effect-estimate.js';
import type { EffectRow } from './results-schema.js';

export interface ContinuousInput {
  pairs: OutcomePairs;
  follow: FollowUpValues;
  covariates: string[];
  confLevel: number;
  bootstrap?: { replicates: number; seed: number; onProgress?: (done: number, total: number) => void } | undefined;
}

function smdOf(follow: FollowUpValues, confLevel: number): Partial<EffectRow> {
  try {
    const g = hedgesG(follow.intervention, follow.control, { confLevel });
    return { smd: { method: 'hedges-g', estimate: g.g, ciLower: g.ciLower, ciUpper: g.ciUpper } };
  } catch {
    return {}; // e.g. zero SD: the mean difference row still stands
  }
}

/** An arm's follow-up values in its patients' id order (as they are when the ids are not known). */
function inPatientIdOrder(follow: FollowUpValues, arm: Arm): number[] {
  const ids = follow.ids?.[arm];
  if (!ids) return follow[arm];
  return inIdOrder(follow[arm].map((value, i) => ({ id: ids[i]!, value }))).map((p) => p.value);
}

export function continuousEffect(method: EffectMethod, input: ContinuousInput): EffectEstimate {
  const { pairs, follow, confLevel } = input;
  switch (method) {
    case 'ancova': {
      // Complete cases also for covariates: a patient missing a covariate drops out of the model.
      const keep = withEveryCovariate(pairs, input.covariates);
      const pick = <T>(xs: readonly T[]) => xs.filter((_, i) => keep[i]);
      const r = ancova(
        {
          outcome: pick(pairs.followUp),
          baseline: pick(pairs.baseline),
          treated: pick(pairs.arm).map((a) => (a === 'intervention' ? 1 : 0)),
          covariates: input.covariates.map((name) => ({ name, values: pick(pairs.covariates[name] ?? []) as (string | number)[] })),
        },
        { confLevel },
      );
      return {
        n: r.n, difference: r.difference, se: r.se, df: r.df, ciLower: r.ciLower, ciUpper: r.ciUpper, confLevel,
        ciMethod: 't (residual df)', pValue: r.pValue, extra: { covariates: ['baseline', ...input.covariates], ...smdOf(follow, confLevel) },
      };
    }
    case 'welch':
    case 'pooled-t': {
      const r = method === 'welch' ? welchDifference(follow.intervention, follow.control, { confLevel }) : pooledTDifference(follow.intervention, follow.control, { confLevel });
      const extra: Partial<EffectRow> = { ...smdOf(follow, confLevel) };
      if (input.bootstrap && method === 'welch') {
        // Each arm's values in patient-id order (patient-ids.ts inIdOrder), as multiple imputation takes
        // its patients: the seeded resamples (and so the CI) do not change when the export is re-sorted,
        // and an export already in id order keeps the numbers it had when the values were in row order.
        const b = bootstrapDifference(inPatientIdOrder(follow, 'intervention'), inPatientIdOrder(follow, 'control'), meanDifference, { ...input.bootstrap, confLevel });
        extra.bootstrap = {
          replicates: b.replicates,
          seed: b.seed,
          percentile: [b.percentile.lower, b.percentile.upper],
          bca: b.bca ? [b.bca.lower, b.bca.upper] : null,
        };
      }
      return {
        n: r.n, difference: r.difference, se: r.se, df: r.df, ciLower: r.ciLower, ciUpper: r.ciUpper, confLevel,
        ciMethod: method === 'welch' ? 't (Welch-Satterthwaite df)' : 't (pooled variance)', pValue: r.pValue, extra,
      };
    }
    case 'change': {
      const arm = (which: 'intervention' | 'control') => {
        const idx = pairs.arm.flatMap((a, i) => (a === which ? [i] : []));
        return { baseline: idx.map((i) => pairs.baseline[i] as number), followUp: idx.map((i) => pairs.followUp[i] as number) };
      };
      const r = changeDifference(arm('intervention'), arm('control'), { confLevel });
      return {
        n: r.n, difference: r.difference, se: r.se, df: r.df, ciLower: r.ciLower, ciUpper: r.ciUpper, confLevel,
        ciMethod: 't (Welch-Satterthwaite df, change from baseline)', pValue: r.pValue, extra: {},
      };
    }
    default:
      throw analysisFailed(`unknown method ${String(method)}`);
  }
}
