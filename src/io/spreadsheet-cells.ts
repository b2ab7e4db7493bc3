/**
 * Cells a spreadsheet writes that are not plain values: error values and per-cent numbers.
 *
 * Excel's error values. A spreadsheet writes them into a CSV where a formula failed (`#DIV/0!`,
 * `#VALUE!`, …) or where a lookup found nothing (`#N/A`); SPSS writes `#NULL!` for a system-missing
 * value. They are never data: hta reads them as missing only where the plan says so
 * ("missingCodes"), and otherwise names them for what they are (docs/input-trial-export.md).
 */

/** Every error value Excel (365) writes in English, upper case as written. */
const ENGLISH = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#SPILL!', '#CALC!', '#GETTING_DATA', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!'];

/**
 * The same error values as a Danish, Norwegian, Swedish or German Excel writes them into its CSV
 * (it saves the cell's text in the sheet's language: `#I/T` for `#N/A`, `#VÆRDI!` for `#VALUE!`).
 * Read as text they became categories (four `#I/T` in "Køn" made a third and fourth sex). The
 * spellings are Excel's own (its localised function help: Danish ER.FEJL lists "#I/T, #VÆRDI!,
 * #REFERENCE!, #DIVISION/0!, #NUM!, #NAVN? eller #NULL!", Swedish ÄRFEL "#SAKNAS, #VÄRDEFEL!,
 * #REFERENS!, #DIVISION/0!, #OGILTIGT!, #NAMN? eller #SKÄRNING!"), with those of other editions
 * and of the newer errors (Danish `#SPILD!`, German `#ÜBERLAUF!`, `#KALK!`); where editions differ
 * (`#NUL!` or `#NULL!`) both are listed: no data value is written so. docs/input-trial-export.md "Cells a spreadsheet writes that are not values".
 */
const DANISH = ['#I/T', '#VÆRDI!', '#DIVISION/0!', '#NAVN?', '#REFERENCE!', '#NUL!', '#TAL!', '#NUMMER!', '#SPILD!', '#OVERLØB!', '#FELT!', '#OPTAGET!', '#BEREGN!', '#TOM!'];
const NORWEGIAN = ['#I/T', '#VERDI!', '#NAVN?'];
const SWEDISH = ['#SAKNAS!', '#SAKNAS', '#VÄRDEFEL!', '#DIVISION/0!', '#NAMN?', '#REFERENS!', '#OGILTIGT!', '#SKÄRNING!'];
const GERMAN = ['#NV', '#WERT!', '#DIV/0!', '#NAME?', '#BEZUG!', '#ZAHL!', '#NULL!', '#LEER!', '#ÜBERLAUF!', '#KALK!', '#DATEN_ABRUFEN'];

const EXCEL_ERRORS = new Set([...ENGLISH, ...DANISH, ...NORWEGIAN, ...SWEDISH, ...GERMAN]);

/**
 * Error values that mean "no value here" by convention (a lookup found nothing: `#N/A`, Danish and
 * Norwegian `#I/T`, Swedish `#SAKNAS!`, German `#NV`; SPSS's system-missing `#NULL!`): plan init
 * drafts them as missing-value codes. A localised `#NULL!` (`#NUL!`, `#SKÄRNING!`) is Excel's
 * failed intersection only: SPSS writes `#NULL!` in every language.
 */
const NO_VALUE = new Set(['#N/A', '#NULL!', '#I/T', '#SAKNAS!', '#SAKNAS', '#NV']);

/** The cell as the lists write it: upper case, composed (`Ä` saved by macOS as `A` + two dots). */
const errorKey = (text: string): string => text.trim().toUpperCase().normalize('NFC');

export function isExcelError(text: string): boolean {
  return (text.startsWith('#') && EXCEL_ERRORS.has(errorKey(text))) || OTHER_SHEETS_ERROR.test(text) || isStillLoading(text);
}

/**
 * What Google Sheets shows, and downloads, in a cell whose formula fetches data (IMPORTRANGE,
 * GOOGLEFINANCE, IMPORTXML, …) until the data arrive: `Loading...`. Excel's like of it is
 * `#GETTING_DATA` (above). Not data, and not "no value" either: the file was downloaded too soon.
 */
