/**
 * CDISC ADaM's derived records: a BDS dataset adds rows for visits a patient missed, filled by
 * an imputation rule (LOCF, WOCF, BOCF…) and marked in `DTYPE` (the derivation type), blank on
 * observed rows. Read as they stand they are analysed as observed: the participant flow counts the
 * patients as followed up, the MMRM and multiple imputation take the copies as data, and ANCOVA
 * includes them. So a trial export whose `DTYPE` column marks rows is refused, naming the column,
 * the count of rows and their values and the fix, unless the plan's `"derivedRows": "leave-out"`
 * says to read past them (docs/plan-trial.md#adam-derived-rows). A record summarising others
 * (AVERAGE…) is refused either way: ADaM analyses it in place of its sources. Only ADaM's own
 * `DTYPE` and visit column are read so: an ordinary export's `dtype` or `visit` is data.
 */
import { HtaError, type Problem } from '../errors.js';
import { FieldReader, type CsvRecord } from '../io/read-csv.js';

/**
 * Visits ADaM derives rather than schedules: the endpoint (each patient's last value on treatment)
 * and a visit carried forward (`Week 12 LOCF`, `ENDPOINT (LOCF)`). Ordinary visit names that end in
 * "endpoint" (`12 months (primary endpoint)`) are scheduled visits, never these.
 */
const DERIVED_VISIT = /^(?:end ?point|last (?:observation|value)(?: carried forward)?|locf|wocf|bocf)\b|\b(?:locf|wocf|bocf)\)?$/i;
/** End of treatment or study: ADaM derives it (the last on-treatment value), yet a trial may schedule it. */
const END_VISIT = /^(?:end of (?:treatment|study|trial)|eot|eos)\b/i;

const upperNames = (header: readonly string[]) => header.map((h) => h.trim().toUpperCase());

/** Whether the header is an ADaM dataset's: `USUBJID` with `AVISIT`, `PARAMCD` or `AVAL`. */
export function looksAdam(header: readonly string[]): boolean {
  const names = upperNames(header);
  return names.includes('USUBJID') && ['AVISIT', 'PARAMCD', 'AVAL'].some((n) => names.includes(n));
}

/** Whether the header is an ADaM or SDTM dataset's: ADaM's, or `USUBJID` with SDTM's `VISITNUM`, `DOMAIN` or `STUDYID`. */
function looksCdisc(header: readonly string[]): boolean {
  const names = upperNames(header);
  return looksAdam(header) || (names.includes('USUBJID') && ['VISITNUM', 'DOMAIN', 'STUDYID'].some((n) => names.includes(n)));
}

/**
 * The column a derived visit can be in: ADaM's `AVISIT`, or `VISIT` in an ADaM or SDTM dataset
 * (a trial export's own `visit` column is not CDISC's); -1 when none.
 */
export function derivedVisitColumn(header: readonly string[]): number {
  const names = upperNames(header);
  const avisit = names.indexOf('AVISIT');
  if (avisit >= 0) return avisit;
  return looksCdisc(header) ? names.indexOf('VISIT') : -1;
}

/**
 * Whether a visit value names a derived visit of ADaM, in an export with `header`: `ENDPOINT`,
 * `Week 12 LOCF` in its visit column (derivedVisitColumn); `End of Treatment`, `EOT`, `EOS` only
 * when `DTYPE` or `AVISITN` shows an ADaM dataset. Undefined when the export has no such column.
 */
export function derivedVisitTest(header: readonly string[]): ((value: string) => boolean) | undefined {
  if (derivedVisitColumn(header) < 0) return undefined;
  const names = upperNames(header);
  const ends = names.includes('DTYPE') || names.includes('AVISITN');
  return (value) => {
    const v = value.trim();
    return DERIVED_VISIT.test(v) || (ends && END_VISIT.test(v));
  };
}

/** The kind of the problem naming the derived rows. */
export const DERIVED_ROWS_KIND = 'row.adam-derived';

/** ADaM's derivation-type column; `DTYPE` in every ADaM dataset (upper case, as SAS writes it). */
const DTYPE = 'DTYPE';

/**
 * CDISC's derivation types (ADaM controlled terminology, DTYPE) that fill a visit the patient
 * missed, or copy a value to a visit of its own (ENDPOINT): rows hta can read past, the visit then
 * missing.
 */
const IMPUTATION_TYPES = new Set(['LOCF', 'WOCF', 'BOCF', 'BLOCF', 'LOV', 'PHANTOM', 'INTERP', 'EXTRAP', 'ENDPOINT']);
/** CDISC's derivation types of a record summarising other records of its visit (AVERAGE…): the analysed one, its sources not. */
const SUMMARY_TYPES = new Set(['AVERAGE', 'MINIMUM', 'MAXIMUM', 'ML', 'LLOQ', 'ULOQ']);

