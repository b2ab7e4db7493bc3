/**
 * Wilson score interval for a binomial proportion, without continuity correction.
 *
 *   p̂ = x/n, z = Φ⁻¹(1 − α/2)
 *   lower, upper = [ p̂ + z²/(2n) ∓ z·√( p̂(1 − p̂)/n + z²/(4n²) ) ] / (1 + z²/n)
 *   with lower = 0 when x = 0 and upper = 1 when x = n (as R sets them)
 *
 * = R `prop.test(x, n, correct = FALSE, conf.level = confLevel)$conf.int` (and
 * `binom::binom.wilson`).
 * Reference: Wilson EB (1927), Probable inference, the law of succession, and statistical
 * inference, J Am Stat Assoc 22:209–212, doi:10.1080/01621459.1927.10502953; Newcombe RG (1998),
 * Stat Med 17:857–872 (method 3), doi:10.1002/(SICI)1097-0258(19980430)17:8<857::AID-SIM777>3.0.CO;2-E.
 * Preconditions: integers 0 ≤ x ≤ n, n ≥ 1; otherwise `HtaError('analysis.failed')`.
 * Example: x = 7, n = 10 → 0.3967781 to 0.8922087.
 */
import { normalQuantile } from './distributions.js';
import { analysisFailed, requireConfLevel } from './arm-size.js';

export interface ProportionInterval {
  method: 'wilson-score';
  /** x / n. */
  proportion: number;
  lower: number;
  upper: number;
  confLevel: number;
  continuityCorrection: false;
}

/** Throws unless x and n are integer counts with 0 ≤ x ≤ n and n ≥ 1. */
export function requireCounts(x: number, n: number, what = 'events'): void {
  if (!Number.isInteger(n) || n < 1) throw analysisFailed(`the number of patients must be a whole number of at least 1, got ${n}`);
  if (!Number.isInteger(x) || x < 0 || x > n) throw analysisFailed(`${what} must be a whole number between 0 and ${n} (the number of patients), got ${x}`);
}

export function wilsonInterval(x: number, n: number, confLevel = 0.95): ProportionInterval {
  requireCounts(x, n);
  requireConfLevel(confLevel);
  const z = normalQuantile(1 - (1 - confLevel) / 2);
  const p = x / n;
  const z22n = (z * z) / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + z22n / (2 * n));
  const lower = x === 0 ? 0 : (p + z22n - half) / (1 + 2 * z22n);
  const upper = x === n ? 1 : (p + z22n + half) / (1 + 2 * z22n);
  return { method: 'wilson-score', proportion: p, lower, upper, confLevel, continuityCorrection: false };
}
