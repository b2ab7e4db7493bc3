/**
 * Columns of dates and date-times in an export, as `hta plan init` meets them: REDCap's survey
 * timestamp (`<instrument>_timestamp`, "Survey Timestamp" in a label export: `2022-03-02
 * 10:11:12`, or `[not completed]`), Castor's `Survey Completed On`, a visit's date. hta reads no
 * dates (docs/limits.md), so such a column is never drafted as an outcome, and its cells are never
 * drafted as missing-value codes: a REDCap timestamp named after its instrument (`rmdq_timestamp`)
 * was drafted as a second RMDQ, and each of its date-times as a plan-wide code.
 *
 * A date is never quoted either (docs/output-safety.md): beside a patient's id or arm it is
 * something that happened to that patient. What the draft says of a date column is its shape
 * (`dd-mm-yyyy hh:mm:ss`), never a cell.
 */
import { isDateCell } from '../io/date-text.js';

/** Share of a column's filled cells that must be dates (date-visits.ts reads a visit date by it too). */
export const MIN_DATES = 0.9;

/** A note REDCap writes in a survey timestamp's place (`[not completed]`): bracketed words, no answer. */
const REDCAP_NOTE = /^\[[\p{L} ]+\]$/u;

/**
 * Whether `cells` (a column's filled cells, or its distinct values) are dates: at least one, and
 * nine in ten of those that are not REDCap's bracketed note.
 */
export function holdsDates(cells: readonly string[]): boolean {
  let filled = 0;
  let dates = 0;
  // Asked of every column plan init reads: a score column is told apart at its first few cells.
  const allowed = (1 - MIN_DATES) * cells.length;
  for (const c of cells) {
    const v = c.trim();
    if (v === '' || REDCAP_NOTE.test(v)) continue;
    filled++;
    if (/\d/.test(v) && isDateCell(v)) dates++;
    else if (filled - dates > allowed) return false;
  }
  return dates > 0 && dates >= MIN_DATES * filled;
}

/** REDCap's survey timestamp by name: `<instrument>_timestamp` (raw export), `Survey Timestamp` (label export). */
export function namesRedcapTimestamp(column: string): boolean {
  const n = column.normalize('NFC').trim().toLowerCase();
  return /^[a-z0-9_]*_timestamp$/.test(n) || /^survey timestamp$/.test(n);
}

/** A date in digits, year first (`2022-03-02`) or last (`02-03-2022`, `2.3.22`), one separator; a time may follow. */
const YEAR_FIRST = /^(\d{4})([-./])(\d{1,2})\2(\d{1,2})(.*)$/;
const YEAR_LAST = /^(\d{1,2})([-./])(\d{1,2})\2(\d{4}|\d{2})(.*)$/;

/**
 * The shape the dates of `cells` are written in, for a message that must not quote one:
 * `yyyy-mm-dd`, `dd.mm.yyyy`, `mm/dd/yyyy` (only when a first number above 12 never occurs and a
 * second one does), with `hh:mm` or `hh:mm:ss` after it; undefined when the first date is written
 * otherwise (a month's name: `17JUN2020`), for the caller to say "dates" alone.
 */
export function dateShape(cells: readonly string[]): string | undefined {
  const dates = cells.map((c) => c.trim()).filter((c) => c !== '' && isDateCell(c));
  const first = dates[0];
  if (first === undefined) return undefined;
  const time = (rest: string) => {
    const t = /^([ T]|:)\d{1,2}([:.])\d{2}(?:([:.])\d{2})?/.exec(rest);
    return t ? `${t[1]}hh${t[2]}mm${t[3] ? `${t[3]}ss` : ''}` : '';
  };
  const y = YEAR_FIRST.exec(first);
  if (y) return `yyyy${y[2]}mm${y[2]}dd${time(y[5]!)}`;
  const d = YEAR_LAST.exec(first);
  if (!d) return undefined;
  const parts = dates.map((c) => YEAR_LAST.exec(c)).filter((m): m is RegExpExecArray => m !== null);
  const monthFirst = !parts.some((m) => Number(m[1]) > 12) && parts.some((m) => Number(m[3]) > 12);
  const year = d[4]!.length === 4 ? 'yyyy' : 'yy';
  return `${monthFirst ? 'mm' : 'dd'}${d[2]}${monthFirst ? 'dd' : 'mm'}${d[2]}${year}${time(d[5]!)}`;
}
