/**
 * Numbers for files people open: binary floating-point noise removed (0.9239999999999999 →
 * 0.924) by rounding to 12 significant digits, which is far beyond any instrument's precision.
 */
export function formatNumberForExport(v: number, decimalComma = false): string {
  const s = String(Number(v.toPrecision(12)));
  return decimalComma ? s.replace('.', ',') : s;
}