/** Whether a DTYPE value is a derivation type hta reads past: an imputation (LOCF, WOCF…). */
export function isImputationType(value: string): boolean {
  return IMPUTATION_TYPES.has(value.trim().toUpperCase());
}

/**
 * The index of the export's ADaM `DTYPE` column (any case), or -1. A column of that name is ADaM's
 * only when the file looks like ADaM (looksAdam) or every value in it is one of CDISC's derivation
 * types: a trial's own `dtype` (`web`, `paper`) is no derivation type. The caller leaves out a
 * column its plan names (load-trial.ts).
 */
export function derivedTypeColumn(header: readonly string[], records: Iterable<CsvRecord>): number {
  const col = header.findIndex((h) => h.trim().toUpperCase() === DTYPE);
  if (col < 0 || looksAdam(header)) return col;
  const cells = new FieldReader();
  let any = false;
  for (const rec of records) {
    cells.load(rec, col + 1);
    const v = cells.cell(col);
    if (v === null) continue;
    const t = v.trim().toUpperCase();
    if (!IMPUTATION_TYPES.has(t) && !SUMMARY_TYPES.has(t)) return -1;
    any = true;
  }
  return any ? col : -1;
}

/** The rows a `DTYPE` column marks: their count, first lines and each value's count (in order of first sight). */
export interface DerivedRows {
  column: string;
  /** The column's index in the header. */
  index: number;
  rows: number;
  lines: number[];
  values: [string, number][];
  /** The first lines of rows whose value is no imputation (AVERAGE…: isImputationType), which no plan reads past. */
  otherLines: number[];
}

/** The rows of `records` whose cell `col` holds a value (a derivation type), or undefined when none does. */
export function derivedRowsOf(header: readonly string[], records: Iterable<CsvRecord>, col: number): DerivedRows | undefined {
  if (col < 0) return undefined;
  const cells = new FieldReader();
  const values = new Map<string, number>();
  const lines: number[] = [];
  const otherLines: number[] = [];
  let rows = 0;
  for (const rec of records) {
    cells.load(rec, col + 1);
    const v = cells.cell(col);
    if (v === null) continue;
    rows++;
    if (lines.length < 5) lines.push(rec.line);
    if (otherLines.length < 5 && !isImputationType(v)) otherLines.push(rec.line);
    values.set(v, (values.get(v) ?? 0) + 1);
  }
  return rows ? { column: header[col]!.trim(), index: col, rows, lines, values: [...values], otherLines } : undefined;
}

/** Values with their counts: `"LOCF" 14, "WOCF" 2` (also plan/adam-draft.ts). */
export function countedText(values: Iterable<[string, number]>): string {
  return [...values].map(([v, n]) => `${JSON.stringify(v)} ${n}`).join(', ');
}
const valuesText = (d: DerivedRows) => countedText(d.values);

/** The rows' lines as said: `lines 35, 80, 112 …`. */
function linesText(lines: readonly number[], rows: number): string {
  return `${rows === 1 ? 'line' : 'lines'} ${lines.join(', ')}${rows > lines.length ? ', …' : ''}`;
}

/** The values of `d` no plan reads past: a record summarising others (AVERAGE, MINIMUM…) or a type hta does not know. */
export function notImputedValues(d: DerivedRows): [string, number][] {
  return d.values.filter(([v]) => !isImputationType(v));
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
  return `observed values only: column "${d.column}" (ADaM's derivation type) marks ${d.rows} ${d.rows === 1 ? 'row' : 'rows'} as derived (${valuesText(d)}; ${linesText(d.lines, d.rows)}) — values imputed for a visit the patient missed, which hta would analyse as observed (the participant flow would count those patients as followed up, the MMRM and multiple imputation would take the copies as data); leave them out of the export — in R, dplyr::filter(adam, ${f.r}), in SAS, where ${f.sas} — or write "derivedRows": "leave-out" in the plan to read past them; hta's missing-data analyses then handle the visits they filled (docs/plan-trial.md#adam-derived-rows)`;
}

/**
 * What an export whose DTYPE marks records that are no imputation (AVERAGE, MINIMUM, MAXIMUM…) is
 * expected to be: ADaM analyses such a record (ANL01FL "Y") in place of the records it summarises,
 * so leaving it out would leave those as several values at one visit — keep the analysed records.
 */
