/**
 * Whole counts as spreadsheets and regional systems write them (docs/input-registry.md
 * "Counts"): `37000`, `37.000` where the decimal mark is the comma (semicolon files, Danish and
 * Norwegian Excel), `37,000` where it is the point (comma files, the field then quoted), and
 * `37 000` with a space or no-break space anywhere; any of them with a zero decimal part in the
 * file's decimal mark (`37.272,00`, `"37,272.00"`: Excel's Number format with its default two
 * decimals), and in Excel's scientific notation when it writes every digit (`3,7272E+04`).
 * Groups must be exactly three digits, so `37.5`, `3.70.00` or `37,5` are not counts: a
 * fractional count means a wrong column or a wrong file, and guessing would change the budget
 * silently (`countHint` says why such a cell is refused).
 */
import type { Delimiter } from '../io/dialect.js';
import { looksScientific, scientificHint, scientificNumber } from '../io/scientific-number.js';

const PLAIN = /^\d+$/;
const SPACED = /^\d{1,3}(?:[ \u00a0\u202f]\d{3})+$/;
const DOTTED = /^\d{1,3}(?:\.\d{3})+$/;
const COMMAED = /^\d{1,3}(?:,\d{3})+$/;

/**
 * `thousands`: the file's thousands mark ('.' when its decimal mark is the comma, ',' when it is
 * the point). Returns undefined unless the text is a whole count written that way.
 */
export function parseCount(text: string, thousands: '.' | ','): number | undefined {
  let t = text.trim();
  // Excel's "Scientific" format (`3,7272E+04`): a count only when its digits reach the units
  // (io/scientific-number.ts); `3,73E+04` is a rounded count and is refused.
  const sci = scientificNumber(t);
  if (sci) return sci.wholeDigitsWritten && Number.isSafeInteger(sci.value) && sci.value >= 0 ? sci.value : undefined;
  // A zero decimal part with the file's decimal mark (`37.272,00`, `"37,272.00"`, `37272,00`):
  // Excel's Number format shows two decimals by default. One or two zeros only: `37.000` in a
  // comma file could be 37,000 with a thousands point.
  const zeros = new RegExp(`${thousands === '.' ? ',' : '\\.'}0{1,2}$`).exec(t);
  if (zeros) t = t.slice(0, zeros.index);
  let digits: string;
  if (PLAIN.test(t)) digits = t;
  else if (SPACED.test(t)) digits = t.replace(/[ \u00a0\u202f]/g, '');
  else if (thousands === '.' && DOTTED.test(t)) digits = t.replaceAll('.', '');
  else if (thousands === ',' && COMMAED.test(t)) digits = t.replaceAll(',', '');
  else return undefined;
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : undefined;
}

/**
 * The thousands mark of a file with this separator: the comma-decimal locales write `;`. A comma
 * file's is the comma, unless its counts showed a decimal-comma locale's (eligible-count-mark.ts:
 * Google Sheets or LibreOffice in a Danish locale, `37.272`, `"37.272,00"`).
 */
export function thousandsMarkFor(delimiter: Delimiter, decimalComma: boolean): '.' | ',' {
  if (delimiter === ';') return '.';
  return decimalComma ? '.' : ',';
}

/**
 * Why `text` is no count, for the refusal's words: a non-zero decimal part, or scientific notation
 * that does not write every digit; '' for any other cell.
 */
export function countHint(text: string, thousands: '.' | ','): string {
  const t = text.trim();
  if (looksScientific(t)) return `; ${scientificHint(t)}`;
  const decimal = thousands === '.' ? ',' : '.';
  // `"37.272"` in a comma-separated file (LibreOffice or Google Sheets in a Danish locale): groups
  // of three after the other mark are that locale's thousands, not decimals; "a count has no
  // decimals" would send the user to a column that already has none.
  // With its zero decimals in that locale's mark too (`"37.272,00"`, `"37272,00"`): said the same way,
  // since "a count has no decimals" would be answered by 0 decimals, and `37.272` again.
  const otherZeros = new RegExp(`\\${thousands}0{1,2}$`).exec(t);
  const grouped = otherZeros ? t.slice(0, otherZeros.index) : t;
  if ((decimal === '.' ? DOTTED : COMMAED).test(grouped) || (otherZeros && PLAIN.test(grouped))) {
    const zerosOnly = otherZeros !== null && PLAIN.test(grouped);
    const [wrote, locale] = decimal === '.' ? [zerosOnly ? 'writes its zero decimals with a comma (37272,00)' : 'groups its thousands with a point (37.272)', 'decimal-comma'] : [zerosOnly ? 'writes its zero decimals with a point (37272.00)' : 'groups its thousands with a comma (37,272)', 'decimal-point'];
    return `; the cell ${wrote}, as a ${locale} locale writes them, but this file's thousands separator is the ${thousands === ',' ? 'comma' : 'point'}: format the column as Number with 0 decimals and without the 1000 separator in the spreadsheet (37272) and export again`;
  }
  const withoutGroups = t.split(thousands).join('');
  if (new RegExp(`^\\d+\\${decimal}\\d+$`).test(withoutGroups)) return '; a count has no decimals: format the column as Number with 0 decimals in the spreadsheet and export again';
  return '';
}
