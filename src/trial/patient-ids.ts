/**
 * Checks on the patient ids of a trial export that look at the ids as a whole (not one row):
 * ids written with and without leading zeros (a spreadsheet dropped them), and ids shaped like
 * CPR numbers. Neither ever quotes an id: lines and counts only (docs/input-trial-export.md,
 * "Patient ids").
 */
import { looksLikeCpr } from '../io/cpr-number.js';

const DIGITS = /^\d+$/;

/** The Problem kind of a row whose id another row writes another way (leading zeros, Excel text). */
export const ID_SPELLING_KIND = 'id.leading-zeros';

/** An all-digit id's value without leading zeros (`0001` → `1`); undefined for any other id. */
export function digitIdValue(id: string): string | undefined {
  return DIGITS.test(id) ? id.replace(/^0+(?=\d)/, '') : undefined;
}

/** Excel's text formula as a CSV cell holds it: `="002"` (inner quotes doubled). */
const EXCEL_FORMULA_TEXT = /^="((?:[^"]|"")*)"$/;

/**
 * A patient id as the patient's other rows write it: Excel's two ways of keeping an id as text
 * (a leading apostrophe `'002`, the text formula `="002"`) read as the id `002`, and whether the
 * cell was written so. Exported from a sheet, the marks stay in some cells and not in others, so
 * one patient would count as two (docs/input-trial-export.md, "Patient ids").
 */
export function patientIdOf(cell: string): { id: string; excelText: boolean } {
  if (cell.length > 1 && cell.startsWith("'")) {
    const id = cell.slice(1).trim();
    if (id !== '') return { id, excelText: true };
  }
  const m = EXCEL_FORMULA_TEXT.exec(cell);
  if (m) {
    const id = m[1]!.replace(/""/g, '"').trim();
    if (id !== '') return { id, excelText: true };
  }
  return { id: cell, excelText: false };
}

/** A patient id with Excel's text marks taken off (patientIdOf), for readers that only match ids. */
export function plainPatientId(cell: string): string {
  return patientIdOf(cell).id;
}

/**
 * Remembers the all-digit ids met so far by their value without leading zeros: Excel reads an
 * id column of numbers as numbers and writes `0001` back as `1`, so a file re-saved in part
 * holds one patient under two spellings.
 */
export class IdSpellings {
  readonly #byValue = new Map<string, number>();

  /**
   * For a new id (index `who` among the distinct ids): the index of an earlier id equal to it
   * but for leading zeros, or -1. An id that is not all digits is never such a spelling.
   */
  earlierSpelling(id: string, who: number): number {
    const value = digitIdValue(id);
    if (value === undefined) return -1;
    const earlier = this.#byValue.get(value);
    if (earlier !== undefined) return earlier;
    this.#byValue.set(value, who);
    return -1;
  }
}

/** What a problem says in a group (`expected`) and what only its own row says (`detail`, errors.ts). */
export interface ExpectedWithDetail {
  expected: string;
  detail: string;
}

/**
 * The problem text of a row whose id is that of `earlierLine` written with or without leading
 * zeros, quoting neither: the earlier line is the row's own detail, so each row of a group names
 * its own pair of lines.
 */
export function leadingZerosExpected(earlierLine: number): ExpectedWithDetail {
  return {
    expected:
      'each patient id written one way: this row\'s id is another line\'s id number, once with leading zeros and once without — ' +
      'a spreadsheet (Excel) dropped the leading zeros when the file was opened and saved, so one patient would count as two. ' +
      'Export the file again from its source, or format the id column as text in the spreadsheet and write every id as the source does; ' +
      'hta does not guess which spelling is right, so --exclude-invalid does not leave these rows out',
    detail: `the same id number as line ${earlierLine}`,
  };
}

/**
 * The `expected` of a row whose id is that of `earlierLine` with or without Excel's text marks
 * (`'002`, `="002"`), quoting neither: which is right is the same patient, but a file that writes
 * one id both ways was edited in part, and hta does not guess which rows were.
 */
export function excelTextExpected(earlierLine: number): ExpectedWithDetail {
  return {
    expected:
      'each patient id written one way: this row\'s id is another line\'s, once as Excel text (with a leading apostrophe \' or as the formula ="…") and once without — ' +
      'the sheet kept some ids as text and not others, so one patient would count as two. ' +
      'Write every id the same way: format the id column as text in the spreadsheet, or remove the apostrophes or ="…", and export again ' +
      '(ids written as Excel text throughout are read as the text); ' +
      'hta does not guess which spelling is right, so --exclude-invalid does not leave these rows out',
    detail: `the same id as line ${earlierLine}`,
  };
}

/**
 * The problem text of a row that repeats a patient: in a long export one row per patient and
 * visit (`visit`: the plan's), in a wide one one line per patient. `earlier`: the line read
 * before it, which identifies the patient instead of its id; it is the row's own detail, so a
 * group of repeats names each one's earlier line.
 */
export function duplicateExpected(wide: boolean, visit: string, earlier: number): ExpectedWithDetail {
  return wide
    ? { expected: 'one line per patient — delete the repeated line, or correct its id', detail: `this patient is also on line ${earlier}` }
    : { expected: 'one row per patient and time point', detail: `this patient's "${visit}" row is on line ${earlier}` };
}

/** With --exclude-invalid, a repeat's detail says which line stands for the patient: the earlier one, unless it was left out too. */
export function keptInstead(detail: string, earlier: number, earlierKept: boolean): string {
  return `${detail}; line ${earlier} ${earlierKept ? 'is read and this one left out' : 'is left out too, for its own problems'}`;
}

/** How many of the distinct ids are shaped like a CPR number (DDMMYY-NNNN, or ten digits with a real day and month). */
export function cprShapedIds(ids: readonly string[]): number {
  let n = 0;
  for (const id of ids) if (looksLikeCpr(id)) n++;
  return n;
}

/**
 * The note for an id column shaped like CPR numbers: a note, not an error, since no message,
 * report or result of hta's holds an id (docs/input-trial-export.md#cpr-shaped-ids says why).
 */
export function cprIdNote(column: string, shaped: number, total: number): string {
  const share = shaped === total ? `all ${total} ids` : `${shaped} of ${total} ids`;
  return (
    `the patient ids in column "${column}" look like CPR numbers (${share} have the shape DDMMYY-NNNN, or ten digits with a real day and month). ` +
    'hta uses them only to link a patient\'s rows and never puts them in a message, report or result, but a trial export should hold pseudonymous study ids: ' +
    'replace them with study numbers (keep the key apart from the export) before the file is shared or stored beside the reports'
  );
}
