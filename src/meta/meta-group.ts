/** One outcome × time × measure of a meta-analysis result: what a table or forest plot shows. */
import type { MetaOutcomeSetting, MetaPooledRow, MetaResults, MetaStudyRow, MetaSubgroupTest } from './meta-results-schema.js';

export interface MetaGroup {
  setting: MetaOutcomeSetting;
  studies: MetaStudyRow[];
  pooled: MetaPooledRow[];
  subgroupTests: MetaSubgroupTest[];
}

export function metaGroupOf(results: MetaResults, setting: MetaOutcomeSetting): MetaGroup {
  const same = (x: { outcome: string; time: string; measure: string }) => x.outcome === setting.outcome && x.time === setting.time && x.measure === setting.measure;
  return {
    setting,
    studies: results.studies.filter(same),
    pooled: results.pooled.filter(same),
    subgroupTests: results.subgroupTests.filter(same),
  };
}

/** Every group of a result, in output order. */
export function metaGroups(results: MetaResults): MetaGroup[] {
  return results.outcomes.map((s) => metaGroupOf(results, s));
}

/** The overall rows of a group (not a subgroup's subtotal), by what each is. */
export interface OverallRows {
  fixed?: MetaPooledRow;
  random?: MetaPooledRow;
  /** One estimate, not pooled: the study's own. */
  single?: MetaPooledRow;
  /** The row a summary shows: random effects from two trials on, else the fixed-effect combination of one trial's subgroups, else the single study. */
  headline?: MetaPooledRow;
  /** Estimates from subgroups of one trial, combined (fixed effect only). */
  oneTrialSubgroups: boolean;
}

/**
 * The overall rows among a group's pooled rows: those with no subgroup, or, when every estimate
 * comes from one subgroup, that subgroup's (meta-analyze.ts names it on them).
 */
export function overallOf(pooled: readonly MetaPooledRow[], studies: readonly Pick<MetaStudyRow, 'subgroup'>[]): OverallRows {
  const names = new Set(studies.map((x) => x.subgroup));
  const only = names.size === 1 ? [...names][0] ?? null : null;
  const rows = pooled.filter((p) => p.subgroup === null || p.subgroup === only);
  const fixed = rows.find((p) => p.model === 'fixed');
  const random = rows.find((p) => p.model === 'random');
  const single = rows.find((p) => p.model === 'single-study');
  return { ...(fixed ? { fixed } : {}), ...(random ? { random } : {}), ...(single ? { single } : {}), ...((random ?? fixed ?? single) ? { headline: (random ?? fixed ?? single) as MetaPooledRow } : {}), oneTrialSubgroups: fixed !== undefined && random === undefined };
}
