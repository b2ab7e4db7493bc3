/**
 * Rounding that keeps printed totals honest: parts rounded to a unit (say 1,000 kroner) so that
 * they add up to their rounded total, by the largest-remainder (Hamilton) method:
 *
 *   T = round(Σ parts / unit);  each part gets floor(part / unit);  the T − Σ floors units left
 *   go to the parts with the largest remainders (ties: the earlier part).
 *
 * Each printed part is then within one unit of its exact value, and the printed parts sum exactly
 * to the printed total — never "one krone off" (docs/plan-uptake.md#how-the-report-rounds-money).
 */

/** Parts (≥ 0) and their total in whole `unit`s, the parts adding up to the total. */
export function roundToTotal(parts: readonly number[], unit: number): { parts: number[]; total: number } {
  const scaled = parts.map((p) => p / unit);
  const total = Math.round(scaled.reduce((a, b) => a + b, 0));
  const floors = scaled.map((s) => Math.floor(s));
  let left = total - floors.reduce((a, b) => a + b, 0);
  const order = scaled.map((s, i) => ({ i, r: s - Math.floor(s) })).sort((a, b) => b.r - a.r || a.i - b.i);
  const rounded = [...floors];
  for (const { i } of order) {
    if (left <= 0) break;
    rounded[i] = (rounded[i] as number) + 1;
    left--;
  }
  return { parts: rounded, total };
}
