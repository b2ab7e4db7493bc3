/**
 * Wide exports (one row per patient, `<column>_<time>` columns such as `rmdq_baseline`,
 * `rmdq_3m`, or item columns `rmdq_1_3m`; checkbox options `med_3m#1`, read as `med#1` at 3m; Stata's `rmdq0`, `rmdq12` when no column has a `_<time>`) become the long layout (one row per patient per
 * time) the rest of the pipeline reads. Every long record keeps the file line and the original
 * column numbers, so errors still point into the file the user has. The long records are made
 * as they are read (never all at once), each wide line's cells split once.
 */
import { checkboxOptionParts } from '../instruments/binary-checkbox.js';
import type { CsvRecord, CsvTable } from '../io/read-csv.js';
import { endsInVisit } from '../plan/wide-visits.js';
import { isSpecialMissing } from './special-missing.js';

/**
 * Whether a wide cell holds a value: not empty, and not a SAS/Stata special missing value (`.a`)
 * or Castor marker, which the reader reads as missing in every column (special-missing.ts) — so a
 * visit or a line holding only such cells is one with no value, as with `.` or `NA`
 * (docs/input-trial-export.md#special-missing).
 */
function isValue(v: string | null): boolean {
  return v !== null && !isSpecialMissing(v.trim());
}

export interface LongTable extends Omit<CsvTable, 'records'> {
  /** The long records, in file order; made afresh on each iteration. */
  records: Iterable<CsvRecord>;
  /** For wide input: per long column, the 1-based column in the original file (per time). */
  sourceColumns?: (time: string, longColumn: number) => number;
  /**
   * For wide input: per long column, the name of that column in the wide header (`RMDQ_3mdr` for
   * the long `RMDQ` at `3mdr`), so a problem names the column the file has; undefined for the
   * time column, which the file does not have.
   */
  sourceFields?: (time: string, longColumn: number) => string | undefined;
  /** For wide input: the times (export labels) that have at least one `<column>_<time>` column. */
  timesWithColumns?: ReadonlySet<string>;
}

/** Wide when there is no time column and some column ends in `_<time>` for a known time. */
export function isWide(table: CsvTable, timeColumn: string, times: readonly string[]): boolean {
  if (table.header.includes(timeColumn)) return false;
  return table.header.some((h) => times.some((t) => endsInVisit(h, t)));
}

/**
 * The wide columns a plan reads as one value per patient line, though their names end in a visit
 * (docs/input-trial-export.md, "Layouts"): a column the plan names as the header writes it
 * (`RANDO_ARM_E1_C1`, `AGE_E1_C1`, `gruppe_baseline`), and the arm named by its stem (`gruppe`
 * for `gruppe_baseline`, REDCap's `randomisering` for `randomisering_baseline_arm_1`): every
 * `<arm>_<time>` column. `keep` goes to wideToLong; `arm` lists the arm's columns by name, the
 * plan's own name when the header has it.
 */
export function lineColumnsOf(header: readonly string[], named: readonly string[], arm: string, times: readonly string[]): { keep: Set<number>; arm: string[] } {
  const keep = new Set<number>();
  for (const name of [...named, arm]) {
    const i = header.indexOf(name);
    if (i >= 0) keep.add(i);
  }
  if (header.includes(arm)) return { keep, arm: [arm] };
  const perVisit = times.map((t) => `${arm}_${t}`);
  const armColumns = header.filter((h, i) => perVisit.includes(h) && keep.add(i));
  return { keep, arm: armColumns };
}

