/**
 * Descriptive summary of one sample: n, mean, SD, median, quartiles, range.
 *
 *   mean = Σxᵢ / n (computed on shifted data), sd = √(Σ(xᵢ − mean)² / (n − 1))
 *   quantile(p) (R type 7) with sorted x₍₁₎ ≤ … ≤ x₍ₙ₎, h = (n − 1)·p, j = ⌊h⌋:
 *     Q(p) = x₍ⱼ₊₁₎ + (h − j)·(x₍ⱼ₊₂₎ − x₍ⱼ₊₁₎)
 *
 * = R `c(n = length(x), mean = mean(x), sd = sd(x), quantile(x, c(.25, .5, .75), type = 7),
 *   min = min(x), max = max(x))`.
 * Reference: Hyndman RJ, Fan Y (1996), Sample quantiles in statistical packages, Am Stat
 * 50:361–365, doi:10.1080/00031305.1996.10473566 (definition 7).
 * Preconditions: finite numbers (throws `analysis.failed` otherwise). Empty input gives n = 0 and
 * null everywhere else; one value gives sd = null (the n − 1 SD is undefined), never NaN.
 * Example: describe([1, 2, 3, 4]) → { n: 4, mean: 2.5, sd: 1.290994, median: 2.5, q1: 1.75,
 * q3: 3.25, min: 1, max: 4 }.
 */
import { analysisFailed } from './arm-size.js';
import { sampleMean, sampleVariance } from './sample-moments.js';

export interface Description {
  n: number;
  mean: number | null;
  /** SD with the n − 1 denominator; null when n < 2. */
  sd: number | null;
  median: number | null;
  /** First quartile, R `quantile(type = 7)`. */
  q1: number | null;
  /** Third quartile, R `quantile(type = 7)`. */
  q3: number | null;
  min: number | null;
  max: number | null;
  quantileType: 7;
}

/** Quantile of already sorted values by R's type 7 rule (linear interpolation of order statistics). */
export function quantileSortedType7(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const j = Math.floor(h);
  const lo = sorted[j] as number;
  const hi = sorted[Math.min(j + 1, sorted.length - 1)] as number;
  return lo + (h - j) * (hi - lo);
}

export function describe(values: readonly number[]): Description {
  const bad = values.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw analysisFailed(`value ${String(values[bad])} at position ${bad + 1} is not a finite number`);
  const n = values.length;
  if (n === 0) {
    return { n: 0, mean: null, sd: null, median: null, q1: null, q3: null, min: null, max: null, quantileType: 7 };
  }
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sampleMean(values);
  return {
    n,
    mean,
    sd: n < 2 ? null : Math.sqrt(sampleVariance(values, mean)),
    median: quantileSortedType7(sorted, 0.5),
    q1: quantileSortedType7(sorted, 0.25),
    q3: quantileSortedType7(sorted, 0.75),
    min: sorted[0] as number,
    max: sorted[n - 1] as number,
    quantileType: 7,
  };
}
