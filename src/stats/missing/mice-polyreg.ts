/**
 * Imputation of a missing categorical value of k levels (codes 0 … k − 1) by multinomial logistic
 * regression, as R mice's "polyreg" (its default for an unordered factor of more than two levels;
 * docs/plan-trial.md#multiple-imputation):
 *
 *   1. augment the observed rows as "logreg" does (mice-logreg.ts `augmented`: 2·p·k weighted
 *      pseudo-rows, so that no predictor separates the levels and the fit always exists);
 *   2. fit the weighted multinomial logit, level 0 the reference (maximum likelihood by Newton's
 *      method; = nnet::multinom, which mice calls);
 *   3. each missing row: its fitted probabilities π_0 … π_(k−1) and one u ~ U(0, 1); the level is
 *      the number of cumulative sums π_0 + … + π_l that u exceeds.
 *
 * As mice's polyreg, the coefficients are not drawn from their posterior: the imputations are
 * proper only through the chained equations' other draws (van Buuren 2018, Flexible Imputation of
 * Missing Data, 2nd ed., §3.6). When every observed value is one level, that level is imputed.
 *
 * R equivalent: `mice:::mice.impute.polyreg(y, ry, x)`; checked in test/reference/mice-polyreg.R.
 */
import type { Random } from '../random.js';
import { choleskyLower, choleskySolveInPlace, ridged } from './dense-cholesky.js';
import { augmented } from './mice-logreg.js';
import type { Design } from './mice-norm.js';

const MAX_ITERATIONS = 100;
const EPSILON = 1e-10;
/** Halvings of one Newton step before the fit starts again from β = 0 (multinomialFit). */
const MAX_HALVINGS = 20;

/**
 * Draws level codes for the missing rows; `yObs` holds the observed codes (0 … levels − 1).
 * `warm` carries the fit from one call to the next (the same maximum, found in fewer steps).
 */
export function imputePolyreg(yObs: ArrayLike<number>, xObs: Design, xMis: Design, levels: number, rng: Random, warm?: { beta?: Float64Array }): number[] {
  const probs = polyregProbabilities(yObs, xObs, xMis, levels, warm);
  const out = new Array<number>(xMis.n);
  for (let i = 0; i < xMis.n; i++) {
    const u = rng.uniform();
    let level = 0;
    let sum = 0;
    for (let l = 0; l < levels - 1; l++) {
      sum += probs[i * levels + l]!;
      if (u > sum) level = l + 1;
    }
    out[i] = level;
  }
  return out;
}

/**
 * The fitted probabilities of the missing rows, row-major (missing row i, level l at i·levels + l):
 * = predict(multinom(...), type = "probs") in mice's polyreg. A level never observed has
 * probability 0 (mice's factor of the observed and augmented values has no such level).
 */
export function polyregProbabilities(yObs: ArrayLike<number>, xObs: Design, xMis: Design, levels: number, warm?: { beta?: Float64Array }): Float64Array {
  const seen = [...new Set(Array.from(yObs))].sort((a, b) => a - b);
  const probs = new Float64Array(xMis.n * levels);
  if (seen.length === 1) {
    for (let i = 0; i < xMis.n; i++) probs[i * levels + seen[0]!] = 1;
    return probs;
  }
  const { X, y, w, n, p } = augmented(yObs, xObs, xMis);
  // Fitted among the levels seen (index in `seen`), the first of them the reference.
  const k = seen.length;
  const code = new Int32Array(n);
  for (let i = 0; i < n; i++) code[i] = seen.indexOf(y[i]!);
  const beta = multinomialFit(X, code, w, n, p, k, warm?.beta?.length === (k - 1) * p ? warm.beta : undefined);
  if (warm) warm.beta = beta;
  const row = new Float64Array(p);
  const pi = new Float64Array(k);
  for (let i = 0; i < xMis.n; i++) {
    for (let j = 0; j < p; j++) row[j] = xMis.x[j * xMis.n + i]!;
    softmax(row, beta, p, k, pi);
    for (let c = 0; c < k; c++) probs[i * levels + seen[c]!] = pi[c]!;
  }
  return probs;
}

