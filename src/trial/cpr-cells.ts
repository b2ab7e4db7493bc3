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
import { looksLikeCpr, NORDIC_SHAPES_TOO } from '../io/cpr-number.js';
import { CODE_MIN_ROWS, codeCandidate, cprKind } from '../uptake/cpr-shape.js';
import { plainPatientId } from './patient-ids.js';

/** A cell's text as hta reads it: Excel's text marks (`'…`, `="…"`) aside, as for ids. */
const bare = (cell: string): string => plainPatientId(cell.trim());

/** Whether a cell (as written) is shaped like a CPR number, Excel's text marks aside. */
function cprShapedCell(cell: string | null | undefined): boolean {
  // Most cells (a score, an answer code) are far shorter than ten digits: no pattern run on them.
  if (cell === null || cell === undefined || cell.length < 10) return false;
  return looksLikeCpr(cell) || looksLikeCpr(bare(cell));
}

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
      if (!codeCandidate(t)) continue;
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
  return codeCandidate(t) && codes?.has(t) === true;
}

/**
 * The one test for a cell to refuse as a CPR number, used by every reader of a trial-shaped file
 * (the loader, Table 1, the target sample, `hta plan init`'s draft): `refused(cell, column)` is
 * true when the cell is CPR-shaped and, in a column of `codeColumns`, not one of the file's
 * repeated codes. The codes are counted once, at the first CPR-shaped cell of such a column, since
 * most files have none. `idIdx` tells patients apart for the count (-1: each row counts alone).
 */
export function cprCellTest(records: Iterable<Pick<CsvRecord, 'cells' | 'line'>>, idIdx: number, codeColumns: readonly number[]): (cell: string | null | undefined, column: number) => boolean {
  let codes: Map<number, Set<string>> | undefined;
  return (cell, column) => {
    if (!cprShapedCell(cell)) return false;
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
export function withoutCprCells(table: CsvTable, idColumns: readonly number[], codeColumns: readonly number[]): { table: CsvTable; cells: CprCell[] } {
  const refused = cprCellTest(table.records, idColumns[0] ?? -1, codeColumns);
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
