/**
 * Spreadsheet shapes a trial export is refused for, named as one problem each instead of one per
 * row (docs/input-trial-export.md, "Spreadsheet shapes"): the patient id only on each patient's
 * first row (merged cells, or a sheet laid out for reading), the arm only on the first row of
 * its block of patients (the same, one level up), and summary rows (`Gennemsnit`, `I alt`,
 * `Mean`, `N` in the id cell), all in one problem. Only the messages change: which rows are bad
 * does not, but for summary rows, which load-trial.ts refuses by their id cell alone
 * (`summaryRowProblem`), also when their other cells are valid — among them the subtotal rows of
 * Excel's Data → Subtotal (`P1001 I alt` under each patient).
 */
import type { Problem } from '../errors.js';
import { isTotalWord } from '../uptake/total-rows.js';

/** The kind of an empty id cell's problem (load-trial.ts). */
export const EMPTY_ID_KIND = 'id.empty';

/** The kind of a summary row's problem: one per row (load-trial.ts), named as one by namedShapes. */
export const SUMMARY_ROW_KIND = 'row.totals';

/** The kinds of the problems that name a shape. */
export const SHAPE_KINDS: ReadonlySet<string> = new Set(['id.only-first-row', 'arm.only-first-row', SUMMARY_ROW_KIND]);

/** The kind of an arm cell's problem that names no arm of the plan (load-trial.ts); an empty one has the value "". */
export const UNKNOWN_ARM_KIND = 'arm.unknown';

/** The kind of an empty arm cell's problem when no row of the patient has an arm (trial/not-randomised.ts): a participant never randomised, or a block's lower patient. */
export const NO_ARM_KIND = 'arm.none';

/**
 * Words a spreadsheet user writes in the first cell of a row of means, spreads or counts (en, da,
 * sv, no, de; the totals are total-rows.ts's); NFC, lower case, spaces removed. No patient id is
 * such a word, so a row whose id cell holds one is a summary row wherever it is.
 */
const SUMMARY_WORDS = new Set([
  'gennemsnit', 'gns', 'snit', 'middel', 'middelvaerdi', 'middelværdi', 'mean', 'means', 'average', 'avg', 'median', 'sd',
  'std', 'stdev', 'std.dev', 'std.afv', 'stdafv', 'spredning', 'standardafvigelse', 'standarddeviation', 'variance', 'varians',
  'n', 'antal', 'antall', 'count', 'anzahl', 'min', 'max', 'minimum', 'maximum',
  'medel', 'medelvärde', 'medelvarde', 'gjennomsnitt', 'snitt', 'mittelwert', 'durchschnitt', 'summe', 'gesamt', 'insgesamt',
]);

/** An observational plan's exposure values (plan "observational.exposure"), for its messages, which never say "arm". */
export interface ExposureValues {
  exposed: string;
  unexposed: string;
}

/**
 * Many empty exposure cells in a registry export: not a sheet's merged cells but, most often, a
 * flag filled for users only, which the plan can say with "unexposed": "" (docs/observational.md).
 */
function emptyExposureExpected(e: ExposureValues, lines: number): string {
  // SAS and Stata write an unknown flag "." (read as empty, special-missing.ts): "unexposed": "" would make those persons non-users.
  return `an exposure value on every row ("${e.exposed}" or "${e.unexposed}", as in the plan's "observational.exposure"): ${lines} rows have no exposure value (an empty cell, or SAS's or Stata's missing value ".") — if the export fills the flag for the exposed only, so an empty cell means unexposed, write "unexposed": "" in the plan (a flag the export lost, written ".", would then count as unexposed too: recode those cells first); otherwise fill in the missing values and export again`;
}

/**
 * The label Excel's Data → Subtotal writes under each group, after the group's value (`P1001 I alt`,
 * `P1001 Total`): the function's word in the languages our users' Excel speaks — Danish `I alt`,
 * `Antal`, `Gennemsnit`; English `Total`, `Count`, `Average`; Norwegian `Totalt`; Swedish `Summa`;
 * German `Ergebnis`. No patient id ends in one of them after a space.
 */
const SUBTOTAL = /^\S.*\s(?:i\s+alt|total|totalt|summa|ergebnis|antal|count|average|gennemsnit|middelværdi|middelvaerdi)$/i;

/**
 * A summary cell as a message may show it: a subtotal's group value is a patient's id
 * (`P1001 I alt`), so only its label is shown (`… I alt`).
 */
export function shownSummaryWord(text: string): string {
  const t = text.normalize('NFC').trim();
  return SUBTOTAL.test(t) ? `… ${/\s(\S+(?:\s+alt)?)$/i.exec(t)![1]}` : t;
}

/** Whether a cell names a total or a mean rather than a patient: `Total`, `I alt`, `Sum`, `Gennemsnit`, `Mean`, a subtotal's `P1001 I alt`. */
export function isSummaryWord(text: string): boolean {
  const key = text.normalize('NFC').trim().toLowerCase().replace(/\s+/g, '');
  return isTotalWord(text) || SUMMARY_WORDS.has(key) || SUMMARY_WORDS.has(key.replace(/[:.]$/, '')) || SUBTOTAL.test(text.normalize('NFC').trim());
}

