/**
 * Per outcome and follow-up time, the patient-level vectors the statistics take: follow-up value,
 * baseline value of the same outcome, arm and covariates.
 */
import type { Arm, TrialData, TrialObservation } from './trial-data.js';

export interface OutcomePairs {
  /** Patients with both a baseline and a follow-up value (complete cases for ANCOVA), or with a follow-up value when the baseline is not needed. */
  ids: string[];
  arm: Arm[];
  /** NaN where the baseline is missing and not needed (`outcomePairs(…, needBaseline = false)`). */
  baseline: number[];
  followUp: number[];
  covariates: Record<string, (string | number | null)[]>;
}

export interface FollowUpValues {
  intervention: number[];
  control: number[];
  /** Each value's patient id, in the same order (followUpValues sets it): the Welch bootstrap resamples in id order. */
  ids?: Record<Arm, string[]>;
}

/**
 * Per list of observations, the maps `scoresAt` built, by outcome and time: every outcome × time
 * asks for the baseline scores again, and the subgroup and target-population analyses ask for
 * the same pairs as the effects. Keyed by the observations array itself, so a trial with other
 * rows (a filtered population) has its own; the maps are only read.
 */
const scoresCache = new WeakMap<readonly TrialObservation[], Map<string, ReadonlyMap<string, number>>>();

function scoresAt(trial: TrialData, key: string, time: string): ReadonlyMap<string, number> {
  const observations = trial.observations;
  let cache = scoresCache.get(observations);
  if (!cache) scoresCache.set(observations, (cache = new Map()));
  const cacheKey = `${key}\u0000${time}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const out = new Map<string, number>();
  for (const o of observations) {
    const v = o.scores[key];
    if (o.time === time && v !== null && v !== undefined) out.set(o.id, v);
  }
  cache.set(cacheKey, out);
  return out;
}

/**
 * Per patient of `pairs`, whether every one of `covariates` has a value: the complete cases of
 * the ANCOVA (also the cluster-robust one) and so the patients the effect row's `notAnalysed`
 * counts as missing a covariate. One filter for all of them, so the counts say what the models use.
 */
export function withEveryCovariate(pairs: OutcomePairs, covariates: readonly string[]): boolean[] {
  return pairs.ids.map((_, i) => covariates.every((c) => pairs.covariates[c]?.[i] !== null && pairs.covariates[c]?.[i] !== undefined));
}

/** Every observed follow-up value per arm, baseline or not (the unadjusted analyses). */
export function followUpValues(trial: TrialData, key: string, time: string): FollowUpValues {
  const at = scoresAt(trial, key, time);
  const out: FollowUpValues = { intervention: [], control: [], ids: { intervention: [], control: [] } };
  for (const p of trial.patients) {
    const v = at.get(p.id);
    if (v === undefined) continue;
    out[p.arm].push(v);
    out.ids![p.arm].push(p.id);
  }
  return out;
}

/** Patients with follow-up values, and baseline values unless `needBaseline` is false, in patient order of the export. */
export function outcomePairs(trial: TrialData, key: string, time: string, needBaseline = true): OutcomePairs {
  const base = scoresAt(trial, key, trial.plan.baseline);
  const follow = scoresAt(trial, key, time);
  const out: OutcomePairs = { ids: [], arm: [], baseline: [], followUp: [], covariates: {} };
  for (const c of trial.plan.covariates) out.covariates[c] = [];
  for (const p of trial.patients) {
    // Without `needBaseline` a patient with a follow-up value counts, and a missing baseline is NaN.
    const b = base.get(p.id) ?? (needBaseline ? undefined : NaN);
    const f = follow.get(p.id);
    if (b === undefined || f === undefined) continue;
    out.ids.push(p.id);
    out.arm.push(p.arm);
    out.baseline.push(b);
    out.followUp.push(f);
    for (const c of trial.plan.covariates) out.covariates[c]?.push(p.covariates[c] ?? null);
  }
  return out;
}

/** Every patient with a follow-up value, in patient order: the patient-level analyses that need no baseline (binary outcomes). */
export function followUpByPatient(trial: TrialData, key: string, time: string): { ids: string[]; arm: Arm[]; values: number[] } {
  const at = scoresAt(trial, key, time);
  const out = { ids: [] as string[], arm: [] as Arm[], values: [] as number[] };
  for (const p of trial.patients) {
    const v = at.get(p.id);
    if (v === undefined) continue;
    out.ids.push(p.id);
    out.arm.push(p.arm);
    out.values.push(v);
  }
  return out;
}
