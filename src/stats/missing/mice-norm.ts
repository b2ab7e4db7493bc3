import type { Random } from '../random.js';
import { type DrawFit, leastSquaresForDraw } from './least-squares.js';
import { chiSquareDraw } from './random-chi-square.js';

/** Posterior draw of a normal linear regression, as `mice:::.norm.draw` returns it. */
export interface NormDraw {
  /** Least-squares coefficients β̂ (intercept first). */
  coef: number[];
  /** Drawn coefficients β* (intercept first). */
  beta: number[];
  /** Drawn residual SD σ*. */
  sigma: number;
  /** True when the ridge fallback was needed (near-collinear predictors). */
  ridge: boolean;
}

/**
 * Bayesian draw of (β, σ) for y = Xβ + ε under the flat prior (Rubin 1987, p. 167):
 *
 *   σ*² = RSS / g,  g ~ χ²_{n−p};   β* = β̂ + σ*·S·z,  z ~ N(0, I_p),  S·Sᵀ = (XᵀX)⁻¹
 *
 * An intercept is prepended to the predictors, as mice does.
 *
 * R equivalent: `mice:::.norm.draw(y, ry, cbind(1, x))` (ls.meth = "qr"; S = chol here = R⁻¹ there,
 * the same distribution). Reference: van Buuren S, Groothuis-Oudshoorn K (2011) mice,
 * J Stat Softw 45(3), doi:10.18637/jss.v045.i03; Rubin DB (1987) doi:10.1002/9780470316696.
 *
 * Preconditions: predictors has one row per y, all finite; at least 1 observed row.
 * @example normDraw([[0], [1], [2], [3]], [1, 3, 5, 7.5], createRandom(1)).coef // ≈ [0.9, 2.15]
 */
export function normDraw(predictors: readonly (readonly number[])[], y: readonly number[], rng: Random): NormDraw {
  return normDrawDesign(designOfRows(predictors), y, rng);
}

/**
 * Rows of predictors with the intercept prepended, column-major: column 0 all ones, column j + 1
 * predictor j, each n long. The imputation loop builds it straight from its columns.
 */
export interface Design {
  x: Float64Array;
  n: number;
  p: number;
}

export function designOfRows(rows: readonly (readonly number[])[]): Design {
  const n = rows.length;
  const p = n ? rows[0]!.length + 1 : 0;
  const x = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    x[i] = 1;
    for (let j = 1; j < p; j++) x[j * n + i] = row[j - 1]!;
  }
  return { x, n, p };
}

/** {@link normDraw} on a design that already holds the intercept. */
export function normDrawDesign(d: Design, y: ArrayLike<number>, rng: Random): NormDraw {
  return normDrawFromFit(leastSquaresForDraw(d.x, d.n, d.p, y), rng);
}

let zScratch = new Float64Array(0);

/**
 * The random part of {@link normDrawDesign} given its least-squares fit (which draws nothing), so
 * that a fit of unchanged observed rows can serve many draws: the chained equations refit the
 * same rows every iteration when no predictor is imputed on them (chained-equations.ts).
 */
export function normDrawFromFit(fit: DrawFit, rng: Random): NormDraw {
  const sigma = Math.sqrt(fit.rss / chiSquareDraw(rng, fit.dfResidual));
  const p = fit.p;
  // z in a buffer reused from draw to draw (the imputation loops draw tens of thousands of times).
  if (zScratch.length < p) zScratch = new Float64Array(Math.max(p, 2 * zScratch.length));
  const z = zScratch;
  for (let k = 0; k < p; k++) z[k] = rng.normal();
  const { coefficients, covRoot } = fit;
  const beta = new Array<number>(p);
  for (let i = 0; i < p; i++) {
    let s = 0;
    for (let k = 0; k < p; k++) s += covRoot[i * p + k]! * z[k]!;
    beta[i] = coefficients[i]! + sigma * s;
  }
  return { coef: fit.coefficients, beta, sigma, ridge: fit.ridge };
}

/** β₀ + Σ β_j x_ij for row i of a design (column 0 the intercept). */
export function designPredictor(beta: readonly number[], d: Design, i: number): number {
  let s = beta[0]!;
  for (let j = 1; j < d.p; j++) s += beta[j]! * d.x[j * d.n + i]!;
  return s;
}

/**
 * Imputation by Bayesian normal linear regression ("norm"): ẏ_mis = X_mis·β* + σ*·ε, ε ~ N(0, 1),
 * with (β*, σ*) from {@link normDraw} on the observed rows.
 *
 * R equivalent: `mice.impute.norm(y, ry, x)`. Reference: van Buuren & Groothuis-Oudshoorn (2011),
 * doi:10.18637/jss.v045.i03, §3.3; Rubin (1987) algorithm 5.2.
 *
 * Preconditions: `xObs` rows match `yObs`; `xMis` rows have the same width; all finite.
 * @example imputeNorm([1, 3, 5, 7.5], [[0], [1], [2], [3]], [[4]], createRandom(1)) // ≈ [9.5 ± noise]
 */
export function imputeNorm(
  yObs: readonly number[],
  xObs: readonly (readonly number[])[],
  xMis: readonly (readonly number[])[],
  rng: Random,
): number[] {
  return imputeNormDesign(yObs, designOfRows(xObs), designOfRows(xMis), rng);
}

/** {@link imputeNorm} on designs (see {@link Design}). */
export function imputeNormDesign(yObs: ArrayLike<number>, xObs: Design, xMis: Design, rng: Random): number[] {
  return imputeNormFromFit(leastSquaresForDraw(xObs.x, xObs.n, xObs.p, yObs), xMis, rng);
}

/** {@link imputeNormDesign} given the least-squares fit of the observed rows (see {@link normDrawFromFit}). */
export function imputeNormFromFit(fit: DrawFit, xMis: Design, rng: Random): number[] {
  const draw = normDrawFromFit(fit, rng);
  const out = new Array<number>(xMis.n);
  for (let i = 0; i < xMis.n; i++) out[i] = designPredictor(draw.beta, xMis, i) + rng.normal() * draw.sigma;
  return out;
}

/** β₀ + Σ β_j x_j for a predictor row without the intercept. */
export function linearPredictor(beta: readonly number[], row: readonly number[]): number {
  let s = beta[0]!;
  for (let j = 0; j < row.length; j++) s += beta[j + 1]! * row[j]!;
  return s;
}
