/**
 * The propensity-score percentiles printed per group (5, 25, 50, 75, 95 %): the overlap without
 * individual values (docs/observational.md "Small counts"). A plain quantile is one patient's
 * score whenever its position falls on an order statistic — the median of an odd-sized group, or
 * any type-7 quantile with (n − 1)·q whole — so each percentile here is the mean of the
 * `k` (the suppression threshold, at least 3) sorted scores nearest the type-7 position. It is
 * never taken from one patient (it can equal one score only by chance, as any mean can), and no
 * patient's score follows from one printed number; two
 * percentiles whose windows overlap give at most the difference of two patients' scores, not a
 * score. With a large group the windows are narrow, and the values differ from R's quantile() in
 * the third decimal at most where scores are dense; with k patients in a group all five are
 * that group's mean score.
 */

/** The mean of the `k` sorted `values` nearest the type-7 position of `q` (needs values.length ≥ k ≥ 1). */
export function windowQuantile(values: readonly number[], q: number, k: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const size = Math.min(k, n);
  const h = (n - 1) * q;
  const start = Math.min(Math.max(Math.round(h - (size - 1) / 2), 0), n - size);
  let sum = 0;
  for (let i = start; i < start + size; i++) sum += sorted[i]!;
  return sum / size;
}
