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
  /** How many significant digits are written (`4.91E+05`: 3, Excel's default; SAS's `1.00000E+01`: 6). */
  significantDigits: number;
}

/** The number `text` writes in scientific notation (trimmed by the caller), or undefined when it writes none. */
export function scientificNumber(text: string): ScientificNumber | undefined {
  const m = SCIENTIFIC.exec(text);
  if (!m) return undefined;
  const [, sign, lead, decimals = '', exp] = m;
  const value = Number(`${sign}${lead}.${decimals || '0'}e${exp}`);
  if (!Number.isFinite(value)) return undefined;
  return { value, wholeDigitsWritten: decimals.length >= Number(exp), decimalsWritten: decimals.length - Number(exp), significantDigits: 1 + decimals.length };
}

/**
 * Whether a cell read as a number (a measurement, not a count: a covariate, a score, a mean or an
 * SD) is one Excel's "Scientific" format rounded: three significant digits or fewer (Excel's
 * default `0.00E+00`: `4.91E+05` for 491 277), or digits stopping before the units. Such a cell is
 * read as the number it writes, and the readers say so (`roundedScientificNote`); SAS's
 * `1.00000E+01`, which writes every digit, is not one.
 */
export function roundedScientific(text: string, integer = false): ScientificNumber | undefined {
  const t = text.trim();
  // Only Excel's shape: an upper-case E, a signed exponent of two digits or three (`3.20E+05`,
  // `2,10E+01`). R's `1e+05` and `6.54e-06` write every significant digit of the value.
  if (!EXCEL_SCIENTIFIC.test(t)) return undefined;
  const n = scientificNumber(t);
  // On a scale of whole numbers, digits that reach the units (`7.00E+00`) give the value exactly.
  if (n && integer && n.wholeDigitsWritten && Number.isInteger(n.value)) return undefined;
  return n && (n.significantDigits <= 3 || !n.wholeDigitsWritten) ? n : undefined;
}

/** Excel's "Scientific" format as "Save as CSV" writes it: one digit, its decimals, `E`, a sign and two or three exponent digits. */
const EXCEL_SCIENTIFIC = /^[+\-\u2212]?\d(?:[.,]\d+)?E[+-]\d{2,3}$/;

/** The cells of one column that `roundedScientific` found: how many, and the first. */
export interface RoundedScientificCells {
  /** The column as the export names it (a wide export's `pain_3m`). */
  column: string;
  /** The plan's column it is read as, when another (a wide export's stem `pain`). */
  stem?: string;
  cells: number;
  example: { text: string; line: number; value: number };
}

/**
 * The reader's note on a column of such cells (stderr; the report pages say the same in their
 * language): file, column, how many, an example and what to do. Every reader words it so
 * (docs/input-trial-export.md#scientific-notation).
 */
export function roundedScientificNote(file: string, c: RoundedScientificCells, lang: 'en' | 'da' = 'en'): string {
  const { text, line, value } = c.example;
  if (lang === 'da') {
    // Danish Excel's words: the format "Videnskabelig", the dialog "Formatér celler", the category "Tal" (docs/glossary-da.md).
    return `${file}: kolonne "${c.column}": ${c.cells === 1 ? '1 celle' : `${c.cells} celler`} i Excels talformat "Videnskabelig" (fx "${text}", linje ${line}) er læst som det skrevne tal (${danishNumber(value)}), med kun de cifre, Excel viste: en værdi med flere cifre end dem er afrundet — ${SCIENTIFIC_FIX.da} (docs/input-trial-export.md#scientific-notation)`;
  }
  return `${file}: column "${c.column}": ${c.cells === 1 ? '1 cell' : `${c.cells} cells`} in Excel's "Scientific" format (e.g. "${text}", line ${line}) ${c.cells === 1 ? 'was' : 'were'} read as the number written (${value}), with only the digits Excel displayed: a value with more digits than that was rounded — ${SCIENTIFIC_FIX.en} (docs/input-trial-export.md#scientific-notation)`;
}

/**
 * A number as a Danish message writes it: the decimal comma and the thousands point (491.000;
 * 0,00123), as the page's numbers are (docs/glossary-da.md); a number JavaScript writes with an
 * exponent keeps it, with the comma.
 */
export function danishNumber(value: number): string {
  const text = String(value);
  if (/e/i.test(text)) return text.replace('.', ',');
  const [whole, decimals] = text.split('.');
  const sign = whole!.startsWith('-') ? '-' : '';
  const grouped = whole!.slice(sign.length).replace(/\B(?=(\d{3})+$)/g, '.');
  return `${sign}${grouped}${decimals !== undefined ? `,${decimals}` : ''}`;
}

/**
 * What to do about such a column: Excel's "Number" format with fixed decimals writes every digit
 * the cells hold ("General" may fall back to Scientific for a wide column), in each language.
 */
export const SCIENTIFIC_FIX = {
  en: 'in Excel, format the column as Number with fixed decimals (Format Cells → Number, "Decimal places": as many as the values have) and export again for the exact values',
  da: 'formatér kolonnen som Tal med et fast antal decimaler i Excel (Formatér celler → Tal, "Decimaler": så mange, som værdierne har), og eksportér igen for at få de nøjagtige værdier',
} as const;

/** Tallies `roundedScientific` cells per column, each cell once, in the order first seen. */
export class RoundedScientificTally {
  readonly #columns = new Map<string, { cells: Set<string>; example: RoundedScientificCells['example']; stem?: string }>();

  /** Counts the cell when it is such a one (`key`: the cell's place, so that a cell read twice counts once). */
  add(column: string, key: string, line: number, text: string, integer = false, stem?: string): boolean {
    if (!/[eE]/.test(text)) return false;
    const n = roundedScientific(text, integer);
    if (!n) return false;
    let c = this.#columns.get(column);
    if (!c) this.#columns.set(column, (c = { cells: new Set(), example: { text: text.trim(), line, value: n.value }, ...(stem !== undefined && stem !== column ? { stem } : {}) }));
    c.cells.add(key);
    return true;
  }

  list(): RoundedScientificCells[] {
    return [...this.#columns].map(([column, c]) => ({ column, ...(c.stem !== undefined ? { stem: c.stem } : {}), cells: c.cells.size, example: c.example }));
  }
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
