/**
 * Whole counts as spreadsheets and regional systems write them (docs/input-registry.md
 * "Counts"): `37000`, `37.000` where the decimal mark is the comma (semicolon files, Danish and
 * Norwegian Excel), `37,000` where it is the point (comma files, the field then quoted), and
 * `37 000` with a space or no-break space anywhere. Groups must be exactly three digits, so
 * `37.5`, `3.70.00` or `37,5` are not counts: a fractional count means a wrong column or a
 * wrong file, and guessing would change the budget silently.
 */
import type { Delimiter } from '../io/dialect.js';

const PLAIN = /^\d+$/;
const SPACED = /^\d{1,3}(?:[ \u00a0\u202f]\d{3})+$/;
const DOTTED = /^\d{1,3}(?:\.\d{3})+$/;
const COMMAED = /^\d{1,3}(?:,\d{3})+$/;

/**
 * `thousands`: the file's thousands mark ('.' when its decimal mark is the comma, ',' when it is
 * the point). Returns undefined unless the text is a whole count written that way.
 */
export function parseCount(text: string, thousands: '.' | ','): number | undefined {
  const t = text.trim();
  let digits: string;
  if (PLAIN.test(t)) digits = t;
  else if (SPACED.test(t)) digits = t.replace(/[ \u00a0\u202f]/g, '');
  else if (thousands === '.' && DOTTED.test(t)) digits = t.replaceAll('.', '');
  else if (thousands === ',' && COMMAED.test(t)) digits = t.replaceAll(',', '');
  else return undefined;
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** The thousands mark of a file with this separator: the comma-decimal locales write `;`. */
export function thousandsMarkFor(delimiter: Delimiter, decimalComma: boolean): '.' | ',' {
  if (delimiter === ';') return '.';
  if (delimiter === ',') return ',';
  return decimalComma ? '.' : ',';
}
