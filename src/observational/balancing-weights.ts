/**
 * Balancing weights from propensity scores e (a = 1 exposed, 0 unexposed), per estimand:
 *
 *   ATE (inverse probability):  w = a/e + (1 − a)/(1 − e)
 *   ATT (the exposed):          w = a + (1 − a)·e/(1 − e)
 *   ATO (overlap weights):      w = a(1 − e) + (1 − a)·e
 *
 * = R WeightIt `method = "glm"` with `estimand = "ATE" | "ATT" | "ATO"` (unstabilised).
 * Trimming (plan `trim` = t) drops patients with e < t or e > 1 − t before anything is estimated
 * (Crump et al. 2009); truncation (plan `truncate` = q) caps every weight at the q-quantile of
 * all weights, taken as the mean of the suppression-threshold many sorted weights nearest R's
 * `quantile(w, q, type = 7)` position: the cap is published, and a plain quantile is often one
 * patient's weight, i.e. 1/e of one patient (docs/observational.md, "Small counts"). Both are
 * stated in the output.
 * References: Hirano K, Imbens GW (2001), Health Serv Outcomes Res Methodol 2:259–278; Li F,
 * Morgan KL, Zaslavsky AM (2018), J Am Stat Assoc 113:390–400 (overlap weights); Crump RK et
 * al. (2009), Biometrika 96:187–199.
 */
import { windowQuantile } from './score-quantiles.js';

export type Estimand = 'ATE' | 'ATT' | 'ATO';

export function balancingWeights(scores: readonly number[], exposed: readonly number[], estimand: Estimand): number[] {
  return scores.map((e, i) => {
    const a = exposed[i]!;
    if (estimand === 'ATE') return a === 1 ? 1 / e : 1 / (1 - e);
    if (estimand === 'ATT') return a === 1 ? 1 : e / (1 - e);
    return a === 1 ? 1 - e : e;
  });
}

/**
 * Weights capped at their q-quantile, with the cap and how many were capped. The cap is the mean
 * of the `k` (suppression threshold) sorted weights nearest the type-7 position, as the printed
 * score percentiles (score-quantiles.ts), so the published cap is no patient's own weight; it
 * differs from R's quantile() only within those k weights.
 */
export function truncateWeights(weights: readonly number[], q: number, k: number): { weights: number[]; cap: number; truncated: number } {
  const cap = windowQuantile(weights, q, k);
  let truncated = 0;
  const out = weights.map((w) => {
    if (w > cap) {
      truncated++;
      return cap;
    }
    return w;
  });
  return { weights: out, cap, truncated };
}

