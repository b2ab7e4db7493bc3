/**
 * A number with a fixed count of decimals and a comma every three integer digits, exactly as
 * `x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })`
 * writes it, without Intl: the first Intl number format of a thread sets up ICU's locale data
 * (~20 ms CPU), and the cost-effectiveness worker formats nothing else with it
 * (docs/architecture.md#the-cost-of-a-cold-regeneration).
 *
 * Intl rounds the shortest decimal that reads back as x (so 1.005 → "1.01", where
 * `toFixed(2)` gives "1.00"), half away from zero, and keeps the minus sign of a negative number
 * that rounds to zero ("-0.00"); this does the same on the digits of `toExponential()`, which are
 * that shortest decimal. Non-finite numbers are left to Intl.
 */
export function enUsFixed(x: number, digits: number): string {
  if (!Number.isFinite(x)) return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const [mantissa, exponent] = Math.abs(x).toExponential().split('e') as [string, string];
  const shortest = mantissa.replace('.', '');
  // x = 0.shortest × 10^point: `point` digits before the decimal point (≤ 0: zeros after it).
  const point = Number(exponent) + 1;
  // The digits up to the last decimal kept, zero-padded on both sides, and the first one dropped.
  const lead = point < 0 ? -point : 0;
  const padded = '0'.repeat(lead + 1) + shortest + '0'.repeat(Math.max(0, point + digits - shortest.length));
  const keep = 1 + lead + point + digits;
  const kept = Array.from(padded.slice(0, keep), Number);
  if (Number(padded[keep] ?? '0') >= 5) {
    let i = kept.length - 1;
    while (kept[i] === 9) kept[i--] = 0;
    kept[i]! += 1;
  }
  const text = kept.join('');
  const intDigits = text.slice(0, text.length - digits).replace(/^0+(?=\d)/, '');
  const grouped = intDigits.replace(/\B(?=(\d{3})+$)/g, ',');
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  return digits > 0 ? `${sign}${grouped}.${text.slice(text.length - digits)}` : `${sign}${grouped}`;
}

/**
 * `x.toLocaleString('en-US')` (a comma every three integer digits, at most three decimals) without
 * Intl for a whole number, the counts and thresholds the pages write; any other number is left to
 * Intl. The main thread formats nothing else with Intl, so a report run sets up no ICU number format.
 */
export function enUsGrouped(x: number): string {
  return Number.isInteger(x) ? enUsFixed(x, 0) : x.toLocaleString('en-US');
}
