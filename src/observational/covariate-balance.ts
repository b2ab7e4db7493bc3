/**
 * Covariate balance before and after weighting, as cobalt `bal.tab` defines it (Greifer,
 * cobalt package documentation, "balance statistics"):
 *
 *   SMD = (x̄₁ʷ − x̄₀ʷ) / s,  with x̄ᵍʷ = Σwᵢxᵢ/Σwᵢ in group g (w = 1 before weighting);
 *   s: the *unweighted* SD, the same before and after — √((s₁² + s₀²)/2) for ATE and ATO
 *   (`s.d.denom = "pooled"`), s₁ for ATT (`"treated"`); s² = Σ(x − x̄)²/(n − 1) for a numeric
 *   term, p(1 − p) for an indicator (categorical level), whose SMD is standardised too
 *   (`binary = "std"`).
 *   Variance ratio (numeric terms only) = s₁ʷ²/s₀ʷ², weighted variance
 *   sʷ² = Σw/((Σw)² − Σw²) · Σw(x − x̄ʷ)² (equals s² when w = 1).
 *
 * Austin PC, Stuart EA (2015), Stat Med 34:3661–3679 (|SMD| > 0.1 as imbalance; variance ratios).
 */
import type { Estimand } from './balancing-weights.js';

export interface BalanceTerm {
  term: string;
  /** A categorical level (0/1 indicator) rather than a numeric confounder. */
  binary: boolean;
  /** The categorical confounder a level belongs to (levels only). */
  confounder?: string;
  values: number[];
}

export interface BalanceRow {
  term: string;
  type: 'numeric' | 'level';
  smdBefore: number | null;
  smdAfter: number | null;
  varianceRatioBefore: number | null;
  varianceRatioAfter: number | null;
}

function weightedMoments(x: readonly number[], w: readonly number[]): { mean: number; variance: number } {
  let sw = 0;
  let sw2 = 0;
  let sx = 0;
  for (let i = 0; i < x.length; i++) {
    sw += w[i]!;
    sw2 += w[i]! * w[i]!;
    sx += w[i]! * x[i]!;
  }
  const mean = sx / sw;
  let ss = 0;
  for (let i = 0; i < x.length; i++) ss += w[i]! * (x[i]! - mean) ** 2;
  return { mean, variance: (sw / (sw * sw - sw2)) * ss };
}

export function covariateBalance(terms: readonly BalanceTerm[], exposed: readonly number[], weights: readonly number[], estimand: Estimand): BalanceRow[] {
  const g1 = exposed.flatMap((a, i) => (a === 1 ? [i] : []));
  const g0 = exposed.flatMap((a, i) => (a === 0 ? [i] : []));
  const ones = exposed.map(() => 1);
  const pick = (v: readonly number[], idx: number[]) => idx.map((i) => v[i]!);
  return terms.map((t) => {
    const before1 = weightedMoments(pick(t.values, g1), pick(ones, g1));
    const before0 = weightedMoments(pick(t.values, g0), pick(ones, g0));
    const after1 = weightedMoments(pick(t.values, g1), pick(weights, g1));
    const after0 = weightedMoments(pick(t.values, g0), pick(weights, g0));
    const v1 = t.binary ? before1.mean * (1 - before1.mean) : before1.variance;
    const v0 = t.binary ? before0.mean * (1 - before0.mean) : before0.variance;
    const sd = Math.sqrt(estimand === 'ATT' ? v1 : (v1 + v0) / 2);
    const smd = (d: number) => (sd > 0 && Number.isFinite(sd) ? d / sd : null);
    const ratio = (a: number, b: number) => (t.binary || !(b > 0) || !Number.isFinite(a / b) ? null : a / b);
    return {
      term: t.term,
      type: t.binary ? 'level' : 'numeric',
      smdBefore: smd(before1.mean - before0.mean),
      smdAfter: smd(after1.mean - after0.mean),
      varianceRatioBefore: ratio(before1.variance, before0.variance),
      varianceRatioAfter: ratio(after1.variance, after0.variance),
    };
  });
}
