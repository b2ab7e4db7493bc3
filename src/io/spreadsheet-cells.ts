/**
 * Cells a spreadsheet writes that are not plain values: error values and per-cent numbers.
 *
 * Excel's error values. A spreadsheet writes them into a CSV where a formula failed (`#DIV/0!`,
 * `#VALUE!`, …) or where a lookup found nothing (`#N/A`); SPSS writes `#NULL!` for a system-missing
 * value. They are never data: hta reads them as missing only where the plan says so
 * ("missingCodes"), and otherwise names them for what they are (docs/input-trial-export.md).
 */

/** Every error value Excel (365) writes, upper case as written. */
const EXCEL_ERRORS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#SPILL!', '#CALC!', '#GETTING_DATA', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!']);

/** Error values that mean "no value here" by convention (lookup found nothing; SPSS system-missing): plan init drafts them as missing-value codes. */
const NO_VALUE = new Set(['#N/A', '#NULL!']);

export function isExcelError(text: string): boolean {
  return text.startsWith('#') && EXCEL_ERRORS.has(text.trim().toUpperCase());
}

/** An error value of a failed formula (`#DIV/0!`, `#VALUE!`, …), not one that means "no value". */
export function isFailedFormula(text: string): boolean {
  return isExcelError(text) && !NO_VALUE.has(text.trim().toUpperCase());
}

/** The hint printed beside a problem whose value is an Excel error value (the same for every value of a kind, so problems group). */
export function excelErrorHint(text: string): string {
  return isFailedFormula(text)
    ? 'an Excel error value: a formula failed in the spreadsheet — correct the cell there and export again'
    : 'an Excel error value meaning "no value": add it to the plan\'s "missingCodes" to read it as missing';
}

/** A number in Excel's percentage format as exported: `45%`, `7,5 %`. Read as no number (45 or 0.45 would be a guess). */
export function isPercentCell(text: string): boolean {
  return PERCENT_CELL.test(text);
}
const PERCENT_CELL = /^[+-]?\d+([.,]\d+)?\s?%$/;