/** The problem of a row whose id cell is a summary word (`Gennemsnit`, `I alt`, `N`), also when its other cells are valid. */
export function summaryRowProblem(at: Omit<Problem, 'expected'>, word: string): Problem {
  // No line in the text: grouped (the rows --exclude-invalid left out) it is said once for all of them.
  return { ...at, value: shownSummaryWord(word), expected: `a patient's row: a summary row (a total, mean or count word in the id column: no patient, even with an arm value) — delete it from the export`, kind: SUMMARY_ROW_KIND };
}

/** How many of a file's summary lines, and of their words, a message lists before "and N more". */
const SHOWN_SUMMARIES = 10;

function summaryExpected(lines: readonly number[], words: readonly string[]): string {
  const distinct = [...new Set(words.map(shownSummaryWord))];
  const more = (n: number) => (n > SHOWN_SUMMARIES ? `, … and ${n - SHOWN_SUMMARIES} more` : '');
  const shown = distinct.slice(0, SHOWN_SUMMARIES).map((w) => JSON.stringify(w)).join(', ') + more(distinct.length);
  const which = lines.length === 1 ? `line ${lines[0]} is a summary row` : `lines ${lines.slice(0, SHOWN_SUMMARIES).join(', ')}${more(lines.length)} are summary rows`;
  const it = lines.length === 1 ? 'it' : 'them';
  // Excel's Data → Subtotal removes its own rows again.
  const subtotal = words.some((w) => SUBTOTAL.test(w.normalize('NFC').trim())) ? ' (subtotal rows of Excel\'s Data → Subtotal: Data → Subtotal → Remove All, then export again)' : '';
  return `a patient's row: ${which} (${shown} in the id column: a total, mean or count under or beside the table, no patient, even with an arm value) — delete ${it} from the export${subtotal} (--exclude-invalid leaves ${it} out)`;
}

/**
 * Whether `emptyRows` rows without an arm among the file's `lines` data lines are the arm only on
 * the first row of each block of patients (merged cells): four rows at least and half the lines
 * or more. Stricter than for ids: a REDCap long export may leave a patient or two without an arm
 * on any row, each its own problem. Also where a plan's "flow.notRandomised" stops counting such
 * patients as never randomised (not-randomised.ts).
 */
export function isBlockShape(emptyRows: number, lines: number): boolean {
  return emptyRows >= 4 && emptyRows * 2 >= lines;
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
export function namedShapes(
  problems: readonly Problem[],
  rows: { count: number; lastLine: number; lastFirstCell: string | null; exposure?: ExposureValues },
): Problem[] {
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
  // A patient with no arm on any row is what a block's lower patients look like.
  const emptyArm = out.filter((p) => (p.kind === UNKNOWN_ARM_KIND || p.kind === NO_ARM_KIND) && p.value === '');
  // Stricter than for ids: a REDCap long export may leave a patient or two without an arm on any row, each its own problem.
  // A registry's empty exposure cells are no layout but, most often, a flag filled for users only: one problem from 4 on.
  if (rows.exposure !== undefined ? emptyArm.length >= 4 : isBlockShape(emptyArm.length, rows.count)) {
    const first = emptyArm[0]!;
    const gone = new Set(emptyArm);
    out = out.filter((p) => !gone.has(p));
    out.push({
      ...first,
      expected: rows.exposure ? emptyExposureExpected(rows.exposure, new Set(emptyArm.map((p) => p.line)).size) : `an arm value on every row: the arm is only on the first row of each block of patients (${new Set(emptyArm.map((p) => p.line)).size} rows below them have none) — a sheet with merged cells, or laid out for reading; hta does not fill it in, since only the sheet's layout says which rows a block spans: fill the arm down to the rows below it (in Excel: select the arm column, Go To Special → Blanks, type = and the cell above, Ctrl+Enter) and export again`,
      kind: 'arm.only-first-row',
    });
    out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  }
  const last = rows.lastFirstCell;
  if (last !== null && isSummaryWord(last) && out.some((p) => p.line === rows.lastLine && p.kind !== SUMMARY_ROW_KIND)) {
    const at = out.find((p) => p.line === rows.lastLine)!;
    out = out.filter((p) => p.line !== rows.lastLine);
    out.push({ file: at.file, line: rows.lastLine, column: 1, value: last.trim(), expected: '', kind: SUMMARY_ROW_KIND });
  }
  // Every summary row in one problem naming their lines: a mean row per arm is two such rows, and
  // naming only the last let the other one in once the user deleted it.
  const summaries = out.filter((p) => p.kind === SUMMARY_ROW_KIND);
  if (summaries.length) {
    const lines = [...new Set(summaries.map((p) => p.line ?? 0))].sort((a, b) => a - b);
    const lineSet = new Set(lines);
    const first = summaries[0]!;
    out = out.filter((p) => !lineSet.has(p.line ?? -1));
    out.push({ ...first, value: shownSummaryWord(first.value ?? ''), expected: summaryExpected(lines, summaries.map((p) => p.value ?? '')), kind: SUMMARY_ROW_KIND });
    out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  }
  return out;
}
