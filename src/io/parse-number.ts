/**
 * Strict number parsing for clinical exports: the whole cell must be a number ("12", "-0.5",
 * "1e-3"; "12,5" when the file uses a decimal comma). "12 kg", "1.2.3" or "≥5" are not numbers —
 * Number("") === 0 and parseFloat("12 kg") === 12 are exactly the silent errors to avoid. A
 * leading minus sign copied from Word or a PDF (U+2212, "−3") is a minus, as the decimal-mark
 * rule already counts it, and thousands grouped by a space ("216 426" with the no-break space
 * Danish Excel writes, U+00A0 or U+202F, or a plain one) are thousands, strictly in groups of
 * three, with the file's decimal mark after them (decimal-mark.ts; docs/input-trial-export.md).
 * Read as text instead, such a cell made a numeric covariate a category.
 */
import { NUMBER_WITH, otherMarkHint, withoutSpaceGroups } from './decimal-mark.js';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function parseNumber(text: string, decimalComma: boolean): number | undefined {
  // Fast path for the commonest cell, a short whole number: exactly what the regex and Number()
  // give for it, without them (a large export has tens of millions of such cells).
  const n = text.length;
  if (n > 0 && n <= 9) {
    let v = 0;
    let k = 0;
    for (; k < n; k++) {
      const c = text.charCodeAt(k) - 48;
      if (c < 0 || c > 9) break;
      v = v * 10 + c;
    }
    if (k === n) return v;
  }
  // With a decimal comma a dot can only group thousands ("1.234", "12.345,6"; the shapes are
  // decimal-mark.ts's): read as such when the groups are whole, else the cell is not a number
  // ("1.5" is refused).
  const spaced = text.charCodeAt(0) === 0x2212 ? `-${text.slice(1)}` : text;
  let t = withoutSpaceGroups(spaced);
  if (t === undefined) return undefined;
  if (decimalComma) {
    if (t.includes('.')) {
      // Thousands groups before an optional decimal comma, as a decimal-comma locale writes them.
      if (!NUMBER_WITH[','].test(t)) return undefined;
      t = t.replaceAll('.', '');
    }
    t = t.replace(',', '.');
  } else if (t.includes(',')) {
    // With a decimal point a comma can only group thousands ("31,000.00", "1,234": English Excel's
    // "Use 1000 separator"): read as such when the groups are whole, the mirror of the branch above.
    // Read as text, such a cell made a numeric covariate a category.
    if (!NUMBER_WITH['.'].test(t)) return undefined;
    t = t.replaceAll(',', '');
  }
  if (!NUMBER.test(t)) return undefined;
  const v = Number(t);
  return Number.isFinite(v) ? v : undefined;
}

/**
 * The number a cell would be but for its form: written with the other decimal mark (`2.5`,
 * `31,000.00` among decimal commas) or behind Excel's text apostrophe (`'45`); undefined for any
 * other cell, and for one that `parseNumber` reads. Such a cell is no number of the file (one mark
 * per file), but it is no category either: a column typed by its values (trial/column-kind.ts)
 * counts it as the number it shows, so that the reader refuses it at its cell with the reason
 * (`otherMarkHint`) instead of making every value a category of its own.
 */
export function disguisedNumber(text: string, decimalComma: boolean): number | undefined {
  if (parseNumber(text, decimalComma) !== undefined || !otherMarkHint(text, decimalComma)) return undefined;
  const t = text.trim().replace(/^'\s*/, '');
  return parseNumber(t, decimalComma) ?? parseNumber(t, !decimalComma);
}

/**
 * The number a plan's code (`"9"`, `"9,0"`, `"9,999"`) stands for, by one rule wherever a plan's
 * numeric code is compared (the codes' matching, trial/value-codes.ts; the scale checks,
 * plan/scale-missing-codes.ts). A plan is written by hand, so either mark reads; a code that
 * reads both ways (`"9,999"`: 9.999 with a decimal comma, 9999 with thousands commas) is read with
 * the file's mark, as its cells are (docs/plan-trial.md#codes-order-and-scope). With no file to
 * say the mark (`decimalComma` undefined: `hta plan check`), such a code is no number.
 */
export function planCodeNumber(code: string, decimalComma: boolean | undefined): number | undefined {
  const text = code.trim();
  if (decimalComma !== undefined) return parseNumber(text, decimalComma) ?? parseNumber(text, !decimalComma);
  const point = parseNumber(text, false);
  const comma = parseNumber(text, true);
  return point !== undefined && comma !== undefined && point !== comma ? undefined : (point ?? comma);
}
