/**
 * Cells shaped like a Danish CPR number (personnummer: DDMMYY-NNNN, or the ten digits without
 * the hyphen, with a date that exists). hta never publishes one and never quotes one in a
 * message: a registry cell of that shape in a column hta reads stops the run, naming its file,
 * line and column only (docs/input-registry.md "CPR numbers"). No modulus-11 check: numbers
 * issued since 2007 need not pass it.
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

/** The problem's `expected` for such a cell (which is never quoted). */
export const CPR_EXPECTED = 'no CPR number: the cell looks like a CPR number (DDMMYY-NNNN), and hta never publishes one nor quotes it — check that the column is the one meant (columns.registry in the uptake plan), and export the registry without CPR numbers';

/** The Problem kind of such a cell in `column` (one group per column, each naming its lines). */
export const cprKind = (column: string): string => `cpr.${column}`;

/** Whether a Problem is such a cell. */
export const isCprProblem = (p: { kind?: string }): boolean => p.kind?.startsWith('cpr.') === true;
