/**
 * Whether a reported estimate sits in the middle of its 95% CI, as it must: a mean, standardised
 * mean or risk difference's Wald interval is symmetric about the estimate, a risk or odds ratio's
 * is symmetric on the log scale (docs/input-studies.md, "An estimate off the centre of its
 * interval"). Published numbers are rounded, so an asymmetry is only counted beyond what
 * rounding each value to the digits it is written with can explain.
 */

/** Digits after the decimal mark as written: `-1.51` → 2, `2` → 0; null for `1e-3` (unknown). */
export function decimalsOf(text: string): number | null {
  const t = text.trim();
  if (/e/i.test(t)) return null;
  const m = /[.,](\d+)\s*$/.exec(t);
  return m ? (m[1] as string).length : 0;
}

export type IntervalScale = 'identity' | 'log';

export interface IntervalShape {
  /** Distance from the lower bound to the estimate, on the scale (log for ratios). */
  below: number;
  /** Distance from the estimate to the upper bound, on the scale. */
  above: number;
  /** The most |above − below| that rounding each value to its digits can produce. */
  tolerance: number;
  /** |above − below| beyond the tolerance. */
  beyondRounding: boolean;
  /** |above − below| / (above + below): 0 symmetric, 1 the estimate on a bound. */
  share: number;
  /**
   * The share at its least once each value may be off by its rounding: (|above − below| − tolerance)
   * over the widest the interval may be, floored at 0. What a refusal is judged on, so `0.1 [0.0, 0.6]`
   * (which may be 0.14 [-0.04, 0.55]) is not refused for its coarse digits.
   */
  leastShare: number;
}

/** Half a unit of the last digit written; with unknown digits, none. */
const halfUnit = (d: number | null) => (d === null ? 0 : 0.5 * 10 ** -d);

/** How far rounding to ±u moves log(x) at most (infinite when x itself may be 0). */
function logError(x: number, u: number): number {
  return x > u ? Math.log(x / (x - u)) : Infinity;
}

export interface Digits {
  estimate: number | null;
  lower: number | null;
  upper: number | null;
}

/** The shape of `estimate [lower, upper]` on the scale (all three > 0 for `log`). */
export function intervalShape(estimate: number, lower: number, upper: number, digits: Digits, scale: IntervalScale): IntervalShape {
  const f = scale === 'log' ? Math.log : (x: number) => x;
  const below = f(estimate) - f(lower);
  const above = f(upper) - f(estimate);
  const [ue, ul, uu] = [halfUnit(digits.estimate), halfUnit(digits.lower), halfUnit(digits.upper)];
  // above − below = f(upper) + f(lower) − 2 f(estimate): each term's rounding error adds up.
  const tolerance = scale === 'log' ? logError(upper, uu) + logError(lower, ul) + 2 * logError(estimate, ue) : uu + ul + 2 * ue;
  const gap = Math.abs(above - below);
  // A hair above the tolerance is floating point (0.1 + 0.2), not the paper.
  const beyondRounding = gap > tolerance + 1e-9;
  const width = above + below;
  const widest = width + (scale === 'log' ? logError(upper, uu) + logError(lower, ul) : uu + ul);
  const leastShare = beyondRounding && Number.isFinite(widest) && widest > 0 ? (gap - tolerance) / widest : 0;
  return { below, above, tolerance, beyondRounding, share: width > 0 ? gap / width : 0, leastShare };
}

/**
 * A shape far enough from symmetric to refuse (leastShare above it): one side more than four times
 * the other even rounded most favourably, i.e. the estimate within the outer fifth of its interval.
 * A typo does that (`-1.9 [-2.0, 0.2]`: 21 times, leastShare 0.78); a genuine asymmetric interval
 * rarely does: a bootstrap percentile interval of a mean whose sampling distribution is as skewed
 * as an exponential (skewness 2) has sides 0.98 and 2.69 (share 0.47), a Newcombe (Wilson score)
 * interval of a risk difference less (docs/input-studies.md, "An estimate off the centre of its
 * interval"). Between WARN_SHARE and this: a warning naming the row.
 */
export const REFUSE_SHARE = 0.6;
/** Beyond rounding and more than this share: a warning (check the source), not a refusal. */
export const WARN_SHARE = 0.1;
