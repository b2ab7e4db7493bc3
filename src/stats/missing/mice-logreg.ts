/**
 * Imputation of a missing 0/1 value by Bayesian logistic regression, as R mice's "logreg" (its
 * default for a two-level factor; docs/plan-trial.md#multiple-imputation):
 *
 *   1. augment the observed rows with 2·p·k pseudo-rows (mice:::augment, White, Daniel & Royston
 *      2010, doi:10.1016/j.csda.2010.04.005): for each predictor j and each category c ∈ {0, 1}
 *      two rows at every predictor's mean except predictor j at mean ± sd/2 (kept within the
 *      predictor's range), with outcome c and weight (p + 1)/(2pk) — so that no predictor
 *      separates the categories and the fit always exists;
 *   2. fit the weighted logistic regression (IRLS, as glm.fit: its start, its ε = 1e-8, 25
 *      iterations) → β̂ and V = (XᵀWX)⁻¹ (summary.glm's cov.unscaled);
 *   3. draw β* = β̂ + L·z, L·Lᵀ = V, z ~ N(0, I): the coefficients' approximate posterior;
 *   4. each missing row: 1 when u ≤ 1/(1 + e^(−x·β*)), u ~ U(0, 1), else 0.
 *
 * The augmentation's means, SDs and ranges are of every row's predictors (observed and missing,
 * the latter at their current values), as mice's x. k is the number of categories observed (1
 * when every observed value is the same).
 *
 * R equivalent: `mice:::mice.impute.logreg(y, ry, x)`. Draw by draw the RNG streams differ from R;
 * the imputations agree in distribution (test/reference/mi-gaps.R).
 * Reference: van Buuren S, Groothuis-Oudshoorn K (2011) mice, J Stat Softw 45(3),
 * doi:10.18637/jss.v045.i03; Rubin DB (1987) doi:10.1002/9780470316696, p. 169–170.
 */
import type { Random } from '../random.js';
import { choleskyInverse, choleskyLower, choleskySolveInPlace, ridged } from './dense-cholesky.js';
import type { Design } from './mice-norm.js';

const MAX_ITERATIONS = 25;
const EPSILON = 1e-8;
/** R's family.c: THRESH, and DBL_EPSILON. */
const THRESHOLD = 30;
const DOUBLE_EPSILON = 2 ** -52;

/**
 * Draws 0/1 values for the missing rows. `xObs`, `xMis`: designs with the intercept in column 0
 * (mice-norm.ts's Design, column-major); `yObs` the observed 0/1 values.
 */
export function imputeLogreg(yObs: ArrayLike<number>, xObs: Design, xMis: Design, rng: Random): number[] {
  const p = xObs.p;
  const { beta, cov } = logregFit(yObs, xObs, xMis);
  // β* = β̂ + L·z: mice's t(chol(V)) %*% rnorm(p), the lower factor.
  const l = choleskyLower(cov, p) ?? diagonalRoot(cov, p);
  const z = new Float64Array(p);
  for (let j = 0; j < p; j++) z[j] = rng.normal();
  const star = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = beta[i]!;
    for (let k = 0; k <= i; k++) s += l[i * p + k]! * z[k]!;
    star[i] = s;
  }
  const out = new Array<number>(xMis.n);
  for (let i = 0; i < xMis.n; i++) {
    let eta = 0;
    for (let j = 0; j < p; j++) eta += xMis.x[j * xMis.n + i]! * star[j]!;
    out[i] = rng.uniform() <= 1 / (1 + Math.exp(-eta)) ? 1 : 0;
  }
  return out;
}

/** β̂ and V of steps 1–2 (row-major p × p): = R's coef(fit) and summary.glm(fit)$cov.unscaled. */
export function logregFit(yObs: ArrayLike<number>, xObs: Design, xMis: Design): { beta: Float64Array; cov: Float64Array } {
  const { X, y, w, n, p } = augmented(yObs, xObs, xMis);
  return weightedLogistic(X, y, w, n, p);
}

