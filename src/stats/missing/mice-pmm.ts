import type { Random } from '../random.js';
import { type Design, designOfRows, designPredictor, normDrawDesign } from './mice-norm.js';

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
  return imputePmmDesign(yObs, designOfRows(xObs), designOfRows(xMis), rng, donors);
}

/** {@link imputePmm} on designs (see mice-norm.ts's `Design`), as the imputation loop calls it. */
export function imputePmmDesign(yObs: ArrayLike<number>, xObs: Design, xMis: Design, rng: Random, donors = 5): number[] {
  const draw = normDrawDesign(xObs, yObs, rng);
  const nObs = xObs.n;
  const { yhatObs, sorted, order, spare } = buffers(nObs);
  for (let i = 0; i < nObs; i++) yhatObs[i] = designPredictor(draw.coef, xObs, i);
  const k = Math.max(1, Math.min(donors, yObs.length));
  // Shuffle before a stable sort so that ties in ŷ_obs are broken at random (as mice's matchindex).
  for (let i = 0; i < nObs; i++) order[i] = i;
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  stableSortByKey(order, yhatObs, spare);
  for (let i = 0; i < nObs; i++) sorted[i] = yhatObs[order[i]!]!;
  const out = new Array<number>(xMis.n);
  const pool = new Int32Array(k);
  for (let r = 0; r < xMis.n; r++) {
    const target = designPredictor(draw.beta, xMis, r);
    // k nearest neighbours of target in the sorted ŷ_obs: expand a window around the insertion point.
    let hi = lowerBound(sorted, target);
    let lo = hi - 1;
    for (let size = 0; size < k; size++) {
      const left = lo >= 0 ? target - sorted[lo]! : Infinity;
      const right = hi < nObs ? sorted[hi]! - target : Infinity;
      if (left <= right) pool[size] = order[lo--]!;
      else pool[size] = order[hi++]!;
    }
    out[r] = yObs[pool[rng.int(k)]!]!;
  }
  return out;
}

/**
 * Sorts the indices `order` by `key[index]`, ascending and stable (equal keys keep their order):
 * the order `Array.prototype.sort` gives with `(a, b) => key[a] − key[b]` for finite keys, without
 * a comparator call per comparison (insertion sort of short runs, then merges). `spare` (at least
 * as long as `order`) is scratch space.
 */
export function stableSortByKey(order: Int32Array, key: Float64Array, spare: Int32Array = new Int32Array(order.length)): void {
  const n = order.length;
  const RUN = 16;
  for (let start = 0; start < n; start += RUN) {
    const end = Math.min(start + RUN, n);
    for (let i = start + 1; i < end; i++) {
      const v = order[i]!;
      const kv = key[v]!;
      let j = i - 1;
      while (j >= start && key[order[j]!]! > kv) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = v;
    }
  }
  if (n <= RUN) return;
  let src: Int32Array = order;
  let dst: Int32Array = spare.subarray(0, n);
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let a = lo;
      let b = mid;
      let o = lo;
      while (a < mid && b < hi) dst[o++] = key[src[b]!]! < key[src[a]!]! ? src[b++]! : src[a++]!;
      while (a < mid) dst[o++] = src[a++]!;
      while (b < hi) dst[o++] = src[b++]!;
    }
    [src, dst] = [dst, src];
  }
  if (src !== order) order.set(src);
}

let scratch = { yhat: new Float64Array(0), sorted: new Float64Array(0), order: new Int32Array(0), spare: new Int32Array(0) };

/**
 * Buffers of length n reused from call to call (the imputation loop calls PMM tens of thousands
 * of times; nothing of them outlives a call).
 */
function buffers(n: number): { yhatObs: Float64Array; sorted: Float64Array; order: Int32Array; spare: Int32Array } {
  if (scratch.yhat.length < n) {
    const size = Math.max(n, 2 * scratch.yhat.length);
    scratch = { yhat: new Float64Array(size), sorted: new Float64Array(size), order: new Int32Array(size), spare: new Int32Array(size) };
  }
  return { yhatObs: scratch.yhat.subarray(0, n), sorted: scratch.sorted.subarray(0, n), order: scratch.order.subarray(0, n), spare: scratch.spare };
}

function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
