/**
 * Augmented inverse-probability weighting (AIPW), the second doubly robust estimator: consistent
 * when either the propensity model or the outcome model is right. Outcome models m₁, m₀ are
 * linear regressions of y on the baseline score and confounders fitted separately in the
 * exposed and the unexposed (OLS); e is the propensity score.
 *
 *   ATE:  ψᵢ = m₁(xᵢ) − m₀(xᵢ) + aᵢ(yᵢ − m₁(xᵢ))/eᵢ − (1 − aᵢ)(yᵢ − m₀(xᵢ))/(1 − eᵢ),
 *         τ̂ = mean(ψ),  SE = √(Σ(ψᵢ − τ̂)²)/n
 *   ATT:  τ̂ = Σᵢ[aᵢ(yᵢ − m₀(xᵢ)) − (1 − aᵢ)·eᵢ/(1 − eᵢ)·(yᵢ − m₀(xᵢ))] / n₁,
 *         φᵢ = [aᵢ(yᵢ − m₀(xᵢ) − τ̂) − (1 − aᵢ)·eᵢ/(1 − eᵢ)·(yᵢ − m₀(xᵢ))]·n/n₁,  SE = √(Σφᵢ²)/n
 *
 * SEs from the estimated influence function (nuisance models treated as known, valid when both
 * are correct); normal interval τ̂ ± z·SE. Not defined here for ATO (overlap weights): there the
 * weighted regression is the doubly robust estimate.
 * References: Robins JM, Rotnitzky A, Zhao LP (1994), J Am Stat Assoc 89:846–866; Glynn AN,
 * Quinn KM (2010), Polit Anal 18:36–56; Moodie EEM et al. (2018), Stat Med 37:4088–4102 (ATT).
 */
import { predictLinear } from './weighted-regression.js';
import type { Estimand } from './balancing-weights.js';
import { analysisFailed } from '../stats/arm-size.js';

export interface AipwEstimate {
  estimate: number;
  se: number;
}

/** X: outcome-model rows (intercept, baseline, confounders) without the exposure column. */
export function aipw(X: readonly (readonly number[])[], y: readonly number[], exposed: readonly number[], scores: readonly number[], terms: readonly string[], estimand: Exclude<Estimand, 'ATO'>): AipwEstimate {
  const n = X.length;
  const idx1 = exposed.flatMap((a, i) => (a === 1 ? [i] : []));
  const idx0 = exposed.flatMap((a, i) => (a === 0 ? [i] : []));
  const sub = <T>(v: readonly T[], idx: number[]) => idx.map((i) => v[i]!);
  if (idx0.length <= terms.length) throw analysisFailed(`AIPW needs more unexposed patients (${idx0.length}) than outcome-model coefficients (${terms.length})`);
  const m0 = predictLinear(sub(X, idx0), sub(y, idx0), X, terms);
  if (estimand === 'ATE') {
    if (idx1.length <= terms.length) throw analysisFailed(`AIPW needs more exposed patients (${idx1.length}) than outcome-model coefficients (${terms.length})`);
    const m1 = predictLinear(sub(X, idx1), sub(y, idx1), X, terms);
    const psi = X.map((_, i) => {
      const a = exposed[i]!;
      const e = scores[i]!;
      return m1[i]! - m0[i]! + (a * (y[i]! - m1[i]!)) / e - ((1 - a) * (y[i]! - m0[i]!)) / (1 - e);
    });
    const tau = psi.reduce((s, v) => s + v, 0) / n;
    const ss = psi.reduce((s, v) => s + (v - tau) ** 2, 0);
    return { estimate: tau, se: Math.sqrt(ss) / n };
  }
  const n1 = idx1.length;
  const odds = scores.map((e) => e / (1 - e));
  let num = 0;
  for (let i = 0; i < n; i++) num += exposed[i] === 1 ? y[i]! - m0[i]! : -odds[i]! * (y[i]! - m0[i]!);
  const tau = num / n1;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const r = y[i]! - m0[i]!;
    const phi = ((exposed[i] === 1 ? r - tau : -odds[i]! * r) * n) / n1;
    ss += phi * phi;
  }
  return { estimate: tau, se: Math.sqrt(ss) / n };
}