/** Row-major augmented design (intercept first), outcome and weights: mice:::augment (also polyreg's, mice-polyreg.ts). */
export function augmented(yObs: ArrayLike<number>, xObs: Design, xMis: Design) {
  const p = xObs.p;
  const q = p - 1; // predictors without the intercept
  const categories = [...new Set(Array.from(yObs))].sort((a, b) => a - b);
  const k = categories.length;
  const nr = q > 0 && xMis.n !== 1 ? 2 * q * k : 0; // mice: no augmentation without predictors or with one missing row
  const n = xObs.n + nr;
  const X = new Float64Array(n * p);
  const y = new Float64Array(n);
  const w = new Float64Array(n).fill(1);
  for (let i = 0; i < xObs.n; i++) {
    for (let j = 0; j < p; j++) X[i * p + j] = xObs.x[j * xObs.n + i]!;
    y[i] = yObs[i]!;
  }
  if (nr === 0) return { X, y, w, n, p };
  const period = 2 * k + nr; // the period of mice's recycled ±0.5 pattern, filled column by column
  for (let j = 1; j < p; j++) {
    const { mean, sd, min, max } = columnStats(xObs, xMis, j);
    for (let r = 0; r < nr; r++) {
      const at = ((j - 1) * nr + r) % period;
      const b = at < 2 * k ? (at % 2 === 0 ? 0.5 : -0.5) : 0;
      X[(xObs.n + r) * p + j] = Math.min(max, Math.max(min, mean + b * sd));
    }
  }
  for (let r = 0; r < nr; r++) {
    X[(xObs.n + r) * p] = 1;
    y[xObs.n + r] = categories[Math.floor((r % (2 * k)) / 2)]!;
    w[xObs.n + r] = (q + 1) / nr;
  }
  return { X, y, w, n, p };
}

/** Mean, SD (divisor n − 1), min and max of design column j over the observed and missing rows. */
function columnStats(a: Design, b: Design, j: number) {
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  const each = (d: Design, f: (v: number) => void) => {
    for (let i = 0; i < d.n; i++) f(d.x[j * d.n + i]!);
  };
  const visit = (v: number) => {
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  };
  each(a, visit);
  each(b, visit);
  const count = a.n + b.n;
  const mean = sum / count;
  let ss = 0;
  const dev = (v: number) => {
    ss += (v - mean) ** 2;
  };
  each(a, dev);
  each(b, dev);
  return { mean, sd: Math.sqrt(ss / (count - 1)), min, max };
}

/**
 * Weighted logistic regression by IRLS from glm.fit's binomial start (μ = (w·y + ½)/(w + 1)),
 * stopping as glm.fit: |D − D_old| / (|D| + 0.1) < ε. Returns β̂ and glm.fit's (XᵀWX)⁻¹. Without
 * convergence in 25 iterations the last iterate serves, as glm.fit's (it only warns). μ and dμ/dη
 * are binomial()'s, clamped at |η| > 30, and an iterate whose deviance rises ends the fit at the
 * one before: so separated data (possible without augmentation, i.e. with one missing row) give
 * a fit, as R's glm.fit with its "fitted probabilities numerically 0 or 1" warning, not NaN.
 */
