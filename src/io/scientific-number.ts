/**
 * Numbers in Excel's "Scientific" format as a spreadsheet saves them: `2.10E+01`, and `2,10E+01`
 * from a decimal-comma Excel. Its one digit before the mark means the mark can only be the decimal
 * one (a thousands separator follows one to three digits but never stands in a mantissa), so
 * either mark reads the same way. Every reader of numbers reads them the same way
 * (docs/input-trial-export.md#scientific-notation): trial cells through parseNumber; the unit-cost
 * list, the eligible file's counts and the registry's age through this module.
 *
 * Such a cell holds only the digits Excel displayed (`4.91E+05` for 491 277). A count or an age,
 * which is whole, is read only when its written digits give every digit of the number
 * (`3,7272E+04` is 37272, `7.70E+01` is 77); `3,73E+04` is 37300 or anything from 37250 to
 * 37349, and is refused (`scientificHint` says why) rather than read as a rounded count. A price
 * is money and has cents: the unit-cost list reads one only when its digits reach the cents
 * (`9.00E+00`); `1.23E+03` (1,234.50 shown with Excel's default 3 digits) is refused.
 */

const SCIENTIFIC = /^([+-]?)(\d)(?:[.,](\d+))?[eE]([+-]?\d{1,3})$/;

export interface ScientificNumber {
  value: number;
  /** Whether the written digits reach the units: the number is exactly what was written down to its whole part. */
  wholeDigitsWritten: boolean;
  /** How many decimal places the written digits reach (`1.23E+03`: -1, `7.70E+01`: 1, `9.00E+00`: 2). */
  decimalsWritten: number;
}

/** The number `text` writes in scientific notation (trimmed by the caller), or undefined when it writes none. */
export function scientificNumber(text: string): ScientificNumber | undefined {
  const m = SCIENTIFIC.exec(text);
  if (!m) return undefined;
  const [, sign, lead, decimals = '', exp] = m;
  const value = Number(`${sign}${lead}.${decimals || '0'}e${exp}`);
  if (!Number.isFinite(value)) return undefined;
  return { value, wholeDigitsWritten: decimals.length >= Number(exp), decimalsWritten: decimals.length - Number(exp) };
}

/** Whether `text` looks like scientific notation at all (for a message about a cell no reader took). */
export function looksScientific(text: string): boolean {
  return SCIENTIFIC.test(text.trim());
}

/**
 * The words for a whole count or age in scientific notation that `scientificNumber` does not
 * read (its digits stop before the units), or for such a cell no reader takes: what it is and
 * what to do. The cell itself is not in the words (the message lists it), so that many such
 * cells group into one line.
 */
export function scientificHint(text: string): string {
  const n = scientificNumber(text.trim());
  const shown = n && !n.wholeDigitsWritten ? ': it shows only the digits Excel displayed, not the exact number' : '';
  return `scientific notation${shown} — format the column as Number (0 decimals for a count) in the spreadsheet and export again`;
}

/** The words for a price in scientific notation whose digits stop before the cents (`1.23E+03`). */
export const SCIENTIFIC_PRICE_HINT = 'scientific notation: it shows only the digits Excel displayed, not the price to the cent — format the column as Number with 2 decimals in the spreadsheet and export again';
