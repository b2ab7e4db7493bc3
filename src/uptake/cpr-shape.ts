/**
 * Cells shaped like a personal identity number — a Danish CPR number (DDMMYY-NNNN, or the ten
 * digits without the hyphen), a Swedish personnummer or a Norwegian fødselsnummer, with a date
 * that exists (io/cpr-number.ts). hta never publishes one and never quotes one in a
 * message: a registry cell of that shape in a column hta reads stops the run, naming its file,
 * line and column only (docs/input-registry.md "CPR numbers"). No modulus-11 check: numbers
 * issued since 2007 need not pass it.
 *
 * Except a code: in a column that names a place or a category (region, clinic, sex, referrer),
 * ten to twelve bare digits on at least CODE_MIN_ROWS rows of the file are a code — a clinic's P-number or
 * SOR code — since a CPR number is one patient's and sits on that patient's few rows.
 */
import type { ColumnIndex, RegistryColumn } from './referral.js';

import { cprShapeText, DATE_TIME_TOO, holdsCpr, looksLikeCprCell, maskCpr, NORDIC_SHAPES_TOO } from '../io/cpr-number.js';

export { looksLikeCpr, looksLikeCprCell, maskCpr } from '../io/cpr-number.js';

export const CODE_COLUMNS = ['region', 'clinic', 'sex', 'referrer'] as const satisfies readonly RegistryColumn[];
const isCodeColumn = (col: RegistryColumn): boolean => (CODE_COLUMNS as readonly RegistryColumn[]).includes(col);

/**
 * Ten bare digits on at least this many rows of one code column are a code, not a CPR number.
 * A patient referred twice or thrice (or a row exported twice) puts one CPR number on a few rows;
 * a wrongly mapped CPR column puts most numbers on one row each, and any one of them stops the run.
 */
export const CODE_MIN_ROWS = 5;

/** Per code column, the ten-digit numbers (trimmed) on at least CODE_MIN_ROWS rows of the file. */
export type RepeatedCodes = Partial<Record<RegistryColumn, ReadonlySet<string>>>;

/**
 * A trimmed cell that is a code if it repeats: ten to twelve bare digits, no hyphen or space,
 * shaped like a personal number (a Danish P-number, a Swedish arbetsplatskod of eleven digits) —
 * or nine, such a code whose leading zero a spreadsheet dropped (io/cpr-number.ts looksLikeZeroDroppedCpr);
 * either as pandas writes it in a float column (`0101011234.0` loses its zero: `101011234.0`).
 */
export const codeCandidate = (trimmed: string): boolean => /^\d{9,12}(?:[.,]0+)?$/.test(trimmed) && looksLikeCprCell(trimmed);

/**
 * `text` as the shape tests read it (io/cpr-number.ts cprShapeText: no-break spaces, dashes and
 * full-width digits as plain ones), with ten to twelve bare digits glued to a letter before them
 * read past: a code written to be read as written (`P0101011234`), never a CPR number. A number
 * with a hyphen or a blank is never a code, glued or not: `pt120374-1234` is a CPR number.
 */
const unglued = (text: string): string => cprShapeText(text).replace(/(?<=\p{L})\d{10,12}(?!\d)/gu, 'x');

/**
 * Whether `text` holds a CPR number inside other text (`Lægerne Østergade (pt. 120374-1234)`, a
 * note typed into an EHR field; typed as a date is, `pt. 12.03.74-1234`): as a clinic, region or
 * level name it would be printed whole. The number is what a message masks (io/cpr-number.ts
 * holdsCpr), so a cell refused here and a quoted cell masked are found alike.
 */
export function cprInside(text: string): boolean {
  if (text.length < 11 || looksLikeCprCell(text)) return false;
  return holdsCpr(unglued(text));
}

/** Whether every CPR-shaped number in `text` is ten to twelve bare digits (a code's shape: `Klinik 0101011234`); a hyphenated one never is. */
export function bareDigitNumbersOnly(text: string): boolean {
  const rest = unglued(text).replace(/(?<!\d)\d{10,12}(?!\d)/g, 'x');
  return maskCpr(rest) === rest;
}

/** A trimmed cell that is a code if it repeats: a code candidate, or a name holding only such digits (`Klinik 0101011234`). */
export const codeText = (trimmed: string): boolean => codeCandidate(trimmed) || (cprInside(trimmed) && bareDigitNumbersOnly(trimmed));

/**
 * Whether `text`, a cell of column `col`, is refused as a CPR number (`codes`: the file's repeated
 * codes): a CPR-shaped cell, or, in a column of names and categories whose values are printed
 * (CODE_COLUMNS), one holding a CPR number inside its text.
 */
export function cprCell(col: RegistryColumn, text: string, codes: RepeatedCodes | undefined): boolean {
  if (!looksLikeCprCell(text) && !(isCodeColumn(col) && cprInside(text.trim()))) return false;
  const t = text.trim();
  return !(isCodeColumn(col) && codeText(t) && codes?.[col]?.has(t) === true);
}

