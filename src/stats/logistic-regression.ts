/**
 * Logistic regression by iteratively reweighted least squares (Fisher scoring).
 *
 *   η = Xβ, μ = 1/(1 + e^−η), w = μ(1 − μ), z = η + (y − μ)/w
 *   β ← (XᵀWX)⁻¹XᵀWz (weighted least squares, QR: ols.ts), from β = 0 (μ = ½)
 *   deviance D = −2 Σ [y log μ + (1 − y) log(1 − μ)]; stop when |D − D_old| / (|D| + 0.1) < 1e-12
 *
 * = R `glm(y ~ X - 1, family = binomial)` with `control = glm.control(epsilon = 1e-14)`
 * (test/reference/subgroups.R): the same convergence criterion, tighter, so the coefficients
 * agree to 1e-6. Reference: McCullagh P, Nelder JA (1989), Generalized Linear Models, 2nd ed.,
 * Chapman & Hall, §2.5 and §4.4.
 * Preconditions: y is 0/1, X has full column rank and contains its intercept column. A fit that
 * does not converge in 100 iterations or whose fitted probabilities reach 0 or 1 (the two groups
 * are separated by the columns) stops with `analysis.failed`.
 */
import { analysisFailed } from './arm-size.js';
import { ols } from './ols.js';

export interface LogisticFit {
  coefficients: { term: string; estimate: number }[];
  /** Fitted probabilities P(y = 1 | x). */
  fitted: number[];
  iterations: number;
  deviance: number;
}

const MAX_ITERATIONS = 100;
const EPSILON = 1e-12;
const SEPARATION = 1e-10;

function deviance(y: readonly number[], mu: readonly number[]): number {
  return -2 * y.reduce((s, v, i) => s + (v === 1 ? Math.log(mu[i] as number) : Math.log(1 - (mu[i] as number))), 0);
}

export const SEPARATED = 'the membership model separates the trial from the target sample (fitted probabilities of 0 or 1): some patients have no counterpart in the other group; use fewer or coarser model columns';

export function logisticRegression(X: readonly (readonly number[])[], y: readonly number[], names: readonly string[]): LogisticFit {
  let mu = y.map(() => 0.5);
  let eta = y.map(() => 0);
  let dev = deviance(y, mu);
  let beta: number[] = names.map(() => 0);
  for (let it = 1; it <= MAX_ITERATIONS; it++) {
    const w = mu.map((m) => m * (1 - m));
    // A fitted probability of exactly 0 or 1 (a weight of 0) is separation reached mid-iteration:
    // said as such rather than as the working response's "not a finite number".
    if (w.some((v) => !(v > 0))) throw analysisFailed(SEPARATED);
    const z = eta.map((e, i) => e + ((y[i] as number) - (mu[i] as number)) / (w[i] as number));
    const sw = w.map(Math.sqrt);
    const fit = ols(X.map((r, i) => r.map((v) => v * (sw[i] as number))), z.map((v, i) => v * (sw[i] as number)), [...names]);
    beta = fit.coefficients.map((c) => c.estimate);
    eta = X.map((r) => r.reduce((s, v, j) => s + v * (beta[j] as number), 0));
    mu = eta.map((e) => 1 / (1 + Math.exp(-e)));
    const next = deviance(y, mu);
    const done = Math.abs(next - dev) / (Math.abs(next) + 0.1) < EPSILON;
    dev = next;
    if (done) {
      if (mu.some((m) => m < SEPARATION || m > 1 - SEPARATION)) {
        throw analysisFailed(SEPARATED);
      }
      return { coefficients: names.map((term, j) => ({ term, estimate: beta[j] as number })), fitted: mu, iterations: it, deviance: dev };
    }
  }
  throw analysisFailed(`the membership model did not converge in ${MAX_ITERATIONS} iterations (the trial and the target sample may be separated by the model columns)`);
}