/** π for one row x (length p) under β ((k − 1) × p, row-major; level 0 the reference). */
function softmax(x: Float64Array, beta: Float64Array, p: number, k: number, pi: Float64Array): void {
  let max = 0;
  pi[0] = 0;
  for (let c = 1; c < k; c++) {
    let e = 0;
    for (let j = 0; j < p; j++) e += x[j]! * beta[(c - 1) * p + j]!;
    pi[c] = e;
    if (e > max) max = e;
  }
  let sum = 0;
  for (let c = 0; c < k; c++) {
    pi[c] = Math.exp(pi[c]! - max);
    sum += pi[c]!;
  }
  for (let c = 0; c < k; c++) pi[c] = pi[c]! / sum;
}

/**
 * Weighted multinomial logit by Newton's method from β = 0 (or `start`: the last fit of the same
 * variable — the chained equations share one step, and its `warm`, across all m chains, so this is
 * the previous chain's fit in the same sweep, or the last chain's of the sweep before; the log-
 * likelihood is concave, so the start changes the steps, not the maximum): gradient
 * Σ w_i x_i (1[y_i = c] − π_ic), Hessian Σ w_i x_i x_iᵀ π_ic (δ_cd − π_id); stops when the
 * log-likelihood changes by less than 1e-10 relative, or after 100 steps (the augmentation keeps the
 * maximum finite). A full Newton step can overshoot far from the maximum (a warm start from another
 * chain's data): a step that lowers the log-likelihood is halved from where it started, as glm's
 * step-halving; after 20 halvings (a start so far that the probabilities saturate) the fit starts
 * again from β = 0.
 */
function multinomialFit(X: Float64Array, code: Int32Array, w: Float64Array, n: number, p: number, k: number, start?: Float64Array): Float64Array {
  const q = (k - 1) * p;
  const beta = start ? Float64Array.from(start) : new Float64Array(q);
  const pi = new Float64Array(k);
  const row = new Float64Array(p);
  let loglik = -Infinity;
  // The last step taken and where it started, to halve it if it lowered the log-likelihood.
  const from = new Float64Array(q);
  let step: Float64Array | undefined;
  let halvings = 0;
  for (let it = 0; it < MAX_ITERATIONS; it++) {
    const grad = new Float64Array(q);
    const hess = new Float64Array(q * q);
    let ll = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < p; j++) row[j] = X[i * p + j]!;
      softmax(row, beta, p, k, pi);
      const wi = w[i]!;
      ll += wi * Math.log(Math.max(pi[code[i]!]!, 1e-300));
      for (let c = 1; c < k; c++) {
        const r = (code[i] === c ? 1 : 0) - pi[c]!;
        for (let a = 0; a < p; a++) grad[(c - 1) * p + a] = grad[(c - 1) * p + a]! + wi * row[a]! * r;
        // The lower triangle only (block d ≤ c, within the diagonal block b ≤ a); mirrored below.
        for (let d = 1; d <= c; d++) {
          const v = wi * pi[c]! * ((c === d ? 1 : 0) - pi[d]!);
          for (let a = 0; a < p; a++) {
            const va = v * row[a]!;
            const at = ((c - 1) * p + a) * q + (d - 1) * p;
            const end = c === d ? a + 1 : p;
            for (let b = 0; b < end; b++) hess[at + b] = hess[at + b]! + va * row[b]!;
          }
        }
      }
    }
    for (let r = 0; r < q; r++) for (let t = 0; t < r; t++) hess[t * q + r] = hess[r * q + t]!;
    if (Math.abs(ll - loglik) < EPSILON * (Math.abs(ll) + 0.1)) break;
    if (step && ll < loglik) {
      if (++halvings > MAX_HALVINGS) {
        // A start where the probabilities saturate (a flat Hessian, an astronomic step): from β = 0.
        beta.fill(0);
        step = undefined;
        loglik = -Infinity;
        halvings = 0;
        continue;
      }
      for (let j = 0; j < q; j++) {
        step[j] = step[j]! / 2;
        beta[j] = from[j]! + step[j]!;
      }
      continue;
    }
    halvings = 0;
    loglik = ll;
    const l = choleskyLower(hess, q) ?? choleskyLower(ridged(hess, q), q);
    if (!l) break;
    choleskySolveInPlace(l, q, grad);
    from.set(beta);
    step = grad;
    for (let j = 0; j < q; j++) beta[j] = beta[j]! + grad[j]!;
  }
  // Out of iterations while halving a step that lowered the likelihood: the halved β was never
  // evaluated, and `from` (the last accepted fit) is known to be better.
  return halvings > 0 ? from : beta;
}
