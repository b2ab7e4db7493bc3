/**
 * CDISC ADaM's derived records: a BDS dataset adds rows for visits a patient missed, filled by
 * an imputation rule (LOCF, WOCF, BOCF…) and marked in `DTYPE` (the derivation type), blank on
 * observed rows. Read as they stand they are analysed as observed: the participant flow counts the
 * patients as followed up, the MMRM and multiple imputation take the copies as data, and ANCOVA
 * includes them. So a trial export whose `DTYPE` column marks rows is refused, naming the column,
 * the count of rows and their values and the fix, unless the plan's `"derivedRows": "leave-out"`
 * says to read past them (docs/plan-trial.md#adam-derived-rows).
 */
import { HtaError, type Problem } from '../errors.js';
import { FieldReader, type CsvRecord } from '../io/read-csv.js';

/**
 * Visits ADaM derives rather than schedules: the endpoint (each patient's last value on treatment),
 * end of treatment or study, and a visit carried forward (`Week 12 LOCF`, `ENDPOINT (LOCF)`).
 */
const DERIVED_VISIT = /^(?:end ?point|end of (?:treatment|study|trial)|eot|eos|last (?:observation|value)(?: carried forward)?|locf|wocf|bocf)\b|\b(?:locf|wocf|bocf|endpoint)\)?$/i;

/** Whether an export visit value names a derived visit of ADaM. */
export function isDerivedVisit(value: string): boolean {
  return DERIVED_VISIT.test(value.trim());
}

/** The kind of the problem naming the derived rows. */
export const DERIVED_ROWS_KIND = 'row.adam-derived';

/** ADaM's derivation-type column; `DTYPE` in every ADaM dataset (upper case, as SAS writes it). */
const DTYPE = 'DTYPE';

/** The index of the export's `DTYPE` column (any case), or -1. */
export function derivedTypeColumn(header: readonly string[]): number {
  return header.findIndex((h) => h.trim().toUpperCase() === DTYPE);
}

/** The rows a `DTYPE` column marks: their count, first lines and each value's count (in order of first sight). */
export interface DerivedRows {
  column: string;
  rows: number;
  lines: number[];
  values: [string, number][];
}

/** The rows of `records` whose cell `col` holds a value (a derivation type), or undefined when none does. */
export function derivedRowsOf(header: readonly string[], records: Iterable<CsvRecord>, col: number): DerivedRows | undefined {
  if (col < 0) return undefined;
  const cells = new FieldReader();
  const values = new Map<string, number>();
  const lines: number[] = [];
  let rows = 0;
  for (const rec of records) {
    cells.load(rec, col + 1);
    const v = cells.cell(col);
    if (v === null) continue;
    rows++;
    if (lines.length < 5) lines.push(rec.line);
    values.set(v, (values.get(v) ?? 0) + 1);
  }
  return rows ? { column: header[col]!.trim(), rows, lines, values: [...values] } : undefined;
}

/** `LOCF 14, WOCF 2`. */
function valuesText(d: DerivedRows): string {
  return d.values.map(([v, n]) => `${JSON.stringify(v)} ${n}`).join(', ');
}

/** The rows' lines as said: `lines 35, 80, 112 …`. */
function linesText(d: DerivedRows): string {
  return `${d.rows === 1 ? 'line' : 'lines'} ${d.lines.join(', ')}${d.rows > d.lines.length ? ', …' : ''}`;
}

/**
 * The filter that keeps the observed analysis records, in R and SAS: blank `DTYPE` (R reads a
 * blank text cell as "" from a CSV, as NA from SAS or with na = ""), and `ANL01FL` "Y" when the
 * dataset has that flag. Said in the refusals here and in the BDS pivot advice (plan/export-layouts.ts).
 */
export function observedRowsFilter(dtype: string | undefined, anl01fl: string | undefined): { r: string; sas: string } | undefined {
  const r = [...(dtype ? [`is.na(${dtype}) | ${dtype} == ""`] : []), ...(anl01fl ? [`${anl01fl} %in% "Y"`] : [])];
  const sas = [...(dtype ? [`${dtype} = ''`] : []), ...(anl01fl ? [`${anl01fl} = 'Y'`] : [])];
  return r.length ? { r: r.join(', '), sas: sas.join(' and ') } : undefined;
}

/** The header's `ANL01FL` (ADaM's analysis flag), as written, or undefined. */
export function analysisFlagColumn(header: readonly string[]): string | undefined {
  return header.find((h) => h.trim().toUpperCase() === 'ANL01FL')?.trim();
}

/** What a trial export with derived rows is expected to be, and how to get there. */
export function derivedRowsExpected(d: DerivedRows, header: readonly string[]): string {
  const f = observedRowsFilter(d.column, analysisFlagColumn(header))!;
  return `observed values only: column "${d.column}" (ADaM's derivation type) marks ${d.rows} ${d.rows === 1 ? 'row' : 'rows'} as derived (${valuesText(d)}; ${linesText(d)}) — values imputed for a visit the patient missed, which hta would analyse as observed (the participant flow would count those patients as followed up, the MMRM and multiple imputation would take the copies as data); leave them out of the export — in R, dplyr::filter(adam, ${f.r}), in SAS, where ${f.sas} — or write "derivedRows": "leave-out" in the plan to read past them; hta's missing-data analyses then handle the visits they filled (docs/plan-trial.md#adam-derived-rows)`;
}

/** The refusal of a trial export with derived rows: one problem at the first such row's cell. */
export function derivedRowsError(file: string, header: readonly string[], d: DerivedRows): HtaError {
  const problem: Problem = { file, line: d.lines[0]!, column: derivedTypeColumn(header) + 1, field: d.column, value: d.values[0]![0], expected: derivedRowsExpected(d, header), kind: DERIVED_ROWS_KIND };
  return new HtaError('input.invalid', `${file}: ${d.rows} ${d.rows === 1 ? 'row is' : 'rows are'} ADaM derived ${d.rows === 1 ? 'record' : 'records'} (${valuesText(d)} in column "${d.column}"), not observed values`, [problem]);
}

/** The note of a run that read past the derived rows (the plan's "derivedRows": "leave-out"). */
export function derivedRowsNote(file: string, d: DerivedRows): string {
  return `${file}: ${d.rows} ADaM derived ${d.rows === 1 ? 'row' : 'rows'} (${valuesText(d)} in column "${d.column}") not read, as the plan's "derivedRows": "leave-out" says: the visits they filled are missing in every analysis`;
}

/**
 * The note of a plan that analyses a derived visit (`ENDPOINT`, `Week 39 LOCF`) as a visit of its
 * own: its values repeat another visit's, which the MMRM and multiple imputation would take as a
 * further observation. A note, not a refusal: an endpoint analysis may be what the protocol asks.
 */
export function derivedVisitNotes(file: string, visits: readonly string[], exportTimes: readonly string[]): string[] {
  return visits.flatMap((v, k) => {
    const t = exportTimes[k]!;
    if (!isDerivedVisit(t) && !isDerivedVisit(v)) return [];
    const written = t === v ? '' : ` ("${t}" in the export)`;
    return [`${file}: the plan analyses visit "${v}"${written}, named as an ADaM derived visit — each patient's last or carried-forward value, a copy of another visit's: beside that visit, the MMRM and multiple imputation count the value twice; if it is no visit of the schedule, list it in "ignoreTimepoints" (docs/plan-trial.md#adam-derived-rows)`];
  });
}
