/**
 * Reads and validates the study-level CSV of a meta-analysis (docs/input-studies.md).
 *
 * One row per study × outcome × time (× subgroup), with `study`, `outcome`, `time`, optional
 * `subgroup`, `citation` and `measure` (MD | SMD | RR | OR | RD; default MD for continuous
 * inputs, RR for events), and per row exactly ONE kind of input:
 *
 *   arms      n_intervention, mean_intervention, sd_intervention, n_control, mean_control, sd_control
 *   ci        difference, ci_lower, ci_upper   (95% CI; for RR/OR the ratio and its CI)
 *   se        difference, se                   (for RR/OR the ratio and the SE of its log)
 *   events    events_intervention, n_intervention, events_control, n_control
 *   estimate  difference alone: kept and shown, flagged "no interval reported", not pooled
 *
 * `n_intervention`/`n_control` may accompany a reported difference (shown, not used).
 * Every problem is collected with file:line:column (up to MAX_PROBLEMS); any problem → HtaError
 * `input.invalid` (exit 2). Which header cell is which column (Danish names, a 95% CI in one
 * column) is study-columns.ts's job; other columns are ignored.
 */
import { HtaError, MAX_PROBLEMS, type Problem } from '../errors.js';
import { type DecimalMark, DecimalMarkVote, declaredMarkError, otherMarkHint, quotedCommaNote, undecidedError, type VotePlace } from '../io/decimal-mark.js';
import { excelErrorOf, isExcelError } from '../io/spreadsheet-cells.js';
import { looksScientific, type RoundedScientificCells, RoundedScientificTally, roundedScientificNote, scientificHint, scientificNumber } from '../io/scientific-number.js';
import { parseNumber } from '../io/parse-number.js';
import { footnoteLinesNote } from '../io/footnote-lines.js';
import { type CsvTable, readCsvFile } from '../io/read-csv.js';
import type { ArmSummaries } from '../stats/meta/study-effect.js';
import type { TwoByTwo } from '../stats/meta/two-by-two.js';
import { checkCentre } from './interval-centre.js';
import { ciMethodExpected, ciMethodOf } from './ci-method.js';
import { decimalsOf } from './interval-shape.js';
import { sameResultWarnings } from './same-results.js';
import { numberPieces, splitEstimateAndInterval, splitInterval } from './split-interval.js';
import { clusterRow } from './cluster-rows.js';
import { numberCellHint } from './cell-hints.js';
import { thousandsInNonCount } from './thousands-cells.js';
import { type TimeReading, unifyTimes } from './follow-up-times.js';
import { columnKey, NUMERIC, REQUIRED, type StudyColumns, studyColumns, valueColumns } from './study-columns.js';
import { studyKey } from './study-names.js';
import { checkSubgroupNames } from './subgroup-names.js';
import { checkSharedControl, sameEntry } from './shared-control.js';

export const META_MEASURES = ['MD', 'SMD', 'RR', 'OR', 'RD'] as const;
export type MetaMeasure = (typeof META_MEASURES)[number];

