/**
 * The effect rows of a cluster-randomised trial (the plan's "clusters"; docs/plan-trial.md#cluster-randomised-trials):
 * the ANCOVA and the unadjusted difference in means with cluster-robust (CR1) SEs and t on
 * G − 1 df, the risk difference of yes/no outcomes and responders by the linear probability model
 * likewise (stats/cluster-robust.ts). Analyses that cannot honour the clustering are not run and
 * say why (`notClustered`).
 */
import { HtaError } from '../errors.js';
import { ancova } from '../stats/ancova.js';
import { analysisFailed } from '../stats/arm-size.js';
import { clusterDifference } from '../stats/cluster-robust.js';
import type { Arm, TrialData } from '../trial/trial-data.js';
import { type OutcomePairs, withEveryCovariate } from '../trial/outcome-pairs.js';
import type { EffectEstimate } from './effect-estimate.js';
import type { EffectRow } from './results-schema.js';

/** How the rows' intervals are computed, as results.json says it. */
export const CLUSTER_CI_METHOD = 't (cluster-robust CR1 SE, clusters − 1 df)';

/** Each patient's cluster, by id (the loader refuses a patient without one). */
export function clustersById(trial: TrialData): ReadonlyMap<string, string> {
  const column = trial.plan.clusters as string;
  return new Map(trial.patients.map((p) => [p.id, String(p.attributes?.[column] ?? '')]));
}

/**
 * The clusters allocated to each arm, among the patients randomised (results.json `input.clusters`):
 * the participant flow and the methods say them, as CONSORT's extension for cluster trials asks.
 */
export function clustersAllocated(trial: TrialData): { column: string; intervention: number; control: number } {
  const clusterOf = clustersById(trial);
  const per = { intervention: new Set<string>(), control: new Set<string>() };
  for (const p of trial.patients) per[p.arm].add(clusterOf.get(p.id)!);
  return { column: trial.plan.clusters as string, intervention: per.intervention.size, control: per.control.size };
}

/** The error of an analysis not run in a cluster-randomised trial, naming it and why. */
export function notClustered(what: string): HtaError {
  return analysisFailed(`${what} is not run in a cluster-randomised trial: it cannot account for the clusters ("clusters" in the plan), so its interval would be too narrow`);
}

/** At least 2 clusters in each arm: with one, the arm effect cannot be told from that cluster's own. */
function clustersPerArm(arms: readonly Arm[], clusters: readonly string[], n: { intervention: number; control: number }): void {
  const per = { intervention: new Set<string>(), control: new Set<string>() };
  arms.forEach((a, i) => per[a].add(clusters[i]!));
  for (const arm of ['intervention', 'control'] as const) {
    if (per[arm].size < 2) throw analysisFailed(`fewer than 2 clusters with patients analysed in the ${arm} arm (found ${per[arm].size}): a cluster-randomised comparison needs at least 2 per arm`, n);
  }
}

/** The ANCOVA on complete cases (baseline and covariates), with cluster-robust SEs. */
export function clusteredAncova(pairs: OutcomePairs, covariates: readonly string[], clusterOf: ReadonlyMap<string, string>, confLevel: number): EffectEstimate {
  const keep = withEveryCovariate(pairs, covariates); // the complete cases notAnalysed counts (not-analysed.ts)
  const pick = <T>(xs: readonly T[]) => xs.filter((_, i) => keep[i]);
  const arms = pick(pairs.arm);
  const clusters = pick(pairs.ids).map((id) => clusterOf.get(id)!);
  clustersPerArm(arms, clusters, { intervention: arms.filter((a) => a === 'intervention').length, control: arms.filter((a) => a === 'control').length });
  const r = ancova(
    {
      outcome: pick(pairs.followUp),
      baseline: pick(pairs.baseline),
      treated: arms.map((a) => (a === 'intervention' ? 1 : 0)),
      covariates: covariates.map((name) => ({ name, values: pick(pairs.covariates[name] ?? []) as (string | number)[] })),
      clusters,
    },
    { confLevel },
  );
  return {
    n: r.n, difference: r.difference, se: r.se, df: r.df, ciLower: r.ciLower, ciUpper: r.ciUpper, confLevel,
    ciMethod: CLUSTER_CI_METHOD, pValue: r.pValue, extra: { covariates: ['baseline', ...covariates], clusters: r.clusters! },
  };
}

/** The unadjusted difference in means, or (0/1 values) the risk difference, with a cluster-robust SE. */
export function clusteredDifference(byPatient: { ids: readonly string[]; arm: readonly Arm[]; values: readonly number[] }, clusterOf: ReadonlyMap<string, string>, confLevel: number, binary: boolean): EffectEstimate {
  const clusters = byPatient.ids.map((id) => clusterOf.get(id)!);
  const n = { intervention: byPatient.arm.filter((a) => a === 'intervention').length, control: byPatient.arm.filter((a) => a === 'control').length };
  clustersPerArm(byPatient.arm, clusters, n);
  const shares = binary ? sharesOf(byPatient) : undefined;
  if (shares) constantWithinArms(shares, n);
  const r = clusterDifference(byPatient.values, byPatient.arm.map((a) => (a === 'intervention' ? 1 : 0)), clusters, confLevel);
  return {
    n: r.n, difference: r.difference, se: r.se, df: r.df, ciLower: r.ciLower, ciUpper: r.ciUpper, confLevel,
    ciMethod: binary ? `linear probability model, ${CLUSTER_CI_METHOD}` : CLUSTER_CI_METHOD, pValue: r.pValue,
    extra: { clusters: r.clusters, ...(shares ? { shares } : {}) },
  };
}

/**
 * Yes/no answers the same for every patient of each arm (no one answered yes, everyone did, or
 * all yes in one arm and all no in the other): the risk difference is plain (0 or ±100 pp) but
 * every residual is 0, so the cluster-robust SE is 0 and no interval can be estimated (the least
 * squares fit would fail as a perfect fit). The row says so, in yes/no words, and keeps the
 * shares for the responders chart; the ordinary path's Newcombe interval would ignore the clusters.
 */
function constantWithinArms(shares: ReturnType<typeof sharesOf>, n: { intervention: number; control: number }): void {
  const all = (arm: Arm) => (arm === 'intervention' ? shares.eventsIntervention : shares.eventsControl);
  const constant = (arm: Arm) => all(arm) === 0 || all(arm) === n[arm];
  if (!constant('intervention') || !constant('control')) return;
  const pp = Math.round(100 * (shares.intervention - shares.control));
  throw Object.assign(
    analysisFailed(
      `yes in ${shares.eventsIntervention} of ${n.intervention} patients in the intervention arm and ${shares.eventsControl} of ${n.control} in control, so within each arm every patient answered alike: ` +
        `the risk difference is ${pp} percentage points, but its cluster-robust interval cannot be estimated`,
      n,
    ),
    { shares },
  );
}

/**
 * The raw share with the event per arm of 0/1 values, for the report's responders chart and table.
 * Without a per-arm interval: a Wilson interval would treat the patients of one practice as
 * independent, too narrow (docs/plan-trial.md#cluster-randomised-trials).
 */
function sharesOf(byPatient: { arm: readonly Arm[]; values: readonly number[] }): NonNullable<EffectRow['shares']> {
  const events = { intervention: 0, control: 0 };
  const n = { intervention: 0, control: 0 };
  byPatient.arm.forEach((a, i) => {
    n[a]++;
    if (byPatient.values[i] === 1) events[a]++;
  });
  return { intervention: events.intervention / n.intervention, control: events.control / n.control, eventsIntervention: events.intervention, eventsControl: events.control };
}
