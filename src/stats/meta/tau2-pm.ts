/**
 * Paule–Mandel estimator of τ²: the root of the generalized Q-statistic
 *
 *   Q(τ²) = Σ wᵢ(τ²) (yᵢ − μ̂(τ²))² = k − 1,   wᵢ(τ²) = 1/(vᵢ + τ²),
 *
 * truncated at 0 (τ² = 0 when Q(0) < k − 1). Q(τ²) decreases in τ², so the root is unique.
 * Found as metafor 3.8 does: `uniroot()` (Brent, ported in zeroin.ts) on
 * [0, max(100, 10 · mad(y)²)] with tol = .Machine$double.eps^0.25 and maxiter = 100.
 * Deviation from metafor: when Q at that upper bound is still above k − 1, metafor stops with
 * "Value of 'tau2.max' too low"; here the bound is multiplied by 10 until it brackets the root.
 * SE as metafor: √(2k² / (k − 1)) / Σw at the estimate.
 * = `metafor::rma(yi, vi, method = "PM")$tau2`.
 *
 * References: Paule RC, Mandel J (1982). Consensus values and weighting factors. J Res Natl
 * Bur Stand 87:377–385. doi:10.6028/jres.087.022; Veroniki AA et al. (2016). Methods to
 * estimate the between-study variance and its uncertainty in meta-analysis. Res Synth Methods
 * 7:55–79. doi:10.1002/jrsm.1164
 *
 * Preconditions: validated yi, vi (vi > 0), k ≥ 2.
 */
import type { Tau2Control, Tau2Fit } from './tau2-estimator.js';
import { inverseVarianceWeights, weightedSums, withDefaults } from './tau2-estimator.js';
import { zeroin } from './zeroin.js';

/** R's `mad(x)`: 1.4826 · median(|x − median(x)|). */
export function medianAbsoluteDeviation(x: readonly number[]): number {
  const median = (xs: number[]): number => {
    const s = [...xs].sort((a, b) => a - b);
    const n = s.length;
    const h = Math.floor(n / 2);
    return n % 2 === 1 ? (s[h] as number) : ((s[h - 1] as number) + (s[h] as number)) / 2;
  };
  const m = median([...x]);
  return 1.4826 * median(x.map((v) => Math.abs(v - m)));
}

export function tau2PauleMandel(yi: readonly number[], vi: readonly number[], control?: Tau2Control): Tau2Fit {
  const con = withDefaults(control);
  const k = yi.length;
  const target = k - 1;
  const objective = (t2: number): number => weightedSums(yi, inverseVarianceWeights(vi, t2)).q - target;
  const se = (t2: number): number => {
    const sw = weightedSums(yi, inverseVarianceWeights(vi, t2)).sw;
    return Math.sqrt((2 * k * k) / (k - 1)) / sw;
  };

  const f0 = objective(0);
  if (f0 < 0) return { tau2: 0, tau2Se: se(0), converged: true, iterations: 0 };

  let upper = Math.max(100, 10 * medianAbsoluteDeviation(yi) ** 2);
  let fUpper = objective(upper);
  for (let widen = 0; fUpper > 0 && widen < 30; widen++) {
    upper *= 10;
    fUpper = objective(upper);
  }
  if (fUpper > 0) return { tau2: NaN, tau2Se: null, converged: false, iterations: 0 };

  const r = zeroin(objective, 0, upper, f0, fUpper, con.tol, con.maxIter);
  if (r.iterations < 0) return { tau2: Math.max(0, r.root), tau2Se: null, converged: false, iterations: con.maxIter };
  const tau2 = Math.max(0, r.root);
  return { tau2, tau2Se: se(tau2), converged: true, iterations: r.iterations };
}
