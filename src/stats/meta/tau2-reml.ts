/**
 * Restricted maximum-likelihood estimator of τ² by Fisher scoring, step for step as
 * metafor 3.8 `rma.uni(method = "REML")`:
 *
 *   start  τ²₀ = max(0, τ²_HE), τ²_HE = (Σ(y − ȳ)² − (1 − 1/k)Σv)/(k − 1)  (Hedges' estimator)
 *   step   w = 1/(v + τ²), P = W − w wᵀ/Σw,
 *          Δ = stepAdj · (yᵀPPy − tr P) / tr(PP); halve Δ while τ² + Δ < 0; τ² ← τ² + Δ
 *   stop   |Δτ²| ≤ threshold (1e-5); not converged if more than maxIter (100) steps are needed
 *   check  if ll_REML(0) − ll_REML(τ²) > tol and τ² > threshold, τ² ← 0 (metafor's
 *          `ll0check`, guarding against a local maximum)
 *
 * SE: √(2 / Σᵢⱼ Pᵢⱼ²) at the final τ² (= metafor `se.tau2`).
 * = `metafor::rma(yi, vi, method = "REML")$tau2`.
 *
 * References: Viechtbauer W (2005). Bias and efficiency of meta-analytic variance estimators
 * in the random-effects model. J Educ Behav Stat 30:261–293. doi:10.3102/10769986030003261;
 * Viechtbauer W (2010), J Stat Softw 36(3). doi:10.18637/jss.v036.i03
 *
 * Preconditions: validated yi, vi (vi > 0), k ≥ 2.
 * Example (dat.bcg, log RR): τ² = 0.3132, converged after a few steps.
 */
import type { Tau2Control, Tau2Fit } from './tau2-estimator.js';
import { inverseVarianceWeights, traceP, weightedSums, withDefaults } from './tau2-estimator.js';

/** Restricted log-likelihood of the intercept-only random-effects model (metafor's ll.REML). */
export function remlLogLik(yi: readonly number[], vi: readonly number[], tau2: number): number {
  const k = yi.length;
  const s = weightedSums(yi, inverseVarianceWeights(vi, tau2));
  let sumLogV = 0;
  for (const v of vi) sumLogV += Math.log(v + tau2);
  return -0.5 * (k - 1) * Math.log(2 * Math.PI) - 0.5 * sumLogV - 0.5 * Math.log(s.sw) - 0.5 * s.q;
}

export function tau2Reml(yi: readonly number[], vi: readonly number[], control?: Tau2Control): Tau2Fit {
  const con = withDefaults(control);
  const k = yi.length;

  // Hedges (HE) start: unweighted residual sum of squares minus tr(PV), P = I − J/k.
  let ybar = 0;
  for (const y of yi) ybar += y;
  ybar /= k;
  let rss = 0;
  let sv = 0;
  for (let i = 0; i < k; i++) {
    rss += ((yi[i] as number) - ybar) ** 2;
    sv += vi[i] as number;
  }
  let tau2 = Math.max(0, (rss - sv * (1 - 1 / k)) / (k - 1));

  let change = con.threshold + 1;
  let iterations = 0;
  let converged = true;
  while (change > con.threshold) {
    iterations += 1;
    const old = tau2;
    const s = weightedSums(yi, inverseVarianceWeights(vi, tau2));
    let yPPy = 0;
    for (let i = 0; i < k; i++) {
      const pr = (s.w[i] as number) * ((yi[i] as number) - s.mean);
      yPPy += pr * pr;
    }
    const { trP, sumPP } = traceP(s);
    let adj = ((yPPy - trP) / sumPP) * con.stepAdj;
    if (Number.isNaN(adj)) adj = 0;
    while (tau2 + adj < 0) adj /= 2;
    tau2 = tau2 + adj;
    change = Math.abs(old - tau2);
    if (iterations > con.maxIter) {
      converged = false;
      break;
    }
  }
  // Reported as the limit that was hit (metafor's loop stops at step maxIter + 1).
  if (!converged) return { tau2: Math.max(0, tau2), tau2Se: null, converged, iterations: con.maxIter };

  if (tau2 > con.threshold && remlLogLik(yi, vi, 0) - remlLogLik(yi, vi, tau2) > con.tol) tau2 = 0;
  tau2 = Math.max(0, tau2);
  const { sumPP } = traceP(weightedSums(yi, inverseVarianceWeights(vi, tau2)));
  return { tau2, tau2Se: Math.sqrt(2 / sumPP), converged, iterations };
}
