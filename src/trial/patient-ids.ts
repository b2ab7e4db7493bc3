/**
 * Checks on the patient ids of a trial export that look at the ids as a whole (not one row):
 * ids written with and without leading zeros (a spreadsheet dropped them), and ids shaped like
 * CPR numbers. Neither ever quotes an id: lines and counts only (docs/input-trial-export.md,
 * "Patient ids").
 */
import { looksLikeCpr } from '../io/cpr-number.js';

const DIGITS = /^\d+$/;

/** The Problem kind of a row whose id another row writes with or without leading zeros. */
export const ID_SPELLING_KIND = 'id.leading-zeros';

/** An all-digit id's value without leading zeros (`0001` → `1`); undefined for any other id. */
export function digitIdValue(id: string): string | undefined {
  return DIGITS.test(id) ? id.replace(/^0+(?=\d)/, '') : undefined;
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

/**
 * The `expected` of a row (on `line`) whose id is that of `earlierLine` written with or without
 * leading zeros, quoting neither. Both lines are named, so the text stays true as the example of
 * a group of such rows.
 */
export function leadingZerosExpected(line: number, earlierLine: number): string {
  return (
    `each patient id written one way: lines ${earlierLine} and ${line} hold the same id number, once with leading zeros and once without — ` +
    'a spreadsheet (Excel) dropped the leading zeros when the file was opened and saved, so one patient would count as two. ' +
    'Export the file again from its source, or format the id column as text in the spreadsheet and write every id as the source does; ' +
    'hta does not guess which spelling is right, so --exclude-invalid does not leave these rows out'
  );
}

/**
 * The `expected` of a row that repeats a patient: in a long export one row per patient and
 * visit (`visit`: the plan's), in a wide one one line per patient. `earlier`: the line read
 * before it, which identifies the patient instead of its id.
 */
export function duplicateExpected(wide: boolean, visit: string, earlier: number): string {
  return wide
    ? `one line per patient (this patient is also on line ${earlier}) — delete the repeated line, or correct its id`
    : `one row per patient and time point (this patient's "${visit}" row is on line ${earlier})`;
}

/** With --exclude-invalid, a repeat's `expected` says which line stands for the patient: the earlier one, unless it was left out too. */
export function keptInstead(expected: string, earlier: number, earlierKept: boolean): string {
  return `${expected}; line ${earlier} ${earlierKept ? 'is read and this one left out' : 'is left out too, for its own problems'}`;
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
