/** The CSV files `hta cea --out-dir` writes, through the formula-escaping writer (docs/output-safety.md). */
import { toCsv } from '../io/write-csv.js';
import type { CeaResult } from './cea-results-schema.js';

export const CEA_CSV_FILES = ['ceac.csv', 'ce-plane.csv', 'sensitivity.csv', 'costs-by-category.csv'] as const;

export function ceaCsvFiles(r: CeaResult): Map<(typeof CEA_CSV_FILES)[number], string> {
  return new Map([
    ['ceac.csv', toCsv(['wtp', 'probability_cost_effective'], r.ceac.map((c) => [c.wtp, c.probability]))],
    ['ce-plane.csv', toCsv(['replicate', 'incremental_cost', 'incremental_qaly'], r.cloud.cost.map((c, i) => [i + 1, c, r.cloud.qaly[i]!]))],
    [
      'sensitivity.csv',
      toCsv(
        ['scenario', 'changed', 'incremental_cost', 'incremental_qaly', 'icer_kind', 'icer', ...r.thresholds.flatMap((t) => [`nmb_${t.threshold}`, `p_ce_${t.threshold}`]), 'mcse_cost', 'mcse_qaly'],
        r.sensitivity.map((s) => [s.key, s.changed, s.incrementalCost, s.incrementalQaly, s.icer.kind, s.icer.kind === 'ratio' ? s.icer.icer : null, ...s.thresholds.flatMap((t) => [t.nmb.estimate, t.probabilityCostEffective]), s.monteCarloError?.incrementalCost ?? null, s.monteCarloError?.incrementalQaly ?? null]),
      ),
    ],
    [
      'costs-by-category.csv',
      toCsv(['category', 'intervention_mean', 'intervention_n', 'control_mean', 'control_n'], r.costsByCategory.map((c) => [c.category, c.intervention.mean, c.intervention.n, c.control.mean, c.control.n])),
    ],
  ]);
}
