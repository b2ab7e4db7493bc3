/**
 * The propensity score e(x) = P(exposed | x) by logistic regression, fitted by iteratively
 * reweighted least squares (Fisher scoring), as R `glm(a ~ x, family = binomial)`:
 *
 *   η = Xβ, μ = 1/(1 + e^−η), W = diag(μ(1 − μ)), z = η + (a − μ)/(μ(1 − μ)),
 *   β ← (XᵀWX)⁻¹XᵀWz, until |D − D_old|/(|D| + 0.1) < 1e-12 (D = deviance).
 *
 * R's own criterion is 1e-8; a tighter one gives the maximum-likelihood estimate to machine
 * precision, which is what the reference (test/reference/observational.R, glm with epsilon
 * 1e-14) is compared with. Start: μ = (a + 0.5)/2, as R's binomial()$initialize.
 *
 * Separation: when a confounder (or combination) predicts exposure perfectly, the MLE does not
 * exist; IRLS drives some fitted probabilities to 0 or 1 (R warns "fitted probabilities
 * numerically 0 or 1 occurred"). Here the fit stops with `analysis.failed` when the iteration
 * does not converge in 100 steps or a fitted probability is within 1e-8 of 0 or 1 — a weight of
 * 1e8 would make every weighted estimate meaningless. See docs/observational.md.
 * Reference: McCullagh P, Nelder JA (1989), Generalized Linear Models, 2nd ed., §4.4.
 */
import { luInverse, matVec } from './small-dense.js';
import { analysisFailed } from '../stats/arm-size.js';

export interface PropensityFit {
  terms: string[];
  coefficients: number[];
  /** Fitted propensity scores, one per patient. */
  scores: number[];
  deviance: number;
  iterations: number;
}

const EXTREME = 1e-8;

function deviance(a: readonly number[], mu: readonly number[]): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d += -2 * (a[i] === 1 ? Math.log(mu[i]!) : Math.log(1 - mu[i]!));
  return d;
}

export function propensityScores(X: readonly (readonly number[])[], exposed: readonly number[], terms: readonly string[]): PropensityFit {
  const n = X.length;
  const p = terms.length;
  if (n <= p) throw analysisFailed(`${n} patients are too few for a propensity model with ${p} coefficients`);
  let eta = exposed.map((a) => {
    const m = (a + 0.5) / 2;
    return Math.log(m / (1 - m));
  });
  let mu = eta.map((e) => 1 / (1 + Math.exp(-e)));
  let dev = deviance(exposed, mu);
  let beta: number[] = new Array<number>(p).fill(0);
  for (let iter = 1; iter <= 100; iter++) {
    const xtwx = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    const xtwz = new Array<number>(p).fill(0);
    for (let i = 0; i < n; i++) {
      const w = mu[i]! * (1 - mu[i]!);
      const z = eta[i]! + (exposed[i]! - mu[i]!) / w;
      const row = X[i]!;
      // row[j]·w·z is (row[j]·w)·z: rw once per j. A zero rw (a 0 indicator) adds exact zeros,
      // which change no sum, so those terms are skipped unless z is not finite (NaN must spread).
      const finite = Number.isFinite(z);
      for (let j = 0; j < p; j++) {
        const rw = row[j]! * w;
        if (rw === 0 && finite) continue;
        xtwz[j]! += rw * z;
        const acc = xtwx[j]!;
        for (let k = 0; k <= j; k++) acc[k]! += rw * row[k]!;
      }
    }
    for (let j = 0; j < p; j++) for (let k = j + 1; k < p; k++) xtwx[j]![k] = xtwx[k]![j]!;
    const inv = luInverse(xtwx);
    if (!inv) throw singular(iter, mu);
    beta = matVec(inv, xtwz);
    if (!beta.every(Number.isFinite)) throw singular(iter, mu);
    eta = matVec(X, beta);
    mu = eta.map((e) => 1 / (1 + Math.exp(-e)));
    const old = dev;
    dev = deviance(exposed, mu.map((m) => Math.min(Math.max(m, 1e-300), 1 - 1e-16)));
    if (Math.abs(dev - old) / (Math.abs(dev) + 0.1) < 1e-12) {
      if (mu.some((m) => m < EXTREME || m > 1 - EXTREME)) throw separation();
      return { terms: [...terms], coefficients: beta, scores: mu, deviance: dev, iterations: iter };
    }
  }
  throw separation();
}

/** A singular step after the first is the weights μ(1 − μ) vanishing: separation, not collinearity. */
function singular(iter: number, mu: readonly number[]) {
  if (iter > 1 && mu.some((m) => m < EXTREME || m > 1 - EXTREME)) return separation();
  return analysisFailed('the propensity model is singular: a confounder is constant or collinear with others');
}

function separation() {
  return analysisFailed(
    'the propensity model cannot be fitted: the confounders predict exposure (almost) perfectly (separation), so some patients have no comparable patient in the other group; remove or coarsen the confounder that separates the groups, or restrict the population',
  );
}