/** `keep`: wide columns read whole on every visit row of their line (lineColumnsOf), though their names end in a visit. */
export function wideToLong(table: CsvTable, timeColumn: string, times: readonly string[], keep: ReadonlySet<number> = new Set(),
  line: {
    baseline?: string;
    id?: string;
    /** Hears each special missing cell (1-based wide column) of a visit left out for having no value, on a line that gives a row: read as missing, so the run's note counts it (special-missing.ts). */
    specialSkipped?: (line: number, column: number, text: string) => void;
    /**
     * Columns of `keep` that are also their stem's value at their visit: an outcome's baseline
     * column named as a confounder of an observational plan (`ddd_opioid_bl`) is the confounder on
     * every row and the outcome's baseline too (docs/observational.md, "The outcome's baseline as a
     * confounder"). Read only as a confounder, the outcome lost its baseline and every patient.
     */
    alsoVisit?: ReadonlySet<number>;
  } = {},
): LongTable {
  // Longest time labels first so that `_10w` is not read as `_0w`.
  const byLength = [...times].sort((a, b) => b.length - a.length);
  const stems: string[] = [];
  const stemIndex = new Map<string, Map<string, number>>(); // stem → time → column
  const constants: number[] = [];
  // Without any `_<time>` column, numbered visits may follow the name directly, as Stata's
  // `reshape wide` writes them (`rmdq0`, `rmdq12`): a stem ending in a letter, then the number.
  const separated = table.header.some((h) => byLength.some((t) => endsInVisit(h, t)));
  const joinedTime = (h: string) => byLength.find((t) => /^\d+$/.test(t) && h.endsWith(t) && /[A-Za-z]$/.test(h.slice(0, -t.length)));
  // `<stem>_<visit>`, or `<stem> ved 3 måneder` (SPSS variable labels; wide-visits.ts endsInVisit).
  const visitOf = (name: string) => byLength.find((t) => endsInVisit(name, t));
  table.header.forEach((h, col) => {
    const joined = separated ? undefined : joinedTime(h);
    let time = joined ?? visitOf(h);
    let stem = time === undefined ? h : h.slice(0, -(time.length + (joined === undefined ? 1 : 0)));
    // A checkbox option of a visit's field (Castor `med_3m#1`, REDCap `med_3m___1`): the visit ends
    // the field's name, before the option; the option `med#1` at 3m, not a column of every visit.
    const option = time === undefined ? checkboxOptionParts(h) : undefined;
    if (option) {
      time = visitOf(option.field);
      if (time !== undefined) stem = option.field.slice(0, -(time.length + 1)) + option.option;
    }
    if (time === undefined || keep.has(col)) {
      constants.push(col);
      if (time === undefined || !line.alsoVisit?.has(col)) return;
    }
    let perTime = stemIndex.get(stem);
    if (!perTime) {
      perTime = new Map();
      stemIndex.set(stem, perTime);
      stems.push(stem);
    }
    perTime.set(time, col);
  });

  const header = [...constants.map((c) => table.header[c] as string), timeColumn, ...stems];
  // The baseline's place in `times` (an event before it, a screening visit, may come first) and the id's among the constants.
  const baselineAt = Math.max(0, line.baseline === undefined ? 0 : times.indexOf(line.baseline));
  const idAt = line.id === undefined ? -1 : header.indexOf(line.id);
  // Per time, the wide column of each stem (undefined: the stem has no column at that time).
  const stemColumns = times.map((time) => stems.map((stem) => stemIndex.get(stem)?.get(time)));
  function* longRecords(): Generator<CsvRecord> {
    for (const rec of table.records) {
      const wideCells = rec.cells;
      let wideRaw: string[] | undefined;
      const recordAt = (k: number): { any: boolean; record: CsvRecord } => {
        const time = times[k] as string;
        const cols = stemColumns[k]!;
        const cells: (string | null)[] = constants.map((c) => wideCells[c] ?? null);
        cells.push(time);
        let any = false;
        for (const col of cols) {
          const v = col === undefined ? null : (wideCells[col] ?? null);
          if (isValue(v)) any = true;
          cells.push(v);
        }
        const record: CsvRecord = {
          line: rec.line,
          cells,
          get raw() {
            wideRaw ??= rec.raw;
            const w = wideRaw;
            return [...constants.map((c) => w[c] ?? ''), time, ...cols.map((col) => (col === undefined ? '' : (w[col] ?? '')))];
          },
        };
        return { any, record };
      };
      let visits = 0;
      const skipped: number[] = [];
      for (const k of times.keys()) {
        const { any, record } = recordAt(k);
        // A visit with no value at all did not happen: same as an absent row in a long export.
        if (!any) {
          if (line.specialSkipped) for (const col of stemColumns[k]!) if (col !== undefined && wideCells[col] != null) skipped.push(col);
          continue;
        }
        visits++;
        yield record;
      }
      let given = visits > 0;
      // A line with its id, arm or covariates but no value at any visit is still a randomised
      // patient (one who withdrew before the baseline questionnaire): one empty row at the
      // baseline, as a long export has it, so the patient is counted in the flow and Table 1 and
      // imputed in the intention-to-treat analysis (docs/input-trial-export.md, "Layouts").
      // A line with its id and nothing else (a randomisation number filled in ahead in a sheet)
      // is an unused slot, no participant: read past, as an empty line is.
      // (A line with no value in any cell never gets here: the CSV reader reads past it.)
      if (visits === 0 && times.length > 0) {
        const { record } = recordAt(baselineAt);
        if (record.cells.some((v, i) => i < constants.length && i !== idAt && isValue(v))) {
          given = true;
          yield record;
        }
      }
      // (A baseline cell read on the empty baseline row is heard twice: the tally counts each cell once.)
      if (given) for (const col of skipped) line.specialSkipped!(rec.line, col + 1, wideCells[col]!.trim());
    }
  }
  const records: Iterable<CsvRecord> = { [Symbol.iterator]: longRecords };
  const timeCol = constants.length;
  const sourceColumns = (time: string, longColumn: number): number => {
    if (longColumn < timeCol) return (constants[longColumn] as number) + 1;
    if (longColumn === timeCol) return 0;
    const stem = stems[longColumn - timeCol - 1] as string;
    const col = stemIndex.get(stem)?.get(time);
    return col === undefined ? 0 : col + 1;
  };
  const sourceFields = (time: string, longColumn: number): string | undefined => {
    const col = sourceColumns(time, longColumn);
    return col === 0 ? undefined : table.header[col - 1];
  };
  const timesWithColumns = new Set(times.filter((_, k) => stemColumns[k]!.some((c) => c !== undefined)));
  return { ...table, header, records, sourceColumns, sourceFields, timesWithColumns };
}