/** A measure's names as papers and Danish tables write them (docs/input-studies.md, "Columns"), folded as measureKey does. */
const MEASURE_NAMES: Record<string, MetaMeasure> = {
  'mean difference': 'MD', 'gennemsnitlig forskel': 'MD', 'middelforskel': 'MD',
  'standardised mean difference': 'SMD', 'standardized mean difference': 'SMD', 'hedges g': 'SMD', 'standardiseret gennemsnitlig forskel': 'SMD',
  'risk ratio': 'RR', 'relative risk': 'RR', 'relativ risiko': 'RR',
  'odds ratio': 'OR', 'oddsratio': 'OR',
  'risk difference': 'RD', 'risikodifference': 'RD', 'risikoforskel': 'RD',
};
const measureKey = (t: string) => t.normalize('NFC').trim().toLowerCase().replace(/['’`]/g, '').replace(/[\s_-]+/g, ' ');

/** The measure a `measure` cell names (`MD`, `Mean difference`, `Hedges' g`), or undefined. */
export function measureOf(text: string): MetaMeasure | undefined {
  const upper = text.trim().toUpperCase();
  if ((META_MEASURES as readonly string[]).includes(upper)) return upper as MetaMeasure;
  return MEASURE_NAMES[measureKey(text)];
}

/** Measures pooled on the log scale. */
export function isRatioMeasure(m: MetaMeasure): boolean {
  return m === 'RR' || m === 'OR';
}

export type StudyInput =
  | { kind: 'arms'; arms: ArmSummaries }
  | { kind: 'events'; table: TwoByTwo }
  | { kind: 'ci'; estimate: number; lower: number; upper: number }
  | { kind: 'se'; estimate: number; se: number }
  | { kind: 'estimate'; estimate: number };

export interface StudyRecord {
  /** 1-based line in the CSV file. */
  line: number;
  study: string;
  outcome: string;
  time: string;
  subgroup: string | null;
  /** The subgroup's Danish name (`subgroup_da`), shown on Danish pages (docs/input-studies.md#danish-subgroup-names). */
  subgroupDa: string | null;
  citation: string | null;
  measure: MetaMeasure;
  input: StudyInput;
  /** Group sizes when reported (always for arms and events). */
  nIntervention: number | null;
  nControl: number | null;
  /** Whether the row gave its measure; false when it is the default (MD, or RR for events). */
  measureGiven: boolean;
  /** Digits after the decimal mark of each number cell as written (null for `1e-3`), for rounding checks. */
  digits: Partial<Record<string, number | null>>;
  /** Each number cell as written and its 1-based column (a 95% CI column's for split bounds), for problems found later (scale-checks.ts). */
  cells: Partial<Record<NumericColumn, { text: string; column: number }>>;
}

export interface StudyTable {
  file: string;
  records: StudyRecord[];
  /** What the reader read differently from the contract (a Danish column name, a CI in one column), for stderr. */
  notes: string[];
  /** The same facts for the report page, worded in its language there (study-read-notes.ts). */
  read: StudyReadFacts;
  /** 1-based column of `measure`, or null when the file has none (for problems found later, with a plan). */
  measureColumn: number | null;
  /** What the file's rows suggest checking (an off-centre estimate, one result under two names). */
  warnings: string[];
}

/** How the studies file was read where it differs from the contract (docs/input-studies.md). */
export interface StudyReadFacts {
  /** Columns read under a Danish name: 1-based column, its header, the contract name. */
  readAs: { column: number; header: string; as: string }[];
  /** A 95% CI written in one column, split into ci_lower and ci_upper on `rows` rows; `example` is the first. */
  ciSplit: { column: number; header: string; rows: number; example: { line: number; cell: string; lower: number; upper: number } } | null;
  /** Columns not read: 1-based column and header. */
  ignored: { column: number; header: string }[];
  /** Follow-ups written otherwise than their canonical label (`3 months` read as `3m`), first line of each. */
  times: TimeReading[];
  /** Columns whose numbers Excel's "Scientific" format rounded (`8.50E+01`), read as written. */
  roundedScientific?: RoundedScientificCells[];
  /** Lines after the last row read as footnotes and left out (io/footnote-lines.ts). */
  footnotes?: number[];
}

const ARM_STATS = ['mean_intervention', 'sd_intervention', 'mean_control', 'sd_control'] as const;
const ARM_ALL = ['n_intervention', 'mean_intervention', 'sd_intervention', 'n_control', 'mean_control', 'sd_control'] as const;
const EVENTS = ['events_intervention', 'events_control'] as const;
const EVENTS_ALL = ['events_intervention', 'n_intervention', 'events_control', 'n_control'] as const;
const EFFECT = ['difference', 'ci_lower', 'ci_upper', 'se'] as const;
export type NumericColumn = (typeof NUMERIC)[number];

const KIND_TEXT = {
  arms: 'arm summaries (n, mean, sd per arm)',
  events: 'events (events and n per arm)',
  effect: 'a reported difference (difference with ci_lower/ci_upper or se)',
} as const;

export function readStudiesFile(file: string): StudyTable {
  return parseStudies(readStudiesCsv(file));
}

/**
 * Whether a line shorter than the header holds a study's numbers (a number alone in a result
 * column: study-columns.ts `valueColumns`): then it is a row cut short, refused with too few
 * fields, never a footnote. A study's name has the shape of a footnote's label ("De Vries 2020",
 * "van der Berg 2021", "Smith et al. 2021": two runs of letters), so without this a short last row
 * was dropped unsaid (docs/input-studies.md "A row cut short, and footnotes"). A line whose first
 * field is a label ending in ":" (`Antal studier i alt:,3`) is a label and its value, no study; and
 * words with a digit (`Kilde: Cochrane review 2024, tabel 3`, whose comma puts ` tabel 3` in the
 * second column) are a footnote's text, not a result — a sheet whose second column is a result
 * column (`study,n_intervention,…`, RevMan's order renamed) refused both.
 */
export function holdsStudyNumbers(fields: readonly string[], header: readonly string[]): boolean {
  if (/:\s*$/u.test(fields[0] ?? '')) return false;
  const value = valueColumns(header);
  return fields.some((f, i) => value.has(i) && numbersAlone(f));
}

/**
 * A cell of numbers only, as result cells are written: `-2.5`, `8.50E+01`, `-3,5 til -1,5`, `(−1.8
 * to 0.0)`, `23/150 (15,3 %)`, `7.2 (SD 5.1)` — with a digit, and no words but an interval's `to`
 * or `til` and `SD`.
 */
function numbersAlone(cell: string): boolean {
  if (!/\p{N}/u.test(cell)) return false;
  const rest = cell.replace(/[-+\u2212]?\d+(?:[.,]\d+)*(?:e[-+]?\d+)?/giu, ' ').replace(/\b(?:to|til|sd)\b/giu, ' ');
  return !/\p{L}/u.test(rest);
}

/**
 * The studies CSV as every studies reader reads it (`hta meta`, the meta report): a row wider than
 * the header refused (read-csv.ts `beyondHeader`), a short row with numbers never a footnote. A
 * short row's refusal also says what to do if the line is a note (one with a number alone under a
 * result column is read as data): delete it.
 */
export function readStudiesCsv(file: string): CsvTable {
  try {
    return readCsvFile(file, { beyondHeader: 'refuse', shortRowHoldsData: holdsStudyNumbers });
  } catch (e) {
    if (!(e instanceof HtaError)) throw e;
    for (const p of e.problems) if (shortRow(p) && p.hint === undefined) p.hint = SHORT_ROW_HINT;
    throw e;
  }
}

/** The hint of a row with fewer fields than the header (docs/input-studies.md "A row cut short, and footnotes"). */
export const SHORT_ROW_HINT = 'if this line is a note (a footnote, a total), delete it; if it is a study row, fill in its missing cells';

/** A field-count problem of a line with fewer fields than the header (read-csv.ts: value `2 fields`, expected `9 fields as in the header …`). */
function shortRow(p: Problem): boolean {
  if (p.kind !== 'csv.field-count') return false;
  const [got, want] = [/^(\d+) fields?$/.exec(p.value ?? ''), /^(\d+) /.exec(p.expected)];
  return got !== null && want !== null && Number(got[1]) < Number(want[1]);
}

/**
 * How to read the sheet: the decimal mark `hta meta --decimal-mark` (or a report's meta entry)
 * declares, for a sheet whose cells leave it undecided (io/declared-mark.ts); else the cells decide.
 * Never a trial plan's `"decimalMark"`: that declares the trial export's mark, not this sheet's.
 */
export interface StudiesOptions {
  decimalMark?: DecimalMark | undefined;
  /** The language of the notes made for stderr that have a Danish wording (`hta meta --lang`); the page words its own (study-read-notes.ts). */
  lang?: 'en' | 'da';
}

export function parseStudies(csv: CsvTable, options: StudiesOptions = {}): StudyTable {
  const { file } = csv;
  const problems: Problem[] = [];
  const columns = studyColumns(csv);
  const { col } = columns;
  const { decimalComma, commaThousands, notes: markNotes } = options.decimalMark !== undefined ? declaredMarkOf(csv, columns, options.decimalMark) : decimalMarkOf(csv, columns);
  const records: StudyRecord[] = [];
  const split: SplitCells = { lines: [], example: null };
  const warnings: string[] = [];
  for (const rec of csv.records) {
    // A row of missing-value cells only (NA, .) holds nothing to read (read-csv.ts skips `;;;;` rows).
    if (rec.cells.every((c) => c === null)) continue;
    const r = parseRecord({ csv, columns, line: rec.line, cells: rec.cells, problems, decimalComma, commaThousands, declaredMark: options.decimalMark !== undefined, split }, warnings);
    if (r) records.push(r);
    if (problems.length >= MAX_PROBLEMS) break;
  }
  // One follow-up written several ways (`3 mo`, `3 months`, `3m`) is one time (follow-up-times.ts).
  const times = unifyTimes(records);
  // Arms of one trial against one control group (shared-control.ts): said before "one row per study", whose advice would not do.
  const shared = checkSharedControl(file, records, (col.get('study') as number) + 1, problems);
  const duplicateLines = checkDuplicates(file, records, col, problems, times.written, shared, yearCells(csv, columns.ignored));
  checkSpelling(file, records, col, problems, duplicateLines);
  checkSubgroupNames(file, records, col, problems);
  if (problems.length > 0) {
    throw new HtaError('input.invalid', `${file} has ${problems.length >= MAX_PROBLEMS ? `at least ${MAX_PROBLEMS}` : problems.length} problem(s)`, problems.slice(0, MAX_PROBLEMS));
  }
  if (records.length === 0) {
    throw new HtaError('input.invalid', `${file} has no study rows`, [{ file, line: 2, expected: 'at least one study row below the header' }]);
  }
  const notes = [...columns.notes, ...markNotes];
  // A footnote under the rows (`Kilde: Cochrane review 2024`), left out by the CSV reader
  // (io/footnote-lines.ts): said, as the trial reader says it, so a dropped line is never unsaid.
  const footnotes = csv.footnotes ?? [];
  const footnoteNote = footnoteLinesNote(file, footnotes);
  if (footnoteNote !== undefined) notes.push(footnoteNote);
  const ci = columns.combinedCi;
  if (ci !== null && split.example !== null) {
    const { line, cell, lower, upper } = split.example;
    notes.push(
      `${file}: the 95% CI in column ${ci.index + 1} "${ci.header}" read as ci_lower and ci_upper on ${split.lines.length} row(s) (line ${line}: "${cell}" as ${lower} and ${upper})`,
    );
  }
  for (const t of times.readings) notes.push(`${file}: follow-up "${t.written}" (line ${t.line}) read as ${t.as}`);
  // Means, SDs and differences Excel's "Scientific" format rounded (`8.50E+01`): read as written,
  // and said by their column as the export names it (io/scientific-number.ts). Counts in it are
  // read only when exact (numberOf), so they are none of these.
  const scientific = new RoundedScientificTally();
  for (const r of records) {
    for (const [name, c] of Object.entries(r.cells)) if (c && !COUNTS.has(name)) scientific.add(csv.header[c.column - 1] ?? name, `${r.line}:${c.column}`, r.line, c.text);
  }
  const roundedScientific = scientific.list();
  for (const c of roundedScientific) notes.push(roundedScientificNote(file, c, options.lang));
  const ciSplit = ci !== null && split.example !== null ? { column: ci.index + 1, header: ci.header, rows: split.lines.length, example: split.example } : null;
  const measure = col.get('measure');
  return {
    file,
    records,
    notes,
    read: { readAs: columns.readAs, ciSplit, ignored: columns.ignored, times: times.readings, ...(roundedScientific.length ? { roundedScientific } : {}), ...(footnotes.length ? { footnotes: [...footnotes] } : {}) },
    measureColumn: measure === undefined ? null : measure + 1,
    warnings: [...warnings, ...times.warnings, ...sameResultWarnings(records), ...ignoredColumnWarnings(csv, columns.ignored, records)],
  };
}

/**
 * A column not read whose text says the row's numbers are something else — "median (IQR)",
 * "SE", "change from baseline" — is pointed at, once per column (its first such row): the note
 * "ignored columns" alone leaves a median typed as a mean unsaid (docs/input-studies.md).
 */
function ignoredColumnWarnings(csv: CsvTable, ignored: readonly { column: number; header: string }[], records: readonly StudyRecord[]): string[] {
  const says = (t: string) => /median|\biqr\b|interquartile|kvartil|standard error|standardfejl|change|ændring/i.test(t) || /\bSEM?\b/.test(t);
  const out: string[] = [];
  for (const c of ignored) {
    for (const rec of csv.records) {
      const text = rec.cells[c.column - 1];
      if (typeof text !== 'string' || !says(text)) continue;
      const study = records.find((r) => r.line === rec.line)?.study;
      if (study === undefined) continue;
      out.push(`column ${c.column} "${c.header}" (not read) says "${text.trim()}" on line ${rec.line} (${study}): if that row's numbers are a median and IQR, SEs or changes from baseline, they are not what their columns say — check the row against the paper`);
      break;
    }
  }
  return out;
}

/** The notes on the file's columns (read under another name, not read), for a refusal of its rows; none when the header itself is refused. */
export function columnNotes(csv: CsvTable): string[] {
  try {
    return studyColumns(csv).notes;
  } catch {
    return [];
  }
}

/** The rows whose interval was read from a combined CI column, and the first one, for the note. */
interface SplitCells {
  lines: number[];
  example: { line: number; cell: string; lower: number; upper: number } | null;
}

/** One row of the studies sheet as its readers need it; problems and split rows are collected across rows. */
interface StudyRow {
  csv: CsvTable;
  columns: StudyColumns;
  line: number;
  cells: (string | null)[];
  problems: Problem[];
  decimalComma: boolean;
  /** A comma file whose study columns show the decimal point: a mean's `"1,375"` is 1375 (decimal-mark.ts, rule 6). */
  commaThousands: boolean;
  /** The plan declares the mark (`"decimalMark"`): a cell with the other one is told so. */
  declaredMark: boolean;
  split: SplitCells;
}

function parseRecord(row: StudyRow, warnings: string[]): StudyRecord | null {
  const { csv, columns, line, cells, problems, decimalComma, split } = row;
  const file = csv.file;
  const { col, combinedCi } = columns;
  const before = problems.length;
  // ci_lower/ci_upper read from the combined CI column: their text, and that column for problems.
  const fromCombined = new Map<string, string>();
  const text = (name: string): string | null => {
    const over = fromCombined.get(name);
    if (over !== undefined) return over;
    const i = col.get(name);
    return i === undefined ? null : (cells[i] ?? null);
  };
  const columnOf = (name: string): number | undefined => (fromCombined.has(name) && combinedCi !== null ? combinedCi.index : col.get(name));
  const at = (name: string, value: string | null | undefined, expected: string, extra: Pick<Problem, 'hint' | 'kind' | 'detail'> = {}): void => {
    const i = columnOf(name);
    problems.push({ file, line, ...(i !== undefined ? { column: i + 1 } : {}), field: name, ...(value != null ? { value } : {}), expected, ...extra });
  };

  for (const name of REQUIRED) if (text(name) === null) at(name, null, `${name === 'outcome' ? 'an' : 'a'} ${name} label (it may not be empty)`);

  if (combinedCi !== null) readCombinedInterval(row, fromCombined);

  const num: Partial<Record<NumericColumn, number>> = {};
  for (const name of NUMERIC) {
    const t = text(name);
    if (t === null) continue;
    // The other arm's same statistic written as a decimal a thousand times smaller (`"33,125"`
    // beside 30.2): the cell is a decimal written with a decimal comma, refused with both readings.
    const partner = name.includes('_intervention') ? text(name.replace('_intervention', '_control')) : name.includes('_control') ? text(name.replace('_control', '_intervention')) : null;
    const partnerValue = partner !== null && /\d\.\d/.test(partner) ? parseNumber(partner.trim(), false) : undefined;
    const decimalBeside = partnerValue !== undefined && Math.abs(partnerValue) * 100 < Math.abs(parseNumber(t.trim(), false) ?? 0);
    const v = numberOf(name, t, decimalComma, row.commaThousands && !decimalBeside);
    if (v !== undefined) {
      num[name] = v;
      continue;
    }
    const mark = decimalComma ? ' (decimal comma)' : ' (decimal point)';
    // `#DIV/0!` (a formula that failed), `#N/A`: said for what they are, as every reader says them.
    if (isExcelError(t)) {
      at(name, t, `a number${mark}`, excelErrorOf(t, `meta.not-a-number.${name}`));
      continue;
    }
    if (looksScientific(t)) {
      at(name, t, `a number${mark}`, { kind: `meta.scientific.${name}`, hint: scientificHint(t) });
      continue;
    }
    const grouped = COUNTS.has(name) ? undefined : thousandsInNonCount(t, decimalComma);
    if (grouped !== undefined) {
      at(name, t, grouped.expected, { kind: grouped.kind, hint: grouped.hint, detail: grouped.detail });
      continue;
    }
    const both = name === 'difference' ? splitEstimateAndInterval(t, decimalComma) : null;
    // A whole interval typed into one bound's cell (`-3,0 til -1,2` under ci_lower).
    if (both !== null) {
      at(name, t, `one number${mark}, the difference`, {
        kind: 'meta.estimate-and-interval.difference',
        hint: `the cell holds an estimate with its interval in one cell: keep ${both.estimate} here and put the interval in ci_lower (${both.lower}) and ci_upper (${both.upper}), or in a 95% CI column`,
      });
    } else if ((name === 'ci_lower' || name === 'ci_upper') && splitInterval(t, decimalComma) !== null) {
      at(name, t, `one number${mark}, the ${name === 'ci_lower' ? 'lower' : 'upper'} bound`, {
        kind: `meta.interval-in-one-cell.${name}`,
        hint: 'the cell holds both bounds of the interval: keep the lower bound in ci_lower and put the upper bound in ci_upper',
      });
    } else {
      // Under a declared mark, `"1,5"` in a point file: told it is the other mark, and where the mark was declared (decimal-mark.ts).
      const other = row.declaredMark ? otherMarkHint(t, decimalComma, 'option') : undefined;
      at(name, t, `a number${mark}`, numberCellHint(name, t, decimalComma, name.startsWith('events_') ? num[name === 'events_control' ? 'n_control' : 'n_intervention'] : undefined) ?? (other ? { kind: `meta.not-a-number.${name}:${other.reason}`, hint: other.hint } : {}));
    }
  }
  const has = (name: string): boolean => text(name) !== null;

  const ciMethodText = text('ci_method');
  const ciMethod = ciMethodText === null ? null : ciMethodOf(ciMethodText);
  if (ciMethodText !== null && ciMethod === undefined) at('ci_method', ciMethodText, ciMethodExpected);

  const measureText = text('measure');
  let measure: MetaMeasure | null = null;
  if (measureText !== null) {
    const m = measureOf(measureText);
    if (m !== undefined) measure = m;
    else at('measure', measureText, `one of ${META_MEASURES.join(', ')}`);
  }

  // Which kind of input does the row carry?
  const kinds: (keyof typeof KIND_TEXT)[] = [];
  if (ARM_STATS.some(has)) kinds.push('arms');
  if (EVENTS.some(has)) kinds.push('events');
  if (EFFECT.some(has)) kinds.push('effect');
  if (kinds.length === 0) {
    // A cell already refused (an interval that did not split) is why the row has no result: said once.
    if (problems.length === before) noResult(file, line, cells, columns, has, problems);
    return null;
  }
  if (kinds.length > 1) {
    const second = kinds[1] as keyof typeof KIND_TEXT;
    const firstCol = (second === 'events' ? EVENTS : EFFECT).find(has) as string;
    at(firstCol, text(firstCol), `one kind of result per row, not both ${KIND_TEXT[kinds[0] as keyof typeof KIND_TEXT]} and ${KIND_TEXT[second]}`);
    return null;
  }
  const kind = kinds[0] as keyof typeof KIND_TEXT;
  // An asymmetric interval declared on a row without one would be a declaration read for nothing.
  if (ciMethod?.asymmetric && !has('ci_lower') && !has('ci_upper')) {
    at('ci_method', ciMethodText, 'a 95% CI for ci_method to describe (ci_lower and ci_upper, or a 95% CI column): this row has none, so leave ci_method empty');
  }
  if (problems.length > before) return null;

  const countAt = (name: 'n_intervention' | 'n_control'): void => {
    const v = num[name];
    if (v !== undefined && !(Number.isInteger(v) && v >= 1)) at(name, text(name), 'a group size: a whole number ≥ 1');
  };
  countAt('n_intervention');
  countAt('n_control');

  clusterRow(file, line, cells, columns, num, kind, decimalComma, problems);
  if (problems.length > before) return null;

  let input: StudyInput | null = null;
  if (kind === 'arms') {
    for (const name of ARM_ALL) if (!has(name)) at(name, null, 'a value: arm summaries need n, mean and sd in both arms');
    for (const name of ['sd_intervention', 'sd_control'] as const) {
      const v = num[name];
      if (v !== undefined && v < 0) at(name, text(name), 'a standard deviation ≥ 0 (a negative SD is a data-entry error)');
    }
    if (num.sd_intervention === 0 && num.sd_control === 0) at('sd_intervention', text('sd_intervention'), 'at least one SD > 0 (both are 0, so the difference has no variance)');
    measure ??= 'MD';
    if (measure !== 'MD' && measure !== 'SMD') at('measure', measureText, 'MD or SMD for arm summaries (RR, OR and RD need events)');
    if (measure === 'SMD' && (num.n_intervention ?? 0) + (num.n_control ?? 0) < 4 && has('n_intervention') && has('n_control')) {
      at('n_intervention', text('n_intervention'), "n_intervention + n_control ≥ 4 (Hedges' g needs 2 degrees of freedom)");
    }
    if (problems.length === before) {
      input = {
        kind: 'arms',
        arms: {
          nIntervention: num.n_intervention as number,
          meanIntervention: num.mean_intervention as number,
          sdIntervention: num.sd_intervention as number,
          nControl: num.n_control as number,
          meanControl: num.mean_control as number,
          sdControl: num.sd_control as number,
        },
      };
    }
  } else if (kind === 'events') {
    for (const name of EVENTS_ALL) if (!has(name)) at(name, null, 'a value: events need events and n in both arms');
    for (const [e, n] of [['events_intervention', 'n_intervention'], ['events_control', 'n_control']] as const) {
      const ev = num[e];
      const nn = num[n];
      if (ev === undefined) continue;
      if (!(Number.isInteger(ev) && ev >= 0)) at(e, text(e), 'a count of events: a whole number ≥ 0');
      else if (nn !== undefined && ev > nn) at(e, text(e), `events ≤ ${n} (${nn})`);
    }
    measure ??= 'RR';
    if (measure !== 'RR' && measure !== 'OR' && measure !== 'RD') at('measure', measureText, 'RR, OR or RD for events (MD and SMD need arm summaries or a difference)');
    if (problems.length === before) {
      input = {
        kind: 'events',
        table: {
          eventsIntervention: num.events_intervention as number,
          nIntervention: num.n_intervention as number,
          eventsControl: num.events_control as number,
          nControl: num.n_control as number,
        },
      };
    }
  } else {
    measure ??= 'MD';
    const ratio = isRatioMeasure(measure);
    const d = num.difference;
    if (!has('difference')) at('difference', null, 'the reported difference (ci_lower, ci_upper and se describe it)');
    const hasLo = has('ci_lower');
    const hasHi = has('ci_upper');
    if (hasLo !== hasHi) at(hasLo ? 'ci_upper' : 'ci_lower', null, 'both ends of the confidence interval (ci_lower and ci_upper)');
    if ((hasLo || hasHi) && has('se')) at('se', text('se'), 'either a confidence interval or an SE, not both');
    if (has('se') && num.se !== undefined && !(num.se > 0)) at('se', text('se'), 'a standard error > 0');
    if (ratio) {
      for (const name of ['difference', 'ci_lower', 'ci_upper'] as const) {
        const v = num[name];
        if (v !== undefined && !(v > 0)) at(name, text(name), `a ratio > 0 (measure ${measure} is reported as the ratio itself, not its log)`);
      }
      if (problems.length === before) ratioRange(measure, num, text, at, (w) => warnings.push(`${text('study')} (line ${line}), ${text('outcome')} ${text('time')}: ${w}`));
    }
    // Percentage points refused first: the interval checks below would only repeat the same cells.
    const rdRefused = measure === 'RD' && riskDifferenceRange(num, text, at);
    const lo = num.ci_lower;
    const hi = num.ci_upper;
    if (!rdRefused && lo !== undefined && hi !== undefined) {
      if (lo > hi) at('ci_lower', text('ci_lower'), `ci_lower ≤ ci_upper (${text('ci_upper')}); are they swapped?`);
      else if (d !== undefined && (d < lo || d > hi)) {
        at('difference', text('difference'), `a difference inside its confidence interval [${text('ci_lower')}, ${text('ci_upper')}] (check the sign: intervention − control)`);
      } else if (d !== undefined && problems.length === before) {
        const digits = { estimate: decimalsOf(text('difference') as string), lower: decimalsOf(text('ci_lower') as string), upper: decimalsOf(text('ci_upper') as string) };
        const texts = { estimate: text('difference') as string, lower: text('ci_lower') as string, upper: text('ci_upper') as string };
        const found = checkCentre({ estimate: d, lower: lo, upper: hi }, digits, texts, measure, measureText !== null, ciMethod?.asymmetric === true);
        if (found?.refuse) at('difference', text('difference'), found.expected, { kind: found.kind, hint: found.hint });
        else if (found) warnings.push(`${text('study')} (line ${line}), ${text('outcome')} ${text('time')}: ${found.expected}; ${found.hint}`);
      }
    }
    if (problems.length === before && d !== undefined) {
      if (lo !== undefined && hi !== undefined) input = { kind: 'ci', estimate: d, lower: lo, upper: hi };
      else if (num.se !== undefined) input = { kind: 'se', estimate: d, se: num.se };
      else input = { kind: 'estimate', estimate: d };
    }
  }
  if (input === null || measure === null || problems.length > before) return null;
  return {
    line,
    // Excel's text apostrophe before a name typed into a cell (`'Sandal 2021`), kept by some exports:
    // not part of the name. Only before a capital or a digit: `'t Hart 2019` is a Dutch name.
    study: (text('study') as string).replace(/^'(?=[\p{Lu}\d])/u, ''),
    outcome: text('outcome') as string,
    time: text('time') as string,
    subgroup: text('subgroup'),
    subgroupDa: text('subgroup_da'),
    // A reference pasted into a spreadsheet cell often keeps its line breaks; a citation is one line.
    citation: text('citation')?.replace(/\s*\r?\n\s*/g, ' ') ?? null,
    measure,
    input,
    nIntervention: num.n_intervention ?? null,
    nControl: num.n_control ?? null,
    measureGiven: measureText !== null,
    digits: Object.fromEntries(NUMERIC.flatMap((name) => (text(name) === null ? [] : [[name, decimalsOf(text(name) as string)]]))),
    cells: Object.fromEntries(NUMERIC.flatMap((name) => (text(name) === null ? [] : [[name, { text: text(name) as string, column: (columnOf(name) as number) + 1 }]]))),
  };
}

/**
 * A risk difference is a difference of two proportions, so it lies in [−1, 1]. A value outside is
 * almost always written in percentage points (`-12,5` for −0.125): pooled as a proportion it
 * would be judged against an MCID in proportions (0.1) and read as a huge benefit. Refused at the
 * first cell outside, asking for the value divided by 100 (docs/input-studies.md, "A risk
 * difference is a proportion").
 */
function riskDifferenceRange(
  num: Partial<Record<NumericColumn, number>>,
  text: (name: string) => string | null,
  at: (name: string, value: string | null | undefined, expected: string, extra?: Pick<Problem, 'hint' | 'kind'>) => void,
): boolean {
  const outside = (['difference', 'ci_lower', 'ci_upper', 'se'] as const).find((name) => {
    const v = num[name];
    return v !== undefined && (name === 'se' ? v > 1 : v < -1 || v > 1);
  });
  if (outside === undefined) return false;
  const v = num[outside] as number;
  const shown = (x: number) => String(Math.round(x * 1e6) / 1e6);
  at(outside, text(outside), outside === 'se' ? 'the SE of a risk difference, at most 1 (a risk difference is a proportion between −1 and 1)' : 'a risk difference between −1 and 1 (a difference of two proportions)', {
    kind: 'meta.rd-percentage-points',
    hint: `it looks like percentage points: write the risk difference as a proportion, the value divided by 100 (${shown(v / 100)} for ${text(outside) ?? v}), and likewise its interval or SE`,
  });
  return true;
}

/** The plausible range of a trial's risk or odds ratio (docs/input-studies.md, "A ratio between 0.01 and 100"). */
export const RATIO_RANGE = [0.01, 100] as const;

/**
 * A trial's RR or OR beyond 100 (or below 0.01) is a ratio typed without its decimal mark
 * (`1250` for 1.250), a percentage or a count, not a result: refused at the estimate. A bound
 * alone beyond the range can be genuine (a sparse trial's OR 5 [0.2, 120]): warned about.
 */
function ratioRange(
  measure: MetaMeasure,
  num: Partial<Record<NumericColumn, number>>,
  text: (name: string) => string | null,
  at: (name: string, value: string | null | undefined, expected: string, extra?: Pick<Problem, 'hint' | 'kind' | 'detail'>) => void,
  warn: (w: string) => void,
): void {
  const [lo, hi] = RATIO_RANGE;
  const outside = (v: number | undefined) => v !== undefined && (v < lo || v > hi);
  const name = measure === 'RR' ? 'risk ratio' : 'odds ratio';
  if (outside(num.difference)) {
    at('difference', text('difference'), `a ${name} between ${lo} and ${hi} (a trial's ${measure}, the ratio itself)`, {
      kind: 'meta.ratio-range',
      hint: `a ${name} beyond this range is not a trial's result: check the decimal mark (1.250 typed as 1250), and that the cell holds the ratio, not a percentage or a count`,
    });
    return;
  }
  const bounds = (['ci_lower', 'ci_upper'] as const).filter((b) => outside(num[b]));
  if (bounds.length > 0) {
    // Each bound named with the limit it passes (a lower bound below 0.01, an upper above 100).
    const where = bounds.map((b) => ((num[b] as number) < lo ? `below ${lo} (${b})` : `above ${hi} (${b})`)).join(' and ');
    warn(`the ${name}'s 95% CI [${text('ci_lower')}, ${text('ci_upper')}] reaches ${where}: possible for a trial with very few events, but check the bounds against the paper (a decimal mark lost, 1.420 typed as 1420)`);
  }
}

/**
 * The cell of the combined CI column (`95% KI`: `-1,51 til -0,06`) as ci_lower and ci_upper, when
 * it splits unambiguously; a row that also fills ci_lower/ci_upper must give the same interval.
 */
function readCombinedInterval(row: StudyRow, fromCombined: Map<string, string>): void {
  const { csv, columns, line, cells, problems, decimalComma, split } = row;
  const { file } = csv;
  const ci = columns.combinedCi as NonNullable<StudyColumns['combinedCi']>;
  const cell = cells[ci.index] ?? null;
  if (cell === null) return;
  const where = { file, line, column: ci.index + 1, field: ci.header, value: cell };
  const bounds = splitInterval(cell, decimalComma);
  const lower = bounds && numberOf('ci_lower', bounds.lower, decimalComma);
  const upper = bounds && numberOf('ci_upper', bounds.upper, decimalComma);
  if (bounds === null || lower === undefined || upper === undefined || lower === null || upper === null) {
    const both = splitEstimateAndInterval(cell, decimalComma);
    if (both !== null) {
      const d = columns.col.get('difference');
      const given = d === undefined ? null : (cells[d] ?? null);
      problems.push({
        ...where,
        kind: 'meta.estimate-and-interval.ci',
        expected: 'the 95% CI alone',
        hint: `the cell holds an estimate with its interval in one cell: ${given === null ? `put ${both.estimate} in difference` : `difference already says ${given}`} and keep only the interval, ${both.interval}, in "${ci.header}" (or put ${both.lower} in ci_lower and ${both.upper} in ci_upper)`,
      });
      return;
    }
    problems.push({
      ...where,
      expected: `the two bounds of the 95% CI, written ${decimalComma ? '"-1,51 til -0,06" or "(-2,4; 0,0)"' : '"-1.51 to -0.06" or "(-2.4, 0.0)"'} (numbers with a decimal ${decimalComma ? 'comma' : 'point'})`,
      hint: `or split it into two columns, ci_lower and ci_upper, with one number each`,
    });
    return;
  }
  const cellOf = (name: string): string | null => {
    const i = columns.col.get(name);
    return i === undefined ? null : (cells[i] ?? null);
  };
  const lo = cellOf('ci_lower');
  const hi = cellOf('ci_upper');
  if (lo !== null || hi !== null) {
    // Both forms on one row: read only when they say the same.
    const same = lo !== null && hi !== null && numberOf('ci_lower', lo, decimalComma) === lower && numberOf('ci_upper', hi, decimalComma) === upper;
    if (!same) {
      problems.push({ ...where, expected: `one interval per row: ci_lower and ci_upper say [${lo ?? ''}; ${hi ?? ''}], "${ci.header}" says "${cell}" — which one? Leave the other empty` });
    }
    return;
  }
  fromCombined.set('ci_lower', bounds.lower);
  fromCombined.set('ci_upper', bounds.upper);
  split.lines.push(line);
  split.example ??= { line, cell, lower, upper };
}

const COUNTS: ReadonlySet<string> = new Set(['n_intervention', 'n_control', 'events_intervention', 'events_control']);

/**
 * The mark `--decimal-mark` declares: nothing left to decide, nothing to say. In a comma file declared
 * `"."`, `"1,375"` is 1375 (commaThousands, as where the cells show the point); a cell with the
 * other mark (`"1,5"`) is no number, refused at its cell.
 */
function declaredMarkOf(csv: CsvTable, columns: StudyColumns, mark: DecimalMark): { decimalComma: boolean; commaThousands: boolean; notes: string[] } {
  // Only where the sheet leaves the mark undecided: its own numbers showing the other (`1,5`, a
  // `;` sheet's `1.375`) refuse the declaration, never read a thousand times off (decimal-mark.ts, ShownMark).
  const shown = studyVote(csv, columns).vote.shownMark(csv.dialect.delimiter);
  if (shown !== undefined && shown.mark !== mark) throw declaredMarkError(csv.file, shown, mark, '--decimal-mark declares', 'numbers in the study columns', `leave out --decimal-mark (this file shows its own mark), or give --decimal-mark ${shown.mark}`);
  return { decimalComma: mark === ',', commaThousands: csv.dialect.delimiter === ',' && mark === '.', notes: [] };
}

/**
 * The votes of the sheet's non-count number columns and of the bounds in a combined CI column
 * (`-1,51 til -0,06` votes for the comma twice): counts have no decimals, so they do not vote. A
 * comma file's cells vote too: its mark is the point (rule 2) unless its decimals are all quoted
 * decimal commas (`"3,1"`: LibreOffice or Google Sheets in a Danish locale), as a trial export's are read.
 */
function studyVote(csv: CsvTable, columns: StudyColumns): { vote: DecimalMarkVote; either: Map<string, { example: string; count: number; first: VotePlace & { separator: ',' } }>; evidence: Map<string, string> } {
  const { col, combinedCi } = columns;
  const where = NUMERIC.filter((c) => !COUNTS.has(c) && col.has(c)).map((c) => [c, col.get(c) as number] as const);
  const vote = new DecimalMarkVote();
  // Per column, the first cell `"1,375"` that reads either way (rule 6's note names it), with
  // its count and place, and the column's own evidence: a bare whole number (`820`) or two
  // thousands commas (`"1,250,000"`), as the trial reader reads a covariate (load-trial.ts).
  const either = new Map<string, { example: string; count: number; first: VotePlace & { separator: ',' }; own?: string }>();
  const evidence = new Map<string, string>();
  for (const rec of csv.records) {
    for (const [name, i] of where) {
      const cell = rec.cells[i];
      if (cell == null) continue;
      const t = cell.trim();
      const place = () => ({ line: rec.line, column: i + 1, field: name, value: cell });
      if (vote.add(t, place) === null && t.includes(',')) {
        const e = either.get(name);
        if (e) e.count++;
        else either.set(name, { example: t, count: 1, first: { ...place(), separator: ',' } });
      } else if (!evidence.has(name) && /^[+\-\u2212]?\d+$/.test(t)) evidence.set(name, `the column writes other whole numbers without a separator ("${t}"), as English Excel does below 1,000`);
      else if (!evidence.has(name) && /^[+\-\u2212]?[1-9]\d{0,2}(?:,\d{3}){2,}(?:\.\d+)?$/.test(t)) evidence.set(name, `the column's "${t}" has two thousands commas`);
    }
    // The bounds in a combined CI column vote too (`-1,51 til -0,06` says comma).
    const ci = combinedCi === null ? null : rec.cells[combinedCi.index];
    if (ci != null) for (const piece of numberPieces(ci)) vote.add(piece, () => ({ line: rec.line, column: combinedCi!.index + 1, field: combinedCi!.header, value: ci }));
  }
  return { vote, either, evidence };
}

/**
 * Whether the file writes decimals with a comma, by the project's one rule (io/decimal-mark.ts)
 * over its non-count number columns and the bounds in a combined CI column (`-1,51 til -0,06`
 * votes for the comma twice): counts have no decimals, so they do not vote. A tie is refused,
 * naming the first cell of each kind; so is a tab file whose mark nothing decides while one of
 * those cells reads either way (`-1.250`), naming it.
 */
function decimalMarkOf(csv: CsvTable, columns: StudyColumns): { decimalComma: boolean; commaThousands: boolean; notes: string[] } {
  const { vote, either, evidence } = studyVote(csv, columns);
  const decimalComma = vote.decide(csv.file, csv.dialect.delimiter, 'numbers in the study columns') === ',';
  // A comma file none of whose numbers shows the mark: its unquoted `1.250` (a Danish-locale
  // sheet's 1250, or 1.25) is refused, never read as 1.25 in silence (decimal-mark.ts, rule 2).
  // A mean or SD may carry no thousands separator, so only the point is offered to declare.
  const pointOnly = vote.pointUndecided(csv.dialect.delimiter);
  if (pointOnly) throw undecidedError(csv.file, { ...pointOnly, looked: 'number in the study columns', declarable: 'option', noThousands: true }, 'numbers in the study columns');
  // A comma file none of whose numbers shows the mark: its `"1,375"` is refused as the trial
  // reader refuses it (decimal-mark.ts, rule 6), not read either way.
  const commaOnly = vote.commaUndecided(csv.dialect.delimiter);
  const undecided = commaOnly ? [...either].filter(([name]) => !evidence.has(name)) : [];
  if (undecided.length) {
    const count = undecided.reduce((k, [, e]) => k + e.count, 0);
    throw undecidedError(csv.file, { count, first: undecided[0]![1].first, commaFile: true, looked: 'number in the study columns', declarable: 'option' }, 'numbers in the study columns');
  }
  // Naming the first quoted decimal comma of the study columns, with its text: a study's published number.
  const note = quotedCommaNote(csv.file, { delimiter: csv.dialect.delimiter, decimalComma, ...(decimalComma ? { shownMark: vote.shownMark(csv.dialect.delimiter) } : {}) }, true);
  // Where the study columns show the point (`820.5`), `"1,375"` is read with it, as the trial
  // reader reads a covariate's (rule 6), and said per column: a Danish paper's 1,375 is 1.375.
  const commaThousands = csv.dialect.delimiter === ',' && !decimalComma && (vote.point > 0 || commaOnly !== undefined);
  const shown = vote.firstPoint?.value?.trim();
  const thousands = commaThousands
    ? [...either].map(([name, { example }]) => `${csv.file}: column "${name}": values with one comma and three digits after it, such as "${example}", were read as thousands (${Number(example.replace(/^\u2212/, '-').replace(',', ''))}), as a comma-separated file writes them: ${evidence.get(name) ?? `the study columns show the decimal point${shown ? ` ("${shown}")` : ''}`}. If they are decimals written with a decimal comma (${example} = ${example.replace(',', '.')}, as a Danish paper prints them), write them with a decimal point`)
    : [];
  return { decimalComma, commaThousands, notes: [...(note === undefined ? [] : [note]), ...thousands] };
}

/**
 * A cell of a number column (parseNumber reads a minus copied from a PDF or Word table, U+2212).
 * Group sizes and event counts may carry thousands separators (`1.234` with a decimal comma,
 * `1,234` with a decimal point): a count has no decimals, so they cannot be misread. No other
 * column may (thousands-cells.ts): undefined for such a cell.
 */
function numberOf(name: string, text: string, decimalComma: boolean, commaThousands = false): number | undefined {
  // parseNumber reads 1.234 with a decimal comma as thousands already; a count may also be 1,234.
  // A count in scientific notation only when its digits reach the units (io/scientific-number.ts): `3.73E+04` is a rounded count.
  const sci = COUNTS.has(name) ? scientificNumber(text.trim()) : undefined;
  if (sci) return sci.wholeDigitsWritten && Number.isInteger(sci.value) ? sci.value : undefined;
  if (COUNTS.has(name)) return !decimalComma && /^\d{1,3}(,\d{3})+$/.test(text) ? Number(text.replaceAll(',', '')) : parseNumber(text, decimalComma);
  // A comma file whose study columns show the point reads `"1,375"` with it (decimal-mark.ts, rule 6).
  if (commaThousands && /^[+\-\u2212]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$/.test(text.trim())) return parseNumber(text, false);
  // Any other number is refused with a thousands separator (thousands-cells.ts): `33.125` is 33,125.
  if (thousandsInNonCount(text, decimalComma) !== undefined) return undefined;
  return parseNumber(text, decimalComma);
}

/**
 * Labels that differ only in case or spacing (`Sandal 2021` / `sandal 2021`, `rmdq` / `RMDQ`,
 * `3m` / `3 m`) would split one outcome into two pools, or count one trial twice: refused at the
 * later line, naming the first spelling.
 */
function checkSpelling(file: string, records: readonly StudyRecord[], col: Map<string, number>, problems: Problem[], alreadyRefused: ReadonlySet<number>): void {
  const fold = (t: string) => t.toLowerCase().replace(/\s+/g, '');
  for (const field of ['study', 'outcome', 'time', 'subgroup'] as const) {
    // A study name also folds punctuation and "et al." (study-names.ts): one trial, one name.
    const key = field === 'study' ? studyKey : fold;
    const first = new Map<string, { text: string; line: number }>();
    for (const r of records) {
      const t = r[field];
      if (t === null) continue;
      const seen = first.get(key(t));
      if (seen === undefined) first.set(key(t), { text: t, line: r.line });
      else if (seen.text !== t && !(field === 'study' && alreadyRefused.has(r.line))) {
        const differ = field === 'study' ? 'case, spaces, punctuation or "et al."' : 'case or spaces';
        problems.push({ file, line: r.line, column: (col.get(field) as number) + 1, field, value: t, expected: `the same spelling as "${seen.text}" on line ${seen.line} (they differ only in ${differ}, and would be read as two)` });
      }
    }
  }
}

/**
 * Two rows of one study, outcome, time, measure and subgroup: refused at the later line. A study
 * written two ways (`Sandal 2021`, `Sandal et al. 2021`: study-names.ts) is one study here, so one
 * trial under two spellings is not pooled twice. Returns the lines refused.
 */
/** Header words of a year column, which is not read (a year belongs in the study name). */
const YEAR_KEYS = new Set(['year', 'år', 'aar', 'year_of_study', 'publication_year', 'udgivelsesår']);

/** A not-read year column's header and its cell per line, so a duplicate that differs only by it can be told why. */
function yearCells(csv: CsvTable, ignored: readonly { column: number; header: string }[]): { header: string; byLine: Map<number, string> } | null {
  const c = ignored.find((x) => YEAR_KEYS.has(columnKey(x.header)));
  if (c === undefined) return null;
  const byLine = new Map<number, string>();
  for (const r of csv.records) byLine.set(r.line, (r.cells[c.column - 1] ?? '').trim());
  return { header: c.header.trim(), byLine };
}

function checkDuplicates(file: string, records: readonly StudyRecord[], col: Map<string, number>, problems: Problem[], timeWritten: ReadonlyMap<number, string>, alreadyRefused: ReadonlySet<number>, years: { header: string; byLine: Map<number, string> } | null = null): Set<number> {
  const seen = new Map<string, StudyRecord>();
  const refused = new Set<number>(alreadyRefused);
  const studyColumn = (col.get('study') as number) + 1;
  for (const r of records) {
    const key = JSON.stringify([studyKey(r.study), r.outcome, r.time, r.measure, r.subgroup]);
    const prev = seen.get(key);
    if (alreadyRefused.has(r.line)) continue;
    if (prev !== undefined) {
      const spelt = prev.study === r.study ? '' : ` ("${prev.study}": names that differ only in "et al.", punctuation, case or spaces are one study)`;
      // One follow-up written two ways (`3m`, `3 m`) is one time (follow-up-times.ts): say so.
      const [wa, wb] = [timeWritten.get(prev.line) ?? prev.time, timeWritten.get(r.line) ?? r.time];
      const time = wa === wb ? '' : `: follow-up "${wb}" here and "${wa}" there are one time, ${r.time}`;
      // Two papers of one author told apart only by a Year column, which is not read: say so.
      const [ya, yb] = [years?.byLine.get(prev.line) ?? '', years?.byLine.get(r.line) ?? ''];
      const year = years !== null && ya !== yb
        ? `; the "${years.header}" column is not read (${yb} here, ${ya} on line ${prev.line}): put the year in the study name, "${r.study} ${yb}" and "${prev.study} ${ya}"`
        : '';
      problems.push({
        file,
        line: r.line,
        column: studyColumn,
        field: 'study',
        value: r.study,
        // A copy (the same numbers) is one result entered twice: the subgroup and multi-arm advice would not fit.
        expected: sameEntry(prev, r)
          ? `one row per study, outcome, time, measure and subgroup (line ${prev.line} has the same${spelt})${time}${year}; its numbers are the same too, so it is one result entered twice: keep one row`
          : year !== ''
            ? `one row per study, outcome, time, measure and subgroup (line ${prev.line} has the same${spelt})${time}${year}`
            : `one row per study, outcome, time, measure and subgroup (line ${prev.line} has the same${spelt})${time}; keep one row, or use the subgroup column for separate populations (not for arms of one trial compared with one control group: combine those arms into one row, Cochrane Handbook v6 §23.3.4)`,
      });
      refused.add(r.line);
    } else seen.set(key, r);
  }
  return refused;
}

/**
 * Why a row has no result to pool, as precisely as its cells say: only a median or IQR (which is
 * not a mean), only group sizes, or nothing at all.
 */
function noResult(file: string, line: number, cells: readonly (string | null)[], columns: StudyColumns, has: (name: string) => boolean, problems: Problem[]): void {
  const medians = columns.medianColumns.filter((c) => cells[c.index] != null);
  const first = medians[0];
  if (first !== undefined) {
    problems.push({
      file,
      line,
      column: first.index + 1,
      field: first.header,
      value: cells[first.index] as string,
      kind: 'meta.median',
      expected: `a mean and SD per arm, or a difference with its 95% CI: the row gives a median or IQR (${medians.map((c) => c.header).join(', ')}), which cannot be pooled as a mean and is not converted to one`,
      hint: 'enter the means and SDs per arm if the paper reports them, or the mean difference with its 95% CI; a median and IQR are not a mean and SD (Cochrane Handbook v6, chapter 6: never convert them silently) — otherwise leave the study out of the pool and describe it beside it',
    });
    return;
  }
  const sizes = (['n_intervention', 'n_control'] as const).filter(has);
  if (sizes.length > 0) {
    const i = columns.col.get(sizes[0] as string) as number;
    problems.push({
      file,
      line,
      column: i + 1,
      field: sizes[0] as string,
      value: cells[i] as string,
      kind: 'meta.sizes-only',
      expected: `a result beside the group sizes: the row gives only ${sizes.join(' and ')}`,
      hint: 'add the difference with its 95% CI (difference, ci_lower, ci_upper) or SE, the mean and SD per arm, or the events per arm; or delete the row if the study reported no result for this outcome and time',
    });
    return;
  }
  problems.push({ file, line, expected: `one kind of result: ${Object.values(KIND_TEXT).join('; or ')}` });
}
