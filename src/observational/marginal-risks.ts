/**
 * The relative effect of a registry's yes/no outcome (or responder definition): the adjusted risk
 * with and without the exposure, and their risk ratio with its 95% CI, from the same estimator as
 * the row's risk difference (docs/observational.md, "Relative and absolute effects of yes/no
 * outcomes"). The risks are adjusted (standardised) marginal risks, not the crude shares, so the
 * RR's interval needs their covariance: the delta method on log RR,
 *
 *   log RR = log μ₁ − log μ₀,   Var(log RR) = V₁₁/μ₁² + V₀₀/μ₀² − 2·V₁₀/(μ₁μ₀),
 *   95% CI = exp(log RR ± z·SE)
 *
 * with V the variance–covariance of (μ₁, μ₀) the estimator itself gives:
 *
 *  - weighted regression (a linear probability model, HC0 sandwich V_β): μₐ = c̄ₐᵀβ̂, the mean
 *    prediction with the exposure set to a over the estimand's population — every patient analysed
 *    (ATE), the exposed (ATT), weighted by the overlap weights (ATO), as WeightIt's g-computation
 *    after weighting does (Greifer, "Estimating effects after weighting") — and Cov(μₐ, μ_b) =
 *    c̄ₐᵀV_βc̄_b, marginaleffects' avg_predictions with that vcov. μ₁ − μ₀ is the exposure's
 *    coefficient and its variance V_β's, so the RD and its CI are the row's own;
 *  - AIPW: μₐ the mean of each arm's augmented term and V from their influence functions (the
 *    nuisance models treated as known, as for the row's SE, aipw.ts); their difference is the
 *    row's estimate and its variance the row's SE².
 *
 * No ratio when a risk is 0 or below (a linear model can predict that), nor — decided by the caller,
 * analyze-observational.ts — when no patient of a group had the event: the linear model's risk is
 * then 0 up to rounding (0.00002), and its ratio and interval would be rounding too.
 * Checked against R (lm + sandwich::vcovHC HC0, AIPW by hand): test/reference/observational-risk-ratio.R.
 */
import { zInterval } from '../stats/distributions.js';

export interface MarginalRisks {
  /** Adjusted risk with the exposure (μ₁) and without it (μ₀). */
  exposed: number;
  unexposed: number;
  /** Var μ₁, Var μ₀ and Cov(μ₁, μ₀). */
  varExposed: number;
  varUnexposed: number;
  covariance: number;
}

export interface RiskRatio {
  estimate: number;
  ciLower: number;
  ciUpper: number;
  /** SE of log RR (delta method). */
  seLog: number;
}

/**
 * The weighted regression's marginal risks: X the outcome-model rows (intercept, exposure in
 * column `exposureColumn`, covariates), β̂ and its covariance, and each row's weight in the
 * standardising population (1 for ATE, the exposure indicator for ATT, the weight for ATO).
 */
export function regressionMarginalRisks(X: readonly (readonly number[])[], coefficients: readonly number[], covariance: readonly (readonly number[])[], standardise: readonly number[], exposureColumn: number): MarginalRisks {
  const p = coefficients.length;
  const c0 = new Array<number>(p).fill(0);
  let total = 0;
  X.forEach((row, i) => {
    const s = standardise[i]!;
    if (s === 0) return;
    total += s;
    for (let j = 0; j < p; j++) c0[j]! += s * (j === exposureColumn ? 0 : row[j]!);
  });
  for (let j = 0; j < p; j++) c0[j]! /= total;
  const c1 = c0.map((v, j) => (j === exposureColumn ? 1 : v));
  const dot = (u: readonly number[], v: readonly number[]) => u.reduce((s, x, j) => s + x * v[j]!, 0);
  const quad = (u: readonly number[], v: readonly number[]) => dot(u, covariance.map((row) => dot(row, v)));
  return { exposed: dot(c1, coefficients), unexposed: dot(c0, coefficients), varExposed: quad(c1, c1), varUnexposed: quad(c0, c0), covariance: quad(c1, c0) };
}

/** The risk ratio μ₁/μ₀ with its log-scale delta-method interval; null when a risk is not positive. */
export function riskRatioOf(m: MarginalRisks, confLevel: number): RiskRatio | null {
  if (!(m.exposed > 0) || !(m.unexposed > 0)) return null;
  const varLog = m.varExposed / m.exposed ** 2 + m.varUnexposed / m.unexposed ** 2 - (2 * m.covariance) / (m.exposed * m.unexposed);
  if (!(varLog > 0) || !Number.isFinite(varLog)) return null;
  const seLog = Math.sqrt(varLog);
  const w = zInterval(Math.log(m.exposed / m.unexposed), seLog, confLevel);
  return { estimate: m.exposed / m.unexposed, ciLower: Math.exp(w.ciLower), ciUpper: Math.exp(w.ciUpper), seLog };
}