function weightedLogistic(X: Float64Array, y: Float64Array, w: Float64Array, n: number, p: number): { beta: Float64Array; cov: Float64Array } {
  const eta = new Float64Array(n);
  const mu = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    mu[i] = (w[i]! * y[i]! + 0.5) / (w[i]! + 1);
    eta[i] = Math.log(mu[i]! / (1 - mu[i]!));
  }
  let dev = deviance(y, mu, w);
  const beta = new Float64Array(p);
  // cov.unscaled is glm.fit's: (XᵀWX)⁻¹ with the weights of its last iteration (its QR's).
  let last: Float64Array | undefined;
  const previous = new Float64Array(p);
  for (let it = 0; it < MAX_ITERATIONS; it++) {
    const xtwx = new Float64Array(p * p);
    const xtwz = new Float64Array(p);
    for (let i = 0; i < n; i++) {
      // glm.fit: z = η + (y − μ)/μ'(η), W = w·μ'(η)²/V(μ); for the logit μ'(η) = V(μ) = μ(1 − μ),
      // except binomial()'s μ'(η) = ε beyond |η| > 30.
      const v = mu[i]! * (1 - mu[i]!);
      const clamped = Math.abs(eta[i]!) > THRESHOLD;
      const wi = clamped ? (w[i]! * DOUBLE_EPSILON * DOUBLE_EPSILON) / v : w[i]! * v;
      const zi = eta[i]! + (y[i]! - mu[i]!) / (clamped ? DOUBLE_EPSILON : v);
      for (let a = 0; a < p; a++) {
        const xa = X[i * p + a]! * wi;
        xtwz[a] = xtwz[a]! + xa * zi;
        for (let b = 0; b <= a; b++) xtwx[a * p + b] = xtwx[a * p + b]! + xa * X[i * p + b]!;
      }
    }
    for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) xtwx[b * p + a] = xtwx[a * p + b]!;
    const l = choleskyLower(xtwx, p) ?? choleskyLower(ridged(xtwx, p), p);
    if (!l) throw new LogregFitError();
    previous.set(beta);
    const previousL = last;
    last = l;
    beta.set(xtwz);
    choleskySolveInPlace(l, p, beta);
    for (let i = 0; i < n; i++) {
      let e = 0;
      for (let a = 0; a < p; a++) e += X[i * p + a]! * beta[a]!;
      eta[i] = e;
      mu[i] = linkInverse(e);
    }
    const next = deviance(y, mu, w);
    const done = Math.abs(next - dev) / (Math.abs(next) + 0.1) < EPSILON;
    if (!Number.isFinite(next) && !previousL) throw new LogregFitError();
    // (Not at the first iteration: the deviance of glm.fit's start μ is no fit's, often lower.)
    if (!done && !(next < dev) && previousL) {
      // The deviance rose (or is not finite): under separation β̂ runs off and XᵀWX, with most
      // weights near ε, is too ill-conditioned for its normal equations (glm.fit's QR goes a few
      // iterations further). The previous iterate, and its XᵀWX, serve: the fit as far as the
      // arithmetic carries it, β̂ large and V huge, so the draws are as R's (0 or 1 at random).
      beta.set(previous);
      last = previousL;
      break;
    }
    dev = next;
    if (done) break;
  }
  if (!last) throw new LogregFitError();
  return { beta, cov: choleskyInverse(last, p) };
}

/**
 * R's binomial()$linkinv for the logit (family.c): η clamped to ±30, so that μ stays strictly
 * inside (0, 1) when a predictor separates the outcome (no augmentation: one missing row) and the
 * fit's η runs off — 1/(1 + e^(−η)) would reach exactly 1 there and the weights μ(1 − μ) 0.
 */
function linkInverse(eta: number): number {
  if (eta < -THRESHOLD) return DOUBLE_EPSILON / (1 + DOUBLE_EPSILON);
  if (eta > THRESHOLD) return 1 / (1 + DOUBLE_EPSILON);
  return 1 / (1 + Math.exp(-eta));
}

/**
 * The fit could not be computed (a non-finite XᵀWX, e.g. from a non-finite predictor): thrown so
 * that chained-equations.ts names the column, never a bare null dereference.
 */
export class LogregFitError extends Error {
  /** The imputed column's index in chainedEquations, set there. */
  column: number | undefined;
  constructor() {
    super('the logistic imputation model could not be fitted');
    this.name = 'LogregFitError';
  }
}

function deviance(y: Float64Array, mu: Float64Array, w: Float64Array): number {
  let d = 0;
  for (let i = 0; i < y.length; i++) {
    const m = Math.min(1 - 1e-15, Math.max(1e-15, mu[i]!));
    d -= 2 * w[i]! * (y[i]! * Math.log(m) + (1 - y[i]!) * Math.log(1 - m));
  }
  return d;
}

/** A diagonal root when V is not numerically positive definite (should not happen after the ridge). */
function diagonalRoot(v: Float64Array, p: number): Float64Array {
  const l = new Float64Array(p * p);
  for (let j = 0; j < p; j++) l[j * p + j] = Math.sqrt(Math.max(0, v[j * p + j]!));
  return l;
}
