/**
 * Item-response models for simulating questionnaire answers whose summed score follows a target.
 *
 * Both models share one latent trait θ per respondent and occasion; items are independent given
 * θ (local independence), so they correlate across respondents exactly as much as θ varies.
 *
 *  - `binaryItemScale` — two-parameter logistic with a common discrimination a (a = 1 is the
 *    Rasch model): P(item k = 1 | θ) = 1 / (1 + exp(−a (θ − d_k))), d_k the item's difficulty.
 *    (Birnbaum A. In: Lord FM, Novick MR. Statistical Theories of Mental Test Scores, 1968.)
 *  - `ratingScaleItems` — Andrich's rating-scale model for items scored 0…m:
 *    P(X_j = x | θ) ∝ exp(Σ_{k=1..x} (θ − δ_j − τ_k)), δ_j the item location, τ_k thresholds
 *    shared by all items (Andrich D. Psychometrika 1978;43:561–573, doi:10.1007/BF02293814).
 *
 * The test characteristic curve E[Σ items | θ] is strictly increasing in θ, so a target expected
 * sum T maps back to one θ (`thetaForSum`); answers drawn at that θ have expected sum exactly T.
 * The inverse is read from a table of the curve on a fine θ grid with linear interpolation
 * (error far below one item point).
 */
import type { Random } from '../stats/random.js';

export interface ItemScale {
  /** Number of items. */
  readonly items: number;
  /** Largest possible summed score. */
  readonly maxSum: number;
  /** E[Σ items | θ]. */
  expectedSum(theta: number): number;
  /** θ with expectedSum(θ) = target; target is clamped into the curve's grid range. */
  thetaForSum(target: number): number;
  /** One answer per item at θ, written into `out` (length `items`). */
  sample(theta: number, rng: Random, out: number[]): void;
}

const GRID_MIN = -12;
const GRID_MAX = 12;
const GRID_STEP = 0.005;

/** The logistic function 1 / (1 + e^(−x)). */
export const expit = (x: number) => 1 / (1 + Math.exp(-x));

/** Inverse of a strictly increasing function tabulated on the θ grid. */
function inverseCurve(curve: (theta: number) => number): (target: number) => number {
  const n = Math.round((GRID_MAX - GRID_MIN) / GRID_STEP) + 1;
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) ys[i] = curve(GRID_MIN + i * GRID_STEP);
  return (target) => {
    if (target <= ys[0]!) return GRID_MIN;
    if (target >= ys[n - 1]!) return GRID_MAX;
    let lo = 0, hi = n - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (ys[mid]! <= target) lo = mid;
      else hi = mid;
    }
    const y0 = ys[lo]!, y1 = ys[hi]!;
    return GRID_MIN + (lo + (target - y0) / (y1 - y0)) * GRID_STEP;
  };
}

/** Binary (0/1) items under the 2PL model with common discrimination. */
export function binaryItemScale(difficulties: readonly number[], discrimination: number): ItemScale {
  const expectedSum = (theta: number) => {
    let s = 0;
    for (const d of difficulties) s += expit(discrimination * (theta - d));
    return s;
  };
  return {
    items: difficulties.length,
    maxSum: difficulties.length,
    expectedSum,
    thetaForSum: inverseCurve(expectedSum),
    sample(theta, rng, out) {
      for (let k = 0; k < difficulties.length; k++) {
        out[k] = rng.uniform() < expit(discrimination * (theta - difficulties[k]!)) ? 1 : 0;
      }
    },
  };
}

/** Items scored 0…thresholds.length under Andrich's rating-scale model. */
export function ratingScaleItems(locations: readonly number[], thresholds: readonly number[]): ItemScale {
  const m = thresholds.length;
  const weights = new Float64Array(m + 1);
  /** Unnormalised category weights of one item at θ into `weights`; returns their total. */
  const categoryWeights = (theta: number, location: number): number => {
    let logit = 0;
    let total = (weights[0] = 1);
    for (let x = 1; x <= m; x++) {
      logit += theta - location - thresholds[x - 1]!;
      total += weights[x] = Math.exp(logit);
    }
    return total;
  };
  const expectedSum = (theta: number) => {
    let s = 0;
    for (const location of locations) {
      const total = categoryWeights(theta, location);
      let e = 0;
      for (let x = 1; x <= m; x++) e += x * weights[x]!;
      s += e / total;
    }
    return s;
  };
  return {
    items: locations.length,
    maxSum: locations.length * m,
    expectedSum,
    thetaForSum: inverseCurve(expectedSum),
    sample(theta, rng, out) {
      for (let j = 0; j < locations.length; j++) {
        const total = categoryWeights(theta, locations[j]!);
        let u = rng.uniform() * total;
        let x = 0;
        while (x < m && u >= weights[x]!) u -= weights[x++]!;
        out[j] = x;
      }
    },
  };
}
