/**
 * Cells shaped like a personal identity number (a Danish CPR number, a Swedish personnummer, a
 * Norwegian fødselsnummer: io/cpr-number.ts) in a trial export's columns other than the id (the arm,
 * the visit, scores and items, covariates, subgroup and population columns, the withdrawal
 * reason, a cost-effectiveness plan's resource use, a report's Table 1 characteristics): hta refuses each, naming its line and column
 * and never quoting it, also with --exclude-invalid — such a cell means a shifted line or the
 * wrong column named, and its value would reach a message, a plan, a Table 1 level or a report
 * (docs/input-trial-export.md#cpr-outside-id). The shape is
 * io/cpr-number.ts's; the code allowance (a site's P-number) is the registry's
 * (uptake/cpr-shape.ts), counted by patients rather than rows, since a long export repeats a
 * patient's covariate on every visit row.
 */
import type { CsvRecord, CsvTable } from '../io/read-csv.js';
import { DATE_TIME_TOO, looksLikeCprCell, NORDIC_SHAPES_TOO } from '../io/cpr-number.js';
import { bareDigitNumbersOnly, CODE_MIN_ROWS, codeCandidate, cprInside, cprKind } from '../uptake/cpr-shape.js';
import { plainPatientId } from './patient-ids.js';

/** A cell's text as hta reads it: Excel's text marks (`'…`, `="…"`) aside, as for ids. */
const bare = (cell: string): string => plainPatientId(cell.trim());

/**
 * The fewest characters a cell refused by cprCellTest has: nine digits, a CPR number whose leading
 * zero Excel dropped (io/cpr-number.ts looksLikeZeroDroppedCpr; one inside other text, cprInside,
 * needs eleven). A reader may pass over shorter cells without the test.
 */
export const CPR_MIN_WIDTH = 9;

/**
 * A cell that is one decimal number with six digits and four decimals (`120374.1234`,
 * `-150312.4567`): a number — a cost in kroner, as a trial's resource or cost column may hold —
 * not a CPR number typed with a dot (io/cpr-number.ts DATED), which is not typed so alone. Beside
 * other text (`Lægehuset 120374.1234`) it is one; a registry has no such columns and refuses it
 * (docs/input-trial-export.md#cpr-outside-id).
 */
const A_COST = /^[-+]?\d{6}\.\d{4}$/;

/** Whether a cell (as written) is shaped like a CPR number, Excel's text marks aside. */
function cprShapedCell(cell: string | null | undefined): boolean {
  // Most cells (a score, an answer code) are far shorter than nine digits (a CPR number Excel
  // dropped the leading zero of: io/cpr-number.ts looksLikeZeroDroppedCpr): no pattern run on them.
  if (cell === null || cell === undefined || cell.length < CPR_MIN_WIDTH || A_COST.test(bare(cell))) return false;
  return looksLikeCprCell(cell) || looksLikeCprCell(bare(cell));
}

/** Whether a cell holds a CPR number inside other text (uptake/cpr-shape.ts cprInside): its value would be printed as a level's name. */
export const cprInsideCell = (cell: string | null | undefined): boolean => cell !== null && cell !== undefined && !A_COST.test(bare(cell)) && cprInside(cell.trim());

/** Whether a cell holding one holds only bare ten-to-twelve-digit ones: a code's shape, read as a code when repeated. */
const bareDigitsOnly = bareDigitNumbersOnly;

/**
 * Per column index of `codeColumns`, the ten bare digits (a code candidate) written on the rows of
 * at least CODE_MIN_ROWS patients (told apart by the id cell; a row without one counts alone):
 * a code, as a site's P-number, not a CPR number, which is one patient's.
 */
function repeatedTrialCodes(records: Iterable<Pick<CsvRecord, 'cells' | 'line'>>, idIdx: number, codeColumns: readonly number[]): Map<number, Set<string>> {
  const patients = new Map<number, Map<string, Set<string>>>();
  for (const rec of records) {
    let who: string | undefined;
    for (const i of codeColumns) {
      const cell = rec.cells[i];
      if (cell === null || cell === undefined) continue;
      const t = bare(cell);
      if (!codeCandidate(t) && !(cprInsideCell(t) && bareDigitsOnly(t))) continue;
      if (who === undefined) {
        const id = idIdx < 0 ? null : rec.cells[idIdx];
        who = id === null || id === undefined ? `line ${rec.line}` : `id ${plainPatientId(id)}`;
      }
      const byCode = patients.get(i) ?? new Map<string, Set<string>>();
      patients.set(i, byCode);
      const seen = byCode.get(t) ?? new Set<string>();
      byCode.set(t, seen.add(who));
    }
  }
  const out = new Map<number, Set<string>>();
  for (const [i, byCode] of patients) {
    const codes = new Set([...byCode].filter(([, who]) => who.size >= CODE_MIN_ROWS).map(([t]) => t));
    if (codes.size) out.set(i, codes);
  }
  return out;
}

/** Whether a CPR-shaped `cell` of a column that may hold codes is one of the file's repeated codes. */
function isRepeatedCode(cell: string, codes: ReadonlySet<string> | undefined): boolean {
  const t = bare(cell);
  return (codeCandidate(t) || bareDigitsOnly(t)) && codes?.has(t) === true;
}

