import type { Random } from '../random.js';
import { linearPredictor, normDraw } from './mice-norm.js';

/**
 * Predictive mean matching, type-1 matching as mice (van Buuren 2018, §3.4.2):
 *
 *   1. (β̂, β*, σ*) from the Bayesian regression draw on the observed rows (`.norm.draw`);
 *   2. ŷ_obs = X_obs·β̂ (least-squares fit) and ŷ_mis = X_mis·β* (drawn coefficients);
 *   3. for each missing row, the `donors` observed rows with the closest ŷ_obs form the donor pool
 *      (ties broken at random), and one donor's *observed* y is taken at random.
 *
 * R equivalent: `mice.impute.pmm(y, ry, x, donors = 5L, matchtype = 1L)`.
 * References: Little RJA (1988) Missing-data adjustments in large surveys, J Bus Econ Stat 6:287–296,
 * doi:10.1080/07350015.1988.10509663; van Buuren S, Groothuis-Oudshoorn K (2011) mice,
 * doi:10.18637/jss.v045.i03; van Buuren S (2018) Flexible Imputation of Missing Data, 2nd ed.,
 * doi:10.1201/9780429492259.
 *
 * Preconditions: `yObs` non-empty, rows of `xObs`/`xMis` of equal width, all finite, donors ≥ 1.
 * Imputed values are always values that were observed.
 * @example imputePmm([1, 2, 3, 10], [[1], [2], [3], [10]], [[9]], createRandom(3)) // e.g. [10] or [3]
 */
export function imputePmm(
  yObs: readonly number[],
  xObs: readonly (readonly number[])[],
  xMis: readonly (readonly number[])[],
  rng: Random,
  donors = 5,
): number[] {
  const draw = normDraw(xObs, yObs, rng);
  const yhatObs = xObs.map((row) => linearPredictor(draw.coef, row));
  const yhatMis = xMis.map((row) => linearPredictor(draw.beta, row));
  const k = Math.max(1, Math.min(donors, yObs.length));
  // Shuffle before a stable sort so that ties in ŷ_obs are broken at random (as mice's matchindex).
  const order = yhatObs.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  order.sort((a, b) => yhatObs[a]! - yhatObs[b]!);
  const sorted = order.map((i) => yhatObs[i]!);
  return yhatMis.map((target) => {
    // k nearest neighbours of target in the sorted ŷ_obs: expand a window around the insertion point.
    let hi = lowerBound(sorted, target);
    let lo = hi - 1;
    const pool: number[] = [];
    while (pool.length < k) {
      const left = lo >= 0 ? target - sorted[lo]! : Infinity;
      const right = hi < sorted.length ? sorted[hi]! - target : Infinity;
      if (left <= right) pool.push(order[lo--]!);
      else pool.push(order[hi++]!);
    }
    return yObs[pool[rng.int(pool.length)]!]!;
  });
}

function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
