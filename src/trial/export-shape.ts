/**
 * Spreadsheet shapes a trial export is refused for, named as one problem each instead of one per
 * row (docs/input-trial-export.md, "Spreadsheet shapes"): the patient id only on each patient's
 * first row (merged cells, or a sheet laid out for reading), the arm only on the first row of
 * its block of patients (the same, one level up), and a totals row under the table
 * (`Gennemsnit`, `I alt`, `Mean`). Only the messages change: which rows are bad does not.
 */
import type { Problem } from '../errors.js';
import { isTotalWord } from '../uptake/total-rows.js';

/** The kind of an empty id cell's problem (load-trial.ts). */
export const EMPTY_ID_KIND = 'id.empty';

/** The kinds of the problems that name a shape. */
export const SHAPE_KINDS: ReadonlySet<string> = new Set(['id.only-first-row', 'arm.only-first-row', 'row.totals']);

/** The kind of an arm cell's problem that names no arm of the plan (load-trial.ts); an empty one has the value "". */
export const UNKNOWN_ARM_KIND = 'arm.unknown';

/** Words a spreadsheet user writes in the first cell of a row of sums or means; NFC, lower case, spaces removed. */
const SUMMARY_WORDS = new Set(['gennemsnit', 'gns', 'snit', 'middel', 'middelvaerdi', 'middelværdi', 'mean', 'means', 'average', 'avg', 'median', 'sd']);

/** Whether a cell names a total or a mean rather than a patient: `Total`, `I alt`, `Sum`, `Gennemsnit`, `Mean`. */
export function isSummaryWord(text: string): boolean {
  const key = text.normalize('NFC').trim().toLowerCase().replace(/\s+/g, '');
  return isTotalWord(text) || SUMMARY_WORDS.has(key) || SUMMARY_WORDS.has(key.replace(/[:.]$/, ''));
}

/**
 * The problems of a strict read with the spreadsheet shapes named: every empty-id problem as one
 * "fill the id down" problem, when the empty ids follow patients' first rows (a third of the rows
 * or more: a few scattered empty cells are each their own problem); every empty-arm problem as
 * one "fill the arm down" problem, when they are half the rows or more (never filled in silently: which rows a block
 * spans is the sheet's layout, not data); every problem of the last
 * line as one "totals row" problem, when its first cell is a total or mean word.
 * `rows`: the file's data lines, its last one and that line's first cell.
 */
export function namedShapes(problems: readonly Problem[], rows: { count: number; lastLine: number; lastFirstCell: string | null }): Problem[] {
  let out = [...problems];
  const empty = out.filter((p) => p.kind === EMPTY_ID_KIND);
  if (empty.length >= 2 && empty.length * 3 >= rows.count) {
    const first = empty[0]!;
    const lines = new Set(empty.map((p) => p.line));
    out = out.filter((p) => p.kind !== EMPTY_ID_KIND);
    out.push({
      ...first,
      expected: `a patient id on every row: the id is only on the first row of each patient (${lines.size} rows below them have none) — a sheet with merged cells, or laid out for reading; fill the id down to each patient's other rows (in Excel: select the id column, Go To Special → Blanks, type = and the cell above, Ctrl+Enter), the arm too if it is only on the first row, and export again`,
      kind: 'id.only-first-row',
    });
    out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  }
  const emptyArm = out.filter((p) => p.kind === UNKNOWN_ARM_KIND && p.value === '');
  // Stricter than for ids: a REDCap long export may leave a patient or two without an arm on any row, each its own problem.
  if (emptyArm.length >= 4 && emptyArm.length * 2 >= rows.count) {
    const first = emptyArm[0]!;
    const gone = new Set(emptyArm);
    out = out.filter((p) => !gone.has(p));
    out.push({
      ...first,
      expected: `an arm value on every row: the arm is only on the first row of each block of patients (${new Set(emptyArm.map((p) => p.line)).size} rows below them have none) — a sheet with merged cells, or laid out for reading; hta does not fill it in, since only the sheet's layout says which rows a block spans: fill the arm down to the rows below it (in Excel: select the arm column, Go To Special → Blanks, type = and the cell above, Ctrl+Enter) and export again`,
      kind: 'arm.only-first-row',
    });
    out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  }
  const last = rows.lastFirstCell;
  if (last !== null && isSummaryWord(last) && out.some((p) => p.line === rows.lastLine)) {
    const at = out.find((p) => p.line === rows.lastLine)!;
    out = out.filter((p) => p.line !== rows.lastLine);
    out.push({ file: at.file, line: rows.lastLine, column: 1, value: last.trim(), expected: `a patient's row: the last row is a totals row ("${last.trim()}": sums or means under the table, no patient) — delete it from the export`, kind: 'row.totals' });
  }
  return out;
}
