/**
 * Kish's effective sample size of a weighted sample, (Σw)²/Σw² (Kish 1965, Survey Sampling):
 * how many unweighted patients carry as much information. Shared by the observational weights,
 * raking and the inverse-odds transport.
 */
export function effectiveSampleSize(weights: readonly number[]): number {
  let s = 0;
  let s2 = 0;
  for (const w of weights) {
    s += w;
    s2 += w * w;
  }
  return (s * s) / s2;
}
