import type { Random } from '../random.js';
import { type DrawFit, leastSquaresForDraw } from './least-squares.js';
import { type Design, designOfRows, designPredictor, normDrawFromFit } from './mice-norm.js';

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
  return imputePmmPrepared(preparePmm(yObs, xObs), xMis, rng, donors);
}

/**
 * What PMM computes from the observed rows alone, without a random draw: the least-squares fit,
 * the fitted values ŷ_obs sorted ascending, and per observed row where its tie group (its ŷ
 * under ===) starts in that sorted list. The chained equations keep it while the observed rows
 * do not change (chained-equations.ts), so each iteration only draws.
 */
export interface PmmPrepared {
  fit: DrawFit;
  yObs: ArrayLike<number>;
  /** Sorted ŷ_obs (ascending; −0 before +0 within a tie group, which no comparison here tells apart). */
  sortedYhat: Float64Array;
  /** Per observed row, the index in `sortedYhat` of the first value equal to its ŷ. */
  groupStart: Int32Array;
  /**
   * y of the row at each position of `sortedYhat` when every tie group's rows have the same y
   * (Object.is; no ties at all, or only the copies of a patient that a bootstrap draws): then the
   * order within a group, which the shuffle sets, changes no donor's value. Else undefined.
   */
  yByPosition: Float64Array | undefined;
}

/** Space for a {@link PmmPrepared} of n observed rows: each array at least n long. */
export interface PmmStore {
  sortedYhat: Float64Array;
  groupStart: Int32Array;
  yByPosition: Float64Array;
  /** Where the fit's R⁻¹ goes (p × p). */
  covRoot?: Float64Array;
}

/**
 * {@link PmmPrepared} of the observed rows; it refers to `yObs`, which must not change while it
 * serves. Its arrays are `store`'s, or without one, buffers that the next call reuses (for a
 * single {@link imputePmmPrepared} right after).
 */
export function preparePmm(yObs: ArrayLike<number>, xObs: Design, store?: PmmStore): PmmPrepared {
  const fit = leastSquaresForDraw(xObs.x, xObs.n, xObs.p, yObs, store?.covRoot);
  const n = xObs.n;
  const s = buffers(n);
  const yhat = s.yhat;
  const sortedYhat = (store?.sortedYhat ?? s.sorted).subarray(0, n);
  const groupStart = (store?.groupStart ?? s.start).subarray(0, n);
  let yByPosition: Float64Array | undefined = (store?.yByPosition ?? s.yByPosition).subarray(0, n);
  for (let i = 0; i < n; i++) yhat[i] = designPredictor(fit.coefficients, xObs, i);
  sortTieGroups(yhat, n, sortedYhat, groupStart);
  const used = s.used;
  used.fill(0, 0, n);
  for (let i = 0; i < n && yByPosition; i++) {
    const g = groupStart[i]!;
    if (used[g] === 0) yByPosition[g] = yObs[i]!;
    else if (!Object.is(yByPosition[g], yObs[i])) yByPosition = undefined;
    used[g] = 1;
  }
  if (yByPosition) for (let i = 1; i < n; i++) if (used[i] === 0) yByPosition[i] = yByPosition[i - 1]!;
  return { fit, yObs, sortedYhat, groupStart, yByPosition };
}

/**
 * `sorted` ← key[0 … n) sorted ascending (the typed array's own numeric sort, no comparator call),
 * and `groupStart[i]` ← the first index in `sorted` of a value equal to key[i] (=== ; −0 = +0).
 */
export function sortTieGroups(key: Float64Array, n: number, sorted: Float64Array, groupStart: Int32Array): void {
  sorted.set(key.subarray(0, n));
  sorted.sort();
  for (let i = 0; i < n; i++) groupStart[i] = lowerBound(sorted, n, key[i]!);
}

/**
 * `placed` ← the rows 0 … n−1 in the order of a stable sort by key of their order in `shuffled`
 * (the order `[...shuffled].sort((a, b) => key[a] − key[b])` gives for finite keys): each row of
 * `shuffled` in turn takes the next free slot of its tie group (see {@link sortTieGroups}), with
 * no comparison at all. `used` is scratch space of length n.
 */
