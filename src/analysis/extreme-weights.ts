/**
 * Whether a transported row's weights are extreme (docs/subgroups.md#extreme-weights): the same
 * rule as the observational analysis's weights (docs/observational.md §5) — the effective sample
 * size under half the patients analysed, or a weight more than 10 times the mean weight. The
 * estimate then rests on a few patients, and a design-based CI that treats the weights as fixed
 * is too narrow to read as a finding (a near-separated membership model gave eff. n 1.5 of 370
 * patients, weights to 305, and a "significant" CI of one unit).
 */
export const ESS_SHARE = 0.5;
export const MAX_RELATIVE_WEIGHT = 10;

export function weightsExtreme(w: { effectiveSampleSize: number; max: number }, patients: number, meanWeight = 1): boolean {
  return w.effectiveSampleSize < ESS_SHARE * patients || w.max > MAX_RELATIVE_WEIGHT * meanWeight;
}