/**
 * The one test for a cell to refuse as a CPR number, used by every reader of a trial-shaped file
 * (the loader, Table 1, the target sample, `hta plan init`'s draft): `refused(cell, column)` is
 * true when the cell is CPR-shaped, or holds a CPR number inside its text (cprInsideCell: its
 * value would be printed as a level, a category or a label), and, in a column of `codeColumns`,
 * is not one of the file's repeated codes. The codes are counted once, at the first such cell of
 * a code column, since most files have none. `idIdx` tells patients apart for the count (-1: each
 * row counts alone). `textColumns`: columns of free text whose values hta never prints as written
 * (a withdrawal reason, pooled as free text: free-text.ts), tested for a whole-cell CPR only.
 */
export function cprCellTest(records: Iterable<Pick<CsvRecord, 'cells' | 'line'>>, idIdx: number, codeColumns: readonly number[], options: { textColumns?: readonly number[] } = {}): (cell: string | null | undefined, column: number) => boolean {
  let codes: Map<number, Set<string>> | undefined;
  const textColumns = options.textColumns ?? [];
  return (cell, column) => {
    if (!cprShapedCell(cell) && !(cprInsideCell(cell) && !textColumns.includes(column))) return false;
    if (!codeColumns.includes(column)) return true;
    codes ??= repeatedTrialCodes(records, idIdx, codeColumns);
    return !isRepeatedCode(cell!, codes.get(column));
  };
}

/** Whether a CPR-shaped cell could be a code if repeated: ten to twelve bare digits (a hyphen or space never is). */
export const mayBeCode = (cell: string): boolean => codeCandidate(bare(cell));

/** What such a cell should be, for the problem's `expected` (the cell itself is never quoted). */
/** `codesAllowed`: the column may hold a code and the cell is ten bare digits (say how a code is read). */
export function trialCprExpected(idColumn: string, codesAllowed: boolean): string {
  const base = `no CPR number: the cell looks like a CPR number (DDMMYY-NNNN), and hta never publishes one nor quotes it — a CPR number outside the id column ("${idColumn}") means a shifted line or the wrong column named in the plan: correct the export (or the plan's "columns"); ${NORDIC_SHAPES_TOO}`;
  if (!codesAllowed) return base;
  return `${base}. A code of ten to twelve digits (a site's P-number) is read as a code when the same number is on the rows of at least ${CODE_MIN_ROWS} patients (a CPR number is one patient's); on fewer, write it in the export with a letter before all its digits ("P" before a P-number's ten, a letter before a longer code's eleven or twelve) and it is read as written`;
}

/** The problem kind of such a cell: one group per column, each naming its lines (uptake/cpr-shape.ts). */
export { cprKind, isCprProblem } from '../uptake/cpr-shape.js';

/**
 * The `expected` of a refused `cell` (cprCellTest): trialCprExpected's, or, for a CPR number
 * inside other text, what that means and what to do (docs/input-trial-export.md#cpr-outside-id).
 * The cell itself is never quoted.
 */
export function cprCellExpected(idColumn: string, cell: string, codesAllowed: boolean): string {
  if (cprShapedCell(cell) || !cprInsideCell(cell)) return trialCprExpected(idColumn, codesAllowed && mayBeCode(cell));
  const base = `no CPR number inside the text: the cell holds a number shaped like a CPR number (DDMMYY-NNNN) beside other text, such as a note typed into the field, and hta would print the whole value as a level, a category or a label (in messages, --json, pages, charts) — it never publishes a CPR number nor quotes one: remove the number from the cell in the export (or, if the wrong column is named, correct the plan's "columns"); ${NORDIC_SHAPES_TOO}; ${DATE_TIME_TOO}`;
  if (!codesAllowed || !bareDigitsOnly(bare(cell))) return base;
  return `${base}. A code of ten to twelve digits in the text (a site's P-number) is read as part of the value when the same cell is on the rows of at least ${CODE_MIN_ROWS} patients; on fewer, write a letter right before its digits ("P" before a P-number's ten)`;
}

/** The error's first line: how many cells, and that --exclude-invalid does not pass them. */
export function trialCprMessage(file: string, cells: number, idColumn: string): string {
  return `${file} has ${cells} cell(s) outside the id column "${idColumn}" that look like CPR numbers: hta never publishes one, so it stops here (also with --exclude-invalid); the cells are named by line and column, not quoted`;
}

/** A CPR-shaped cell left out of a table: where it was (never what). */
export interface CprCell {
  line: number;
  /** 1-based. */
  column: number;
}

/**
 * `table` with every CPR-shaped cell outside the id column read as empty (a repeated code of
 * `codeColumns` aside), and where they were: what `hta plan init` drafts from, so that no such
 * cell becomes a visit, an arm, a level or a missing-value code, nor is quoted (docs/plan-trial.md).
 */
/** `idColumns`: the id's column first, then any column repeating it (`id_3m`), none of them checked. */
/** `textColumns`: free-text columns tested for a whole-cell CPR number only, as cprCellTest's. */
export function withoutCprCells(table: CsvTable, idColumns: readonly number[], codeColumns: readonly number[], textColumns: readonly number[] = []): { table: CsvTable; cells: CprCell[] } {
  const refused = cprCellTest(table.records, idColumns[0] ?? -1, codeColumns, { textColumns });
  const cells: CprCell[] = [];
  const kept: CsvRecord[] = [];
  for (const rec of table.records) {
    let out: (string | null)[] | undefined;
    rec.cells.forEach((c, i) => {
      if (idColumns.includes(i) || !refused(c, i)) return;
      out ??= [...rec.cells];
      out[i] = null;
      cells.push({ line: rec.line, column: i + 1 });
    });
    kept.push(out ? { line: rec.line, cells: out, raw: rec.raw } : rec);
  }
  return { table: cells.length ? { ...table, records: kept } : table, cells };
}
