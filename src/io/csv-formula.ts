/**
 * CSV cells that a spreadsheet would run as a formula (docs/output-safety.md). Excel, LibreOffice
 * and Google Sheets evaluate a cell that starts with `=`, `+`, `-` or `@` (and, after trimming,
 * one that starts with a tab or carriage return), so a value such as `=HYPERLINK("http://x","y")`
 * or `=cmd|' /C calc'!A0` copied from an export into a file we write could open links or run
 * commands on the reader's machine (CSV injection, OWASP). Such cells get a leading `'`, which
 * spreadsheets treat as "this is text".
 *
 * A cell that is a plain decimal number (`-0.81`, `+2`, `-1,5` with a decimal comma, `1e-5`) is
 * left alone: a spreadsheet reads it as a number, never as a formula, and numbers must stay
 * numbers for whoever reads the file next (hta itself included).
 *
 * This is the one escaping function for every CSV hta writes.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:[eE][+-]?\d+)?$/;

export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}
