/**
 * Effect rows as CSV: the JSON field names as columns (nested objects flattened with a dot), then
 * the columns that say which rows they are — the trial's, the target population's, the effect
 * transported to the target margins, one level of a subgroup analysis, or the adverse events'
 * risk differences with their patients per arm (docs/data-contracts.md#effect-rows).
 */
import type { CsvCell } from '../io/write-csv.js';
import { ADVERSE_EVENT_KIND_TEXT } from '../report/adverse-events-table.js';
import type { AnalysisResult, EffectRow } from './results-schema.js';

export const EFFECT_CSV_COLUMNS = [
  'outcome', 'label', 'time', 'method', 'n.intervention', 'n.control', 'difference', 'se', 'df', 'ciLower', 'ciUpper',
  'confLevel', 'ciMethod', 'pValue', 'mcid', 'direction', 'benefit', 'benefitCiLower', 'benefitCiUpper',
  'significant', 'imprecise', 'relevance', 'smd.estimate', 'smd.ciLower', 'smd.ciUpper', 'error',
  // Yes/no and responder rows: each arm's share (of the patients answering at the visit), the ratios and the NNT.
  'risks.intervention', 'risks.control', 'riskRatio.estimate', 'riskRatio.ciLower', 'riskRatio.ciUpper',
  'oddsRatio.estimate', 'oddsRatio.ciLower', 'oddsRatio.ciUpper', 'nnt.label',
] as const;

/**
 * Which rows: `trial`, `target` (patients meeting the criteria), `transported` (raked to the
 * margins), `transported-inverse-odds` (weighted to the target sample), `subgroup`,
 * `adverse-events` (with the patients with ≥ 1 such event per arm). `extremeWeights` on the
 * transported rows: the weights' flag (docs/subgroups.md#extreme-weights), last so that the columns before keep their places.
 */
export const SET_CSV_COLUMNS = ['set', 'subgroup', 'subgroupLevel', 'interactionP', 'effectiveSampleSize', 'patientsWithEvent.intervention', 'patientsWithEvent.control', 'extremeWeights'] as const;

/**
 * `--bootstrap`'s percentile and BCa limits of a row's difference (`effects[].bootstrap`), added
 * only by a run with --bootstrap (a CSV without it is as before) and empty on the rows it does not
 * cover; last so that the columns before keep their places (docs/data-contracts.md#effect-rows).
 */
export const BOOTSTRAP_CSV_COLUMNS = ['boot_percentile_lower', 'boot_percentile_upper', 'boot_bca_lower', 'boot_bca_upper'] as const;

function bootstrapCells(r: Partial<EffectRow>): CsvCell[] {
  const b = r.bootstrap;
  return [b?.percentile[0] ?? null, b?.percentile[1] ?? null, b?.bca?.[0] ?? null, b?.bca?.[1] ?? null];
}

type SetCells = Record<(typeof SET_CSV_COLUMNS)[number], CsvCell>;

function cells(r: Partial<EffectRow>, set: SetCells): CsvCell[] {
  const get = (path: string): CsvCell => {
    let v: unknown = r;
    for (const k of path.split('.')) v = v === null || v === undefined ? undefined : (v as Record<string, unknown>)[k];
    return v as CsvCell;
  };
  return [...EFFECT_CSV_COLUMNS.map(get), ...SET_CSV_COLUMNS.map((c) => set[c])];
}

const NONE = { subgroup: null, subgroupLevel: null, interactionP: null, effectiveSampleSize: null, 'patientsWithEvent.intervention': null, 'patientsWithEvent.control': null, extremeWeights: null };

/**
 * One adverse-event kind as an effect row: `outcome` the kind (any, serious, related), `n` the
 * patients randomised (every share is over them, ITT), the risk difference and its Newcombe CI;
 * the cells of a continuous or judged row (time, MCID, verdict) empty.
 */
function adverseEventCells(r: NonNullable<AnalysisResult['adverseEvents']>['rows'][number], randomised: { intervention: number; control: number }): CsvCell[] {
  const row: Partial<EffectRow> = {
    outcome: r.kind, label: ADVERSE_EVENT_KIND_TEXT[r.kind].en, method: 'risk-difference', n: randomised,
    difference: r.difference, ciLower: r.ciLower, ciUpper: r.ciUpper, confLevel: r.confLevel, ciMethod: r.ciMethod, pValue: r.pValue,
    ...(r.error ? { error: r.error } : {}),
  };
  return cells(row, { set: 'adverse-events', ...NONE, 'patientsWithEvent.intervention': r.patients.intervention, 'patientsWithEvent.control': r.patients.control });
}

/** A cluster-randomised trial's yes/no rows give their raw shares as `shares` (no per-arm interval): the same columns. */
function withShares(r: EffectRow): EffectRow {
  return r.risks || !r.shares ? r : { ...r, risks: { ...r.shares } as EffectRow['risks'] };
}

/** The patients with a "yes" per arm of a yes/no or responder row; empty on other rows. */
function patientsWithEvent(r: EffectRow): Pick<SetCells, 'patientsWithEvent.intervention' | 'patientsWithEvent.control'> {
  const e = r.risks ?? r.shares;
  return e ? { 'patientsWithEvent.intervention': e.eventsIntervention, 'patientsWithEvent.control': e.eventsControl } : { 'patientsWithEvent.intervention': null, 'patientsWithEvent.control': null };
}

/**
 * The trial rows, then the target population's, the transported ones, every subgroup level and
 * the adverse events; with `bootstrap` (a run with --bootstrap) the four bootstrap columns after them.
 */
export function effectsCsv(result: Pick<AnalysisResult, 'effects' | 'subgroups' | 'targetPopulation' | 'adverseEvents'>, options: { bootstrap?: boolean } = {}): [string[], CsvCell[][]] {
  const rows: CsvCell[][] = result.effects.map((r) => [...cells(withShares(r), { set: 'trial', ...NONE, ...patientsWithEvent(r) }), ...(options.bootstrap ? bootstrapCells(r) : [])]);
  const target = result.targetPopulation;
  for (const r of target?.effects ?? []) rows.push(cells(r, { set: 'target', ...NONE }));
  for (const t of target?.transported ?? []) rows.push(cells(t.effect, { set: t.weighting === 'raking' ? 'transported' : 'transported-inverse-odds', ...NONE, effectiveSampleSize: t.weights?.effectiveSampleSize ?? null, extremeWeights: t.weights?.extreme ?? null }));
  for (const g of result.subgroups ?? []) {
    for (const l of g.levels) rows.push(cells(l.effect, { ...NONE, set: 'subgroup', subgroup: g.subgroup, subgroupLevel: l.level, interactionP: g.interaction.pValue, effectiveSampleSize: null }));
  }
  const ae = result.adverseEvents;
  for (const r of ae?.rows ?? []) rows.push(adverseEventCells(r, ae!.randomised));
  if (!options.bootstrap) return [[...EFFECT_CSV_COLUMNS, ...SET_CSV_COLUMNS], rows];
  // Only the trial rows have bootstrap intervals (continuous-effect.ts); the rest get empty cells.
  const width = EFFECT_CSV_COLUMNS.length + SET_CSV_COLUMNS.length;
  return [[...EFFECT_CSV_COLUMNS, ...SET_CSV_COLUMNS, ...BOOTSTRAP_CSV_COLUMNS], rows.map((r) => (r.length === width ? [...r, null, null, null, null] : r))];
}
