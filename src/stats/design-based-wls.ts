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
import { analysisFailed } from './arm-size.js';
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
  // A constant y no longer looks constant once scaled by √w (ols.ts would report an exact fit
  // and suspect a covariate): name the real cause, an outcome with no variation.
  if (y.every((v) => v === y[0])) throw analysisFailed('the outcome has the same value for every patient, so the model has no residual error to estimate');
  const sw = weights.map((w) => Math.sqrt(w));
  // WLS as OLS on √w-scaled rows: β̂ and (XᵀWX)⁻¹ = Cov/σ̂².
  const fit = ols(X.map((r, i) => r.map((v) => v * (sw[i] as number))), y.map((v, i) => v * (sw[i] as number)), [...input.names]);
  const beta = fit.coefficients.map((c) => c.estimate);
  const s2 = fit.sigma * fit.sigma;
  // Only coefficient k0's influence is reported, and the calibration adjusts each coefficient's
  // column of z on its own, so only that column is computed (the same operations, in the same
  // order, as for the whole matrix).
  const a = fit.covariance.map((r) => (r[k0] as number) / s2);
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = X[i] as readonly number[];
    let fitted = 0;
    for (let j = 0; j < p; j++) fitted += (x[j] as number) * (beta[j] as number);
    const e = (y[i] as number) - fitted;
    const wi = weights[i] as number;
    let s = 0;
    for (let j = 0; j < p; j++) s += (x[j] as number) * wi * e * (a[j] as number);
    z[i] = s;
  }
  if (input.margins.length) {
    // Each margin's levels as slots 0.. (in order of first appearance) and their unit counts,
    // found once for the 10 passes.
    const margins = input.margins.map((group) => {
      const slotOf = new Map<number, number>();
      const slot = Int32Array.from(group, (g) => {
        let s = slotOf.get(g);
        if (s === undefined) slotOf.set(g, (s = slotOf.size));
        return s;
      });
      const count = new Float64Array(slotOf.size);
      for (const v of slot) count[v]! += 1;
      return { slot, count };
    });
    for (let pass = 0; pass < 10; pass++) {
      for (const { slot, count } of margins) {
        const sums = new Float64Array(count.length);
        for (let i = 0; i < n; i++) sums[slot[i]!]! += z[i]! / (weights[i] as number);
        for (let i = 0; i < n; i++) z[i] = z[i]! - (weights[i] as number) * (sums[slot[i]!]! / count[slot[i]!]!);
      }
    }
  }
  let sum = 0;
  for (let i = 0; i < n; i++) sum += z[i]!;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (z[i]! - mean) ** 2;
  const v = (ss * n) / (n - 1);
  const se = Math.sqrt(v);
  const df = n - p;
  const estimate = beta[k0] as number;
  const t = tInterval(estimate, se, df, confLevel);
  return { estimate, se, df, ciLower: t.ciLower, ciUpper: t.ciUpper, pValue: t.pValue };
}
