/**
 * Weighted least squares with a design-based (linearisation, "sandwich") standard error for one
 * coefficient, for trial patients reweighted to a target population: by raking to margins or by
 * the inverse odds of trial membership (docs/subgroups.md#transported-effect).
 *
 *   β̂ = (XᵀWX)⁻¹XᵀWy, eᵢ = yᵢ − xᵢβ̂
 *   zᵢ = wᵢ·eᵢ·xᵢ(XᵀWX)⁻¹  (influence of unit i)
 *   raked weights only — the calibration adjustment (10 passes, as survey's svyrecvar): for each
 *   margin m, zᵢ ← zᵢ − wᵢ · mean_{j in i's level of m}(zⱼ / wⱼ)
 *   V = n/(n − 1) · Σ (zᵢ − z̄)(zᵢ − z̄)ᵀ,  SE = √V_kk,  df = n − p,
 *   CI = β̂ₖ ± t₍₁₋α/₂, df₎·SE
 *
 * = R `svyglm(y ~ …, design)` (gaussian) with `coef`, `SE`, `confint` and `summary` p, where the
 * design is `rake(svydesign(ids = ~1, weights = ~1, …), …)` (raking) or
 * `svydesign(ids = ~1, weights = ~w, …)` (fixed weights, no margins) (test/reference/subgroups.R).
 * The estimate, SE and df do not depend on the weights' scale.
 * Reference: Lumley T (2010), Complex Surveys: A Guide to Analysis Using R, Wiley, ch. 5
 * (regression) and 7 (raking).
 * Preconditions: X has full column rank; weights > 0.
 */
import { tInterval } from './distributions.js';
import { ols } from './ols.js';

export interface DesignBasedWlsInput {
  /** Design matrix rows, intercept included. */
  X: readonly (readonly number[])[];
  y: readonly number[];
  names: readonly string[];
  weights: readonly number[];
  /** Level index of each unit per raking margin; empty for fixed weights. */
  margins: readonly (readonly number[])[];
  /** Index of the coefficient reported. */
  coefficient: number;
}

export interface DesignBasedEstimate {
  estimate: number;
  se: number;
  df: number;
  ciLower: number;
  ciUpper: number;
  pValue: number;
}

export function designBasedWls(input: DesignBasedWlsInput, confLevel: number): DesignBasedEstimate {
  const { X, y, weights, coefficient: k0 } = input;
  const n = y.length;
  const p = input.names.length;
  const sw = weights.map((w) => Math.sqrt(w));
  // WLS as OLS on √w-scaled rows: β̂ and (XᵀWX)⁻¹ = Cov/σ̂².
  const fit = ols(X.map((r, i) => r.map((v) => v * (sw[i] as number))), y.map((v, i) => v * (sw[i] as number)), [...input.names]);
  const beta = fit.coefficients.map((c) => c.estimate);
  const s2 = fit.sigma * fit.sigma;
  const A = fit.covariance.map((r) => r.map((v) => v / s2));
  const z = X.map((x, i) => {
    const e = (y[i] as number) - x.reduce((s, v, j) => s + v * (beta[j] as number), 0);
    const u = x.map((v) => v * (weights[i] as number) * e);
    return A.map((_, k) => u.reduce((s, v, j) => s + v * ((A[j] as number[])[k] as number), 0));
  });
  for (let pass = 0; pass < (input.margins.length ? 10 : 0); pass++) {
    for (const group of input.margins) {
      const sums = new Map<number, number[]>();
      const counts = new Map<number, number>();
      group.forEach((g, i) => {
        const acc = sums.get(g) ?? new Array<number>(p).fill(0);
        (z[i] as number[]).forEach((v, k) => (acc[k] = (acc[k] as number) + v / (weights[i] as number)));
        sums.set(g, acc);
        counts.set(g, (counts.get(g) ?? 0) + 1);
      });
      group.forEach((g, i) => {
        const acc = sums.get(g) as number[];
        const c = counts.get(g) as number;
        z[i] = (z[i] as number[]).map((v, k) => v - (weights[i] as number) * ((acc[k] as number) / c));
      });
    }
  }
  const mean = z.reduce((s, r) => s + (r[k0] as number), 0) / n;
  const v = (z.reduce((s, r) => s + ((r[k0] as number) - mean) ** 2, 0) * n) / (n - 1);
  const se = Math.sqrt(v);
  const df = n - p;
  const estimate = beta[k0] as number;
  const t = tInterval(estimate, se, df, confLevel);
  return { estimate, se, df, ciLower: t.ciLower, ciUpper: t.ciUpper, pValue: t.pValue };
}
