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