export function summaryRowsExpected(d: DerivedRows, header: readonly string[]): string {
  const others = notImputedValues(d);
  const n = others.reduce((a, [, k]) => a + k, 0);
  const imputed = d.values.filter(([v]) => isImputationType(v)).map(([v]) => JSON.stringify(v));
  const flag = analysisFlagColumn(header);
  const r = [...(flag ? [`${flag} %in% "Y"`] : []), ...(imputed.length ? [`!${d.column} %in% c(${imputed.join(', ')})`] : [])];
  const sas = [...(flag ? [`${flag} = 'Y'`] : []), ...(imputed.length ? [`${d.column} not in (${imputed.map((v) => `'${JSON.parse(v) as string}'`).join(', ')})`] : [])];
  const keep = flag
    ? `keep the records ADaM analyses and drop the column — in R, dplyr::select(dplyr::filter(adam, ${r.join(', ')}), -${d.column}), in SAS, where ${sas.join(' and ')}; drop ${d.column}`
    : `keep one record per patient and visit (the derived one or the records it summarises${imputed.length ? `, without the imputed ${imputed.join(', ')} rows` : ''}) and drop the column`;
  return `one record per patient and visit: column "${d.column}" (ADaM's derivation type) marks ${n} ${n === 1 ? 'row' : 'rows'} as derived from other records of the same visit (${countedText(others)}; ${linesText(d.otherLines, n)}) — ADaM analyses such a record${flag ? ` (${flag} "Y")` : ''} in place of the records it summarises, so reading past it would leave those as several values at one visit, and reading it would count the visit twice; ${keep}; "derivedRows": "leave-out" reads past imputed rows (LOCF, WOCF, BOCF…) only (docs/plan-trial.md#adam-derived-rows)`;
}

/** The refusal of a trial export with derived rows: one problem at the first such row's cell. */
export function derivedRowsError(file: string, header: readonly string[], d: DerivedRows): HtaError {
  const others = notImputedValues(d);
  if (others.length) {
    const n = others.reduce((a, [, k]) => a + k, 0);
    const problem: Problem = { file, line: d.otherLines[0]!, column: d.index + 1, field: d.column, value: others[0]![0], expected: summaryRowsExpected(d, header), kind: DERIVED_ROWS_KIND };
    return new HtaError('input.invalid', `${file}: ${n} ${n === 1 ? 'row is an' : 'rows are'} ADaM derived ${n === 1 ? 'record' : 'records'} summarising other records of its visit (${countedText(others)} in column "${d.column}"), beside the records ${n === 1 ? 'it summarises' : 'they summarise'}`, [problem]);
  }
  const problem: Problem = { file, line: d.lines[0]!, column: d.index + 1, field: d.column, value: d.values[0]![0], expected: derivedRowsExpected(d, header), kind: DERIVED_ROWS_KIND };
  return new HtaError('input.invalid', `${file}: ${d.rows} ${d.rows === 1 ? 'row is' : 'rows are'} ADaM derived ${d.rows === 1 ? 'record' : 'records'} (${valuesText(d)} in column "${d.column}"), not observed values`, [problem]);
}

/** The note of a run that read past the derived rows (the plan's "derivedRows": "leave-out"); Danish under `--lang da` (docs/cli.md "Danish output"). */
export function derivedRowsNote(file: string, d: DerivedRows, lang: 'en' | 'da' = 'en'): string {
  if (lang === 'da') return `${file}: ${d.rows} udledte ADaM-${d.rows === 1 ? 'række' : 'rækker'} (${valuesText(d)} i kolonnen "${d.column}") er ikke læst, som planens "derivedRows": "leave-out" angiver: de besøg, de udfyldte, mangler i alle analyser`;
  return `${file}: ${d.rows} ADaM derived ${d.rows === 1 ? 'row' : 'rows'} (${valuesText(d)} in column "${d.column}") not read, as the plan's "derivedRows": "leave-out" says: the visits they filled are missing in every analysis`;
}

/**
 * The note of a plan that analyses a derived visit (`ENDPOINT`, `Week 39 LOCF`) as a visit of its
 * own: its values repeat another visit's, which the MMRM and multiple imputation would take as a
 * further observation. A note, not a refusal: an endpoint analysis may be what the protocol asks.
 */
export function derivedVisitNotes(file: string, header: readonly string[], visits: readonly string[], exportTimes: readonly string[], lang: 'en' | 'da' = 'en'): string[] {
  const derivedVisit = derivedVisitTest(header);
  if (!derivedVisit) return [];
  return visits.flatMap((v, k) => {
    const t = exportTimes[k]!;
    if (!derivedVisit(t)) return [];
    if (lang === 'da') {
      const i = t === v ? '' : ` ("${t}" i eksporten)`;
      return [`${file}: planen analyserer besøget "${v}"${i}, der er navngivet som et udledt ADaM-besøg — den sidste eller fremførte værdi for hver patient, en kopi af et andet besøgs: ved siden af det besøg tæller MMRM og multipel imputation værdien to gange; er det ikke et besøg i skemaet, så angiv det i "ignoreTimepoints" (docs/plan-trial.md#adam-derived-rows)`];
    }
    const written = t === v ? '' : ` ("${t}" in the export)`;
    return [`${file}: the plan analyses visit "${v}"${written}, named as an ADaM derived visit — each patient's last or carried-forward value, a copy of another visit's: beside that visit, the MMRM and multiple imputation count the value twice; if it is no visit of the schedule, list it in "ignoreTimepoints" (docs/plan-trial.md#adam-derived-rows)`];
  });
}