/** Counts the code candidates of records (rows of cells) and gives the repeated ones. */
export function codeCounter(columns: Partial<ColumnIndex>): { add(record: readonly string[]): void; codes(): RepeatedCodes } {
  const counts = new Map<RegistryColumn, Map<string, number>>();
  return {
    add(record) {
      for (const col of CODE_COLUMNS) {
        const i = columns[col];
        const t = i === undefined ? '' : (record[i] ?? '').trim();
        if (!codeText(t)) continue;
        const m = counts.get(col) ?? new Map<string, number>();
        counts.set(col, m.set(t, (m.get(t) ?? 0) + 1));
      }
    },
    codes: () => repeatedCodes(counts),
  };
}

/** The codes of per-column counts (of trimmed candidates) on at least CODE_MIN_ROWS rows. */
export function repeatedCodes(counts: ReadonlyMap<RegistryColumn, ReadonlyMap<string, number>>): RepeatedCodes {
  const out: RepeatedCodes = {};
  for (const [col, m] of counts) {
    const codes = new Set([...m].filter(([, n]) => n >= CODE_MIN_ROWS).map(([t]) => t));
    if (codes.size > 0) out[col] = codes;
  }
  return out;
}

/** The problem's `expected` for such a cell (which is never quoted). */
export const CPR_EXPECTED = `no CPR number: the cell looks like a CPR number (DDMMYY-NNNN), and hta never publishes one nor quotes it — check that the column is the one meant (columns.registry in the uptake plan), and export the registry without CPR numbers (${NORDIC_SHAPES_TOO})`;

/** The `expected` for a CPR-shaped cell of `col`: in a code column, what makes a ten-digit code read. */
export function cprExpected(col: RegistryColumn, text?: string): string {
  if (text !== undefined && isCodeColumn(col) && cprInside(text.trim())) {
    return `no CPR number inside the text: the cell holds a number shaped like a CPR number (DDMMYY-NNNN) beside other text, such as a note typed into the field, and hta would print the whole value as a name or a level — it never publishes a CPR number nor quotes one: remove the number from the cell in the export (${NORDIC_SHAPES_TOO}); ${DATE_TIME_TOO}. A code of ten to twelve digits in a name is read as part of it when the same cell is on at least ${CODE_MIN_ROWS} rows of the column; on fewer, write a letter right before its digits ("P" before a P-number's ten)`;
  }
  // A date column's cell of this shape is most often a date and time written compactly
  // (`20250123 0930`: YYYYMMDD-NNNN's shape); said without quoting the cell.
  if (DATE_COLUMNS.includes(col)) return `${CPR_EXPECTED}; a compact date-time (YYYYMMDD hhmm) has this shape too: export dates as YYYY-MM-DD`;
  if (!isCodeColumn(col)) return CPR_EXPECTED;
  return `${CPR_EXPECTED}. A code of ten to twelve digits (a clinic's P-number or SOR code, a Swedish arbetsplatskod) is fine when the same number is on at least ${CODE_MIN_ROWS} rows of the column (a CPR number is one patient's); a code on fewer rows is refused: write it in the export with a letter before all its digits ("P" before a P-number's ten, a letter before an arbetsplatskod's eleven) and it is read as written`;
}

/**
 * The `expected` for a region cell of the eligible file that is, or holds, a CPR-shaped number
 * (`eligibleCprCell`): a region's name is printed in every table, note and `--json`. The file has
 * a row per region and year, so no repeat makes such a number a code.
 */
export function eligibleCprExpected(text: string): string {
  const what = cprInside(text.trim())
    ? 'no CPR number inside the text: the region cell holds a number shaped like a CPR number (DDMMYY-NNNN) beside other text'
    : 'no CPR number: the region cell looks like a CPR number (DDMMYY-NNNN)';
  return `${what}, and hta would print it as a region's name — it never publishes a CPR number nor quotes one: check that the column is the one meant (columns.eligible in the uptake plan), and write the region's name in the file (${NORDIC_SHAPES_TOO})`;
}

/** Whether a region cell of the eligible file is refused as a CPR number (as the registry's region column refuses one, without codes). */
export const eligibleCprCell = (text: string): boolean => cprCell('region', text, undefined);

/** The registry's date columns, whose CPR-shaped cells are most often compact date-times. */
const DATE_COLUMNS: readonly RegistryColumn[] = ['referred', 'activated', 'last_active'];

/** The Problem kind of such a cell in `column` (one group per column, each naming its lines). */
export const cprKind = (column: string): string => `cpr.${column}`;

/** Whether a Problem is such a cell. */
export const isCprProblem = (p: { kind?: string }): boolean => p.kind?.startsWith('cpr.') === true;
