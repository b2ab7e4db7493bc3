/**
 * Weighted least squares with a heteroscedasticity-consistent (sandwich) covariance, HC0:
 *
 *   β̂ = (XᵀWX)⁻¹XᵀWy,  e = y − Xβ̂,
 *   V̂ = (XᵀWX)⁻¹ [Σᵢ wᵢ² eᵢ² xᵢxᵢᵀ] (XᵀWX)⁻¹
 *
 * = R `lm(y ~ ., weights = w)` with `sandwich::vcovHC(fit, type = "HC0")`. HC0 (no small-sample
 * factor) because the weights are not frequency weights and the estimate's justification is
 * asymptotic; the interval is normal, β̂ ± z₁₋α/₂·SE (`lmtest::coefci(fit, vcov = V, df = Inf)`).
 * The variance treats the weights as known: it ignores the estimation of the propensity score,
 * which for ATE weights makes it conservative (Lunceford & Davidian 2004, Stat Med 23:2937–2960).
 * With the baseline score and confounders in X, this is the doubly robust "weighted regression"
 * estimator (Kang & Schafer 2007, Stat Sci 22:523–539; Funk et al. 2011, Am J Epidemiol
 * 173:761–767). References: White H (1980), Econometrica 48:817–838.
 */
import { luInverse, matMul, matVec } from './small-dense.js';
import { analysisFailed } from '../stats/arm-size.js';

export interface WeightedFit {
  terms: string[];
  coefficients: number[];
  /** HC0 sandwich covariance. */
  covariance: number[][];
  residuals: number[];
}

export function weightedRegression(X: readonly (readonly number[])[], y: readonly number[], w: readonly number[], terms: readonly string[]): WeightedFit {
  const n = X.length;
  const p = terms.length;
  const { beta, bread } = weightedBeta(X, y, w, p);
  const residuals = matVec(X, beta).map((fitted, i) => y[i]! - fitted);
  const meat = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let i = 0; i < n; i++) {
    const u = w[i]! * residuals[i]!;
    const uu = u * u;
    const row = X[i]!;
    for (let j = 0; j < p; j++) {
      // u·u·x_j·x_k is ((u·u)·x_j)·x_k; a zero first factor adds exact zeros (no change to a sum).
      const uj = uu * row[j]!;
      if (uj === 0) continue;
      const acc = meat[j]!;
      for (let k = 0; k < p; k++) acc[k]! += uj * row[k]!;
    }
  }
  const covariance = matMul(matMul(bread, meat), bread);
  return { terms: [...terms], coefficients: beta, covariance, residuals };
}

/** β̂ = (XᵀWX)⁻¹XᵀWy and the bread (XᵀWX)⁻¹. */
function weightedBeta(X: readonly (readonly number[])[], y: readonly number[], w: readonly number[], p: number): { beta: number[]; bread: number[][] } {
  const n = X.length;
  if (n <= p) throw analysisFailed(`${n} patients are too few for an outcome model with ${p} coefficients`);
  const xtwx = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const xtwy = new Array<number>(p).fill(0);
  for (let i = 0; i < n; i++) {
    const row = X[i]!;
    const yi = y[i]!;
    const finite = Number.isFinite(yi);
    for (let j = 0; j < p; j++) {
      // w·x_j·y and w·x_j·x_k are (w·x_j)·…: wx once per j; a zero wx (a 0 indicator) adds exact
      // zeros, which change no sum, so it is skipped unless y is not finite (NaN must spread).
      const wx = w[i]! * row[j]!;
      if (wx === 0 && finite) continue;
      xtwy[j]! += wx * yi;
      const acc = xtwx[j]!;
      for (let k = 0; k < p; k++) acc[k]! += wx * row[k]!;
    }
  }
  const bread = luInverse(xtwx);
  if (!bread) throw analysisFailed('the outcome model is singular: a confounder is constant or collinear with others');
  const beta = matVec(bread, xtwy);
  if (!beta.every(Number.isFinite)) throw analysisFailed('the outcome model is singular: a confounder is constant or collinear with others');
  return { beta, bread };
}

/** Ordinary least squares fitted values of y on X at new rows (the AIPW outcome models): β̂ only, no sandwich. */
export function predictLinear(X: readonly (readonly number[])[], y: readonly number[], at: readonly (readonly number[])[], terms: readonly string[]): number[] {
  return matVec(at, weightedBeta(X, y, X.map(() => 1), terms.length).beta);
}
