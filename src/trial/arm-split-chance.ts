/**
 * How unlikely a column's arm split per value is if each patient had been randomised on their own
 * (the near signature of cluster randomisation: cluster-signature.ts, docs/plan-trial.md#cluster-randomised-trials).
 *
 * Per value of n patients of whom m are in the smaller arm, its chance is q = P(min(X, n − X) ≤ m),
 * X ~ Binomial(n, p), p the share of the column's patients in the intervention arm: the chance of a
 * split at least as lopsided as the one seen. The values' chances are combined by Fisher's method,
 * −2 Σ ln q against χ² on 2k degrees of freedom. A discrete q is never smaller than a uniform one
 * (P(q ≤ t) ≤ t), so the combined chance over-states itself: read as a p-value it is conservative,
 * and a threshold α fires on an individually randomised column at most a share α of the time.
 * Pure functions; everything in natural logarithms, since a column of 20 practices gives chances near 1e-40.
 */

/** ln(a + b) from ln a and ln b. */
function logAdd(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const hi = Math.max(a, b);
  return hi + Math.log1p(Math.exp(Math.min(a, b) - hi));
}

/** ln P(min(X, n − X) ≤ m), X ~ Binomial(n, p), 0 < p < 1. */
export function logLopsidedChance(n: number, m: number, p: number): number {
  if (2 * m >= n - 1) return 0; // every split is at least this lopsided
  const lp = Math.log(p);
  const lq = Math.log1p(-p);
  // ln C(n, x) built up term by term: exact enough for the sizes of a practice or a ward (n in the thousands at most).
  let logChoose = 0;
  let total = -Infinity;
  for (let x = 0; x <= m; x++) {
    if (x > 0) logChoose += Math.log((n - x + 1) / x);
    total = logAdd(total, logChoose + x * lp + (n - x) * lq); // x in the intervention arm
    total = logAdd(total, logChoose + (n - x) * lp + x * lq); // x in control
  }
  return Math.min(0, total);
}

/** ln of Fisher's combined chance: ln P(χ²(2k) ≥ −2 Σ ln qᵢ), k the number of chances. */
export function logFisherCombined(logChances: readonly number[]): number {
  const k = logChances.length;
  if (k === 0) return 0;
  // P(χ²(2k) ≥ 2s) = e^(−s) Σ_{i<k} s^i / i!, with s = −Σ ln qᵢ.
  const s = -logChances.reduce((a, b) => a + b, 0);
  if (s <= 0) return 0;
  let term = 0; // ln(s^i / i!)
  let sum = 0; // ln Σ, starting with i = 0
  for (let i = 1; i < k; i++) {
    term += Math.log(s / i);
    sum = logAdd(sum, term);
  }
  return Math.min(0, -s + sum);
}