const STILL_LOADING = /^Loading(?:\.\.\.|…)$/;

/** Whether `text` (trimmed) is Google Sheets' `Loading...` of a formula still fetching its data. */
export function isStillLoading(text: string): boolean {
  return STILL_LOADING.test(text);
}

/** Why such a cell is no value, in every reader (the same words, so problems group). */
const STILL_LOADING_HINT = 'a Google Sheets formula still loading (IMPORTRANGE, GOOGLEFINANCE and the like write "Loading..." until their data arrive), not data: wait until the sheet shows every value, then download it again';

/**
 * A failed formula as other spreadsheets save it: LibreOffice Calc writes `Err:502`, `Err:504`, …
 * (its error codes) and Google Sheets `#ERROR!` (a formula it cannot parse); its other errors are
 * Excel's spellings. Failed formulas, never "no value".
 */
const OTHER_SHEETS_ERROR = /^(Err:\d{3}|#ERROR!)$/i;

/** An error value of a failed formula (`#DIV/0!`, `#VALUE!`, `#VÆRDI!`, …), not one that means "no value". */
export function isFailedFormula(text: string): boolean {
  return isExcelError(text) && !NO_VALUE.has(errorKey(text));
}

/**
 * The hint printed beside a problem whose value is an Excel error value (the same for every value
 * of a kind, so problems group). `missingCodes`: whether the cell's column reads the plan's
 * "missingCodes" (a trial's outcome or covariate); elsewhere (the arm column, a registry, an
 * eligible file, a studies sheet, a price list) "no value" is mended in the spreadsheet. Every
 * reader says it so, and never offers the value as a name, an arm or a category.
 */
export function excelErrorHint(text: string, missingCodes = true): string {
  if (isStillLoading(text)) return STILL_LOADING_HINT;
  if (isFailedFormula(text)) return 'an Excel error value: a formula failed in the spreadsheet — correct the cell there and export again';
  return missingCodes
    ? 'an Excel error value meaning "no value": add it to the plan\'s "missingCodes" to read it as missing'
    : 'an Excel error value meaning "no value" (a lookup found nothing), not data: fill in the cell in the spreadsheet and export again';
}

/** The kind suffix of a problem at an Excel error value, one group for each meaning: `excel-error` (a failed formula), `excel-no-value`, or `sheet-loading` (Google Sheets' `Loading...`). */
export function excelErrorKind(text: string): 'excel-error' | 'excel-no-value' | 'sheet-loading' {
  return isStillLoading(text) ? 'sheet-loading' : isFailedFormula(text) ? 'excel-error' : 'excel-no-value';
}

/**
 * Why an Excel error value is no name where a name is needed (the registry's clinic, the eligible
 * file's region): the cell must name one, so reading it as missing is no way out either. The same
 * words for every value of a kind, so problems group.
 */
export function excelErrorAsName(text: string): string {
  if (isStillLoading(text)) return STILL_LOADING_HINT;
  return isFailedFormula(text)
    ? 'an Excel error value, not a name: a formula failed in the spreadsheet — correct the cell there and export again'
    : 'an Excel error value meaning "no value", not a name: a lookup in the spreadsheet (such as VLOOKUP) found nothing for this row — correct the cell there (the lookup table lacks its code) and export again';
}

/** A number in Excel's percentage format as exported: `45%`, `7,5 %`. Read as no number (45 or 0.45 would be a guess). */
export function isPercentCell(text: string): boolean {
  return PERCENT_CELL.test(text);
}
const PERCENT_CELL = /^[+-]?\d+([.,]\d+)?\s?%$/;

/**
 * The hint and kind of a problem at a cell holding an Excel error value in a reader whose column
 * reads no "missingCodes" (the arm, a registry, an eligible file, a studies sheet, a price list):
 * spread into the problem (`{ ...excelErrorOf(cell) }`); nothing for any other cell. Its own kind
 * groups the error values apart from the column's other problems.
 */
export function excelErrorOf(text: string | null | undefined, kind = 'cell'): { hint: string; kind: string } | Record<string, never> {
  if (text == null || !isExcelError(text.trim())) return {};
  return { hint: excelErrorHint(text.trim(), false), kind: `${kind}:${excelErrorKind(text.trim())}` };
}
