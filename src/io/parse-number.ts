/**
 * Strict number parsing for clinical exports: the whole cell must be a number ("12", "-0.5",
 * "1e-3"; "12,5" when the file uses a decimal comma). "12 kg", "1.2.3" or "≥5" are not numbers —
 * Number("") === 0 and parseFloat("12 kg") === 12 are exactly the silent errors to avoid.
 */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function parseNumber(text: string, decimalComma: boolean): number | undefined {
  const t = decimalComma ? text.replace(',', '.') : text;
  if (!NUMBER.test(t)) return undefined;
  const v = Number(t);
  return Number.isFinite(v) ? v : undefined;
}
