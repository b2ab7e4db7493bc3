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
 * all weights — under ATT of the unexposed group's weights, the exposed keeping their 1s — taken as the mean of the suppression-threshold many sorted weights nearest R's
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
 *
 * Under ATT the exposed are the target population: their weights are 1 by definition, so the
 * quantile is taken among the unexposed only and only their weights are capped, as R WeightIt's
 * `trim()` leaves the focal group's weights alone. Over all weights, the exposed group's many 1s
 * pulled a "90th percentile" down to about 1 (a registry with 28 % of non-users capped, the cap
 * 1.000; docs/observational.md, step 2). `capped`: which patients may be capped (all by default).
 */
export function truncateWeights(weights: readonly number[], q: number, k: number, capped: (i: number) => boolean = () => true): { weights: number[]; cap: number; truncated: number } {
  const cap = windowQuantile(weights.filter((_, i) => capped(i)), q, k);
  let truncated = 0;
  const out = weights.map((w, i) => {
    if (w > cap && capped(i)) {
      truncated++;
      return cap;
    }
    return w;
  });
  return { weights: out, cap, truncated };
}

/** The patients whose weights truncation may cap: under ATT the unexposed only (the exposed weigh 1, the target population), else everyone. */
export function cappedUnder(estimand: Estimand, exposed: readonly number[]): (i: number) => boolean {
  return estimand === 'ATT' ? (i) => exposed[i] === 0 : () => true;
}
