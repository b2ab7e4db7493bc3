/**
 * Sample mean and variance computed so that a constant shift of the data does not cost digits.
 *
 *   mean     = c + Σ(xᵢ − c) / n            with c = x₁ (shifted data, exact for constant data)
 *   variance = Σ(xᵢ − mean)² / (n − 1)      two-pass (centre first, then square)
 *
 * = R `mean(x)`, `var(x)`. The one-pass Σx² − n·x̄² formula loses every digit when x ≈ 1e8
 * (Chan, Golub & LeVeque 1983, Am Stat 37:242–247, doi:10.1080/00031305.1983.10483115).
 * Preconditions: finite numbers; `sampleMean` needs n ≥ 1, `sampleVariance` n ≥ 2 (callers check).
 * Example: sampleMean([1e8 + 1, 1e8 + 2, 1e8 + 3]) = 1e8 + 2; sampleVariance of the same = 1.
 */
export function sampleMean(values: readonly number[]): number {
  const shift = values[0] ?? 0;
  return shift + shiftedMean(values, shift);
}

/**
 * Mean of (xᵢ − shift). Two arms shifted by the same constant give a difference in means that
 * does not depend on how far the data sit from zero.
 */
export function shiftedMean(values: readonly number[], shift: number): number {
  let sum = 0;
  for (const v of values) sum += v - shift;
  return sum / values.length;
}

/** Sample variance with the n − 1 denominator (= R `var(x)`), centred at the mean before squaring. */
export function sampleVariance(values: readonly number[], mean = sampleMean(values)): number {
  let ss = 0;
  let s = 0;
  for (const v of values) {
    const d = v - mean;
    ss += d * d;
    s += d;
  }
  // Corrected two-pass: subtracts the rounding error left in the mean (Chan et al. 1983, eq. 1.7).
  const n = values.length;
  return (ss - (s * s) / n) / (n - 1);
}