export function placeByTieGroup(shuffled: Int32Array, groupStart: Int32Array, n: number, placed: Int32Array, used: Int32Array): void {
  used.fill(0, 0, n);
  for (let t = 0; t < n; t++) {
    const row = shuffled[t]!;
    const g = groupStart[row]!;
    placed[g + used[g]!++] = row;
  }
}

/**
 * Steps 1–3 of PMM given {@link preparePmm} of the observed rows: the same draws from `rng` in the
 * same order as always (χ², normals, the shuffle, the donors), the same donors.
 *
 * The donor order is that of a stable sort by ŷ_obs of the rows shuffled at random (so ties are
 * broken at random, as mice's matchindex): {@link placeByTieGroup}. When that order cannot change
 * a donor's value (`yByPosition`), the shuffle's draws are only skipped over.
 */
export function imputePmmPrepared(prep: PmmPrepared, xMis: Design, rng: Random, donors = 5): number[] {
  const draw = normDrawFromFit(prep.fit, rng);
  const { yObs, sortedYhat, groupStart } = prep;
  const nObs = sortedYhat.length;
  const k = Math.max(1, Math.min(donors, yObs.length));
  let yAt = prep.yByPosition;
  if (yAt) {
    // Fisher–Yates below draws rng.int(i + 1) for i = n − 1 … 1: one step of the stream each.
    rng.skip(nObs - 1);
  } else {
    const { order, placed, yhat, used } = buffers(nObs);
    for (let i = 0; i < nObs; i++) order[i] = i;
    for (let i = nObs - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    placeByTieGroup(order, groupStart, nObs, placed, used);
    yAt = yhat;
    for (let i = 0; i < nObs; i++) yAt[i] = yObs[placed[i]!]!;
  }
  // `sortedYhat[i]` === ŷ of the row at position i (equal within a tie group; ±0 differ only in
  // sign, and the distances below are only compared, where −0 = +0), so it serves as the sorted ŷ_obs.
  const out = new Array<number>(xMis.n);
  for (let r = 0; r < xMis.n; r++) {
    const target = designPredictor(draw.beta, xMis, r);
    // The k nearest neighbours of target in the sorted ŷ_obs, by a window expanding around the
    // insertion point; the donor is the pick-th of them, pick drawn (as ever) after the window.
    let hi = lowerBound(sortedYhat, nObs, target);
    let lo = hi - 1;
    const pick = rng.int(k);
    let at = 0;
    for (let size = 0; size <= pick; size++) {
      const left = lo >= 0 ? target - sortedYhat[lo]! : Infinity;
      const right = hi < nObs ? sortedYhat[hi]! - target : Infinity;
      at = left <= right ? lo-- : hi++;
    }
    out[r] = yAt[at]!;
  }
  return out;
}

let scratch = {
  yhat: new Float64Array(0), sorted: new Float64Array(0), yByPosition: new Float64Array(0), start: new Int32Array(0),
  order: new Int32Array(0), placed: new Int32Array(0), used: new Int32Array(0),
};

/**
 * Buffers of length ≥ n reused from call to call (the imputation loop calls PMM tens of thousands
 * of times; nothing of them outlives a call, except a non-kept {@link PmmPrepared} until the next).
 */
function buffers(n: number): typeof scratch {
  if (scratch.yhat.length < n) {
    const size = Math.max(n, 2 * scratch.yhat.length);
    scratch = {
      yhat: new Float64Array(size), sorted: new Float64Array(size), yByPosition: new Float64Array(size), start: new Int32Array(size),
      order: new Int32Array(size), placed: new Int32Array(size), used: new Int32Array(size),
    };
  }
  return scratch;
}

/**
 * The first index i < n with sorted[i] ≥ x (n if none; no NaN in `sorted`). A search whose steps
 * depend on n alone, the comparison turned into a mask rather than a branch: the CEA bootstrap
 * searches tens of millions of times, and half of a branchy search's steps are mispredicted.
 */
function lowerBound(sorted: Float64Array, n: number, x: number): number {
  if (n === 0) return 0;
  let base = 0;
  let len = n;
  while (len > 1) {
    const half = len >>> 1;
    base += half & -(sorted[base + half - 1]! < x);
    len -= half;
  }
  return base + +(sorted[base]! < x);
}
