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
 * all weights (R `quantile(w, q, type = 7)`). Both are stated in the output.
 * References: Hirano K, Imbens GW (2001), Health Serv Outcomes Res Methodol 2:259–278; Li F,
 * Morgan KL, Zaslavsky AM (2018), J Am Stat Assoc 113:390–400 (overlap weights); Crump RK et
 * al. (2009), Biometrika 96:187–199.
 */
export type Estimand = 'ATE' | 'ATT' | 'ATO';

export function balancingWeights(scores: readonly number[], exposed: readonly number[], estimand: Estimand): number[] {
  return scores.map((e, i) => {
    const a = exposed[i]!;
    if (estimand === 'ATE') return a === 1 ? 1 / e : 1 / (1 - e);
    if (estimand === 'ATT') return a === 1 ? 1 : e / (1 - e);
    return a === 1 ? 1 - e : e;
  });
}

/** R `quantile(x, q, type = 7)`. */
export function quantileType7(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Weights capped at their q-quantile, with the cap and how many were capped. */
export function truncateWeights(weights: readonly number[], q: number): { weights: number[]; cap: number; truncated: number } {
  const cap = quantileType7(weights, q);
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

