/**
 * A cell that Excel turned into a date as it was typed: `3-6`, `3/6` or `3.6` (a score, a
 * decimal written with a point where the comma is the decimal mark) becomes 3 June, which a
 * Danish Excel export writes `03-jun` (`12-jan`, `1-maj`; an English one `3-Jun`, `Jun-03`).
 * Such a cell is no answer and no code: the number typed is lost, and reading `03-jun` as its
 * leading 3 would give a score nobody wrote (docs/input-trial-export.md#excel-dates).
 *
 * Only a day and a month's abbreviation or full name, nothing else: `3 - Marginal` or
 * `1 - Maj ikke` (a labelled answer) are not dates.
 */

/** The months as Danish and English Excel abbreviate and name them (lower case). */
const MONTH_WORDS = 'jan|januar|january|feb|februar|february|mar|marts|march|apr|april|maj|may|jun|juni|june|jul|juli|july|aug|august|sep|sept|september|okt|oct|oktober|october|nov|november|dec|december';
/** `03-jun`, `3-jun.`, `3. jun`, `3 jun` (day first, as Danish Excel writes it). */
const DAY_MONTH = new RegExp(`^\\s*(?:[1-9]|0[1-9]|[12]\\d|3[01])(?:-|\\.\\s?|\\s)(?:${MONTH_WORDS})\\.?\\s*$`, 'i');
/** `jun-03`, `Jun-3` (month first, as an English Excel writes some formats). */
const MONTH_DAY = new RegExp(`^\\s*(?:${MONTH_WORDS})-(?:[1-9]|0[1-9]|[12]\\d|3[01])\\s*$`, 'i');

/** Whether `cell` is a day and month as Excel writes the date it made of a typed number (`03-jun`). */
export function isExcelDateText(cell: string): boolean {
  return cell.length <= 16 && (DAY_MONTH.test(cell) || MONTH_DAY.test(cell));
}

/** What to say of such a cell, in a problem's hint or a draft's note. */
export const EXCEL_DATE_HINT = "the cell is a date Excel made of what was typed (such as 3-6 or 3/6, read as 3 June): the number meant is lost — correct the cell to that number (format the column as Number or Text in the spreadsheet before typing) and export again";
