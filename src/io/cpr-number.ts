/**
 * The shape of a Danish CPR number (personnummer: DDMMYY-NNNN, or the ten digits without the
 * hyphen, with a day and month that exist), for every message and output hta writes: such a
 * number is never quoted (docs/output-safety.md "Patient ids"). No modulus-11 check: numbers
 * issued since 2007 need not pass it. What a registry does with such a cell:
 * src/uptake/cpr-shape.ts.
 */

const CPR = /^(\d{2})(\d{2})(\d{2})[- ]?(\d{4})$/;
const CPR_INSIDE = /(?<!\d)(\d{2})(\d{2})(\d{2})([- ]?)(\d{4})(?!\d)/g;

/** Whether day and month make a date in some year (29 February in a leap year). */
function plausibleDayMonth(dd: string, mm: string): boolean {
  const d = Number(dd), m = Number(mm);
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

/** True when the cell (trimmed) is shaped like a CPR number. */
export function looksLikeCpr(text: string): boolean {
  const m = CPR.exec(text.trim());
  return m !== null && plausibleDayMonth(m[1]!, m[2]!);
}

/** `text` with every CPR-shaped number in it written `DDMMYY-XXXX`, for messages that quote a cell. */
export function maskCpr(text: string): string {
  return text.replace(CPR_INSIDE, (all: string, dd: string, mm: string) => (plausibleDayMonth(dd, mm) ? 'DDMMYY-XXXX' : all));
}

/** The columns that name a place or a category, where a repeated ten-digit number is a code. */
