import { HtaError } from '../../errors.js';
import { ancovaDesign, ancovaFit, type MiAncovaSpec } from './mi-ancova.js';
import { poolRubin } from './rubin-rules.js';

export interface TippingPointOptions extends MiAncovaSpec {
  /** Shifts δ ≥ 0 to try, in outcome units; 0 is added when absent. */
  deltas: readonly number[];
  /** Outcome polarity: δ moves imputed intervention values the unfavourable way. */
  direction: 'higher-is-better' | 'lower-is-better';
  /** Significance level (default 0.05). */
  alpha?: number;
  /** Bisect between the last significant and the first non-significant grid δ (default true). */
  refine?: boolean;
}

export interface TippingPointRow {
  delta: number;
  estimate: number;
  se: number;
  df: number;
  ciLower: number;
  ciUpper: number;
  pValue: number;
  significant: boolean;
}

export interface TippingPointResult {
  method: 'delta-adjusted-mi';
  analysis: 'ancova';
  pooling: 'rubin-1987';
  shiftedArm: 'intervention';
  direction: 'higher-is-better' | 'lower-is-better';
  /** Imputed intervention values are shifted by this sign × δ (−1 when higher is better). */
  shiftSign: 1 | -1;
  alpha: number;
  /** Imputed outcome values in the intervention arm (those that get shifted). */
  nImputedIntervention: number;
  rows: TippingPointRow[];
  significantAtZero: boolean;
  /** Smallest grid δ with p ≥ α (null: significant over the whole grid, or not at δ = 0). */
  tippingDeltaGrid: number | null;
  /** Same, refined by bisection to where p crosses α (equals the grid value when refine = false). */
  tippingDelta: number | null;
}

/**
 * Delta-adjusted (tipping-point) sensitivity analysis for a missing-at-random MI analysis: the
 * imputed outcome values of the intervention arm are made worse by δ,
 *
 *   ỹ_i = ẏ_i + s·δ   (imputed, intervention arm; s = +1 if lower is better, −1 if higher is better)
 *
 * in every completed data set, the ANCOVA is re-fitted and Rubin-pooled (as `miAncova`), over a
 * grid of δ ≥ 0. The tipping point is the smallest δ at which the pooled arm effect is no longer
 * significant (p ≥ α): how much worse than MAR the unobserved intervention patients would have to
 * be to overturn the conclusion. Observed values and the control arm are never changed.
 *
 * R equivalent: `imp$imp$y[...] + delta` per data set then `pool(with(imp, lm(y ~ arm + …)))`
 * (or mice's `mice.impute.mnar.norm` with `ums = "delta"` for imputation-time shifts), looped
 * over δ. References: Ratitch B, O'Kelly M, Tosiello R (2013) Missing data in clinical trials:
 * from clinical assumptions to statistical analysis using pattern mixture models, Pharm Stat
 * 12:337–347, doi:10.1002/pst.1549; van Buuren S (2018) Flexible Imputation of Missing Data,
 * §9.2, doi:10.1201/9780429492259; Rubin DB (1987) doi:10.1002/9780470316696.
 *
 * Preconditions: `completed` are the m ≥ 2 completed data sets of one imputation run, and
 * `imputed[i]` is true where the outcome was missing (e.g. `chainedEquations(...).missing[outcome]`);
 * deltas finite and ≥ 0.
 *
 * @throws HtaError('usage.invalid') for a negative δ or a mask of the wrong length.
 * @example
 *   tippingPoint(imp.completed, imp.missing.y_9m, { outcome: 'y_9m', treated: 'arm',
 *     baseline: 'baseline', covariates: ['sex'], deltas: [0, 1, 2, 3, 4, 5], direction: 'lower-is-better' })
 *   // → { tippingDeltaGrid: 4, tippingDelta: 3.984…, rows: [...] } (fixture missing-tipping.json)
 */
export function tippingPoint(
  completed: readonly Record<string, readonly number[]>[],
  imputed: readonly boolean[],
  options: TippingPointOptions,
): TippingPointResult {
  const alpha = options.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) throw new HtaError('usage.invalid', `alpha must lie in (0, 1), got ${alpha}.`);
  if (options.deltas.some((d) => !Number.isFinite(d) || d < 0)) {
    throw new HtaError('usage.invalid', `Tipping-point deltas must be finite and ≥ 0 (the direction is set by 'direction'), got [${options.deltas.join(', ')}].`);
  }
  const first = completed[0];
  if (!first) throw new HtaError('analysis.failed', 'Tipping point needs the completed data sets of a multiple imputation.');
  const arm = first[options.treated];
  if (!arm) throw new HtaError('input.invalid', `Completed data sets have no column ${JSON.stringify(options.treated)}.`);
  if (imputed.length !== arm.length) {
    throw new HtaError('usage.invalid', `Imputed mask has ${imputed.length} entries but the data have ${arm.length} rows.`);
  }
  const shiftSign: 1 | -1 = options.direction === 'higher-is-better' ? -1 : 1;
  const shifted = completed.map((d) => d[options.treated]!.map((a, i) => a === 1 && imputed[i] === true));
  const nImputedIntervention = shifted[0]!.filter(Boolean).length;

  // OLS is linear in the response: shifting y by δ·v (v_i = s where shifted, else 0) moves the
  // coefficients by δ·b̂(v) and the residuals by δ·e(v). Two fits per data set therefore give
  // every δ exactly, τ̂(δ) = τ̂(y) + δ·τ̂(v) and RSS(δ) = ‖e(y) + δ·e(v)‖², instead of m refits
  // per δ (the grid plus its bisection would otherwise take ~60·m least-squares fits).
  const perSet = completed.map((d, l) => {
    const { x, y, p } = ancovaDesign(d, options);
    const mask = shifted[l]!;
    const base = ancovaFit(x, y);
    const shift = ancovaFit(x, mask.map((on) => (on ? shiftSign : 0)));
    let cross = 0;
    for (let i = 0; i < y.length; i++) cross += base.residuals[i]! * shift.residuals[i]!;
    return {
      tau: base.coefficients[1]!, tauShift: shift.coefficients[1]!,
      rss: base.rss, rssShift: shift.rss, cross,
      dfResidual: y.length - p, unscaled: base.covUnscaled[p + 1]!,
    };
  });
  const confLevel = options.confLevel ?? 0.95;
  const analyse = (delta: number): TippingPointRow => {
    const q = perSet.map((f) => f.tau + delta * f.tauShift);
    const u = perSet.map((f) => ((f.rss + 2 * delta * f.cross + delta * delta * f.rssShift) / f.dfResidual) * f.unscaled);
    const r = poolRubin(q, u, perSet[0]!.dfResidual, confLevel);
    return { delta, estimate: r.estimate, se: r.se, df: r.df, ciLower: r.ciLower, ciUpper: r.ciUpper, pValue: r.pValue, significant: r.pValue < alpha };
  };

  const grid = [...new Set([0, ...options.deltas])].sort((a, b) => a - b);
  const rows = grid.map(analyse);
  const significantAtZero = rows[0]!.significant;
  const lostAt = significantAtZero ? rows.findIndex((r) => !r.significant) : -1;
  const tippingDeltaGrid = lostAt > 0 ? rows[lostAt]!.delta : null;
  let tippingDelta = tippingDeltaGrid;
  if (tippingDeltaGrid !== null && (options.refine ?? true)) {
    let lo = rows[lostAt - 1]!.delta;
    let hi = tippingDeltaGrid;
    for (let k = 0; k < 40 && hi - lo > 1e-9 * Math.max(1, hi); k++) {
      const mid = 0.5 * (lo + hi);
      if (analyse(mid).significant) lo = mid;
      else hi = mid;
    }
    tippingDelta = hi;
  }
  return {
    method: 'delta-adjusted-mi',
    analysis: 'ancova',
    pooling: 'rubin-1987',
    shiftedArm: 'intervention',
    direction: options.direction,
    shiftSign,
    alpha,
    nImputedIntervention,
    rows,
    significantAtZero,
    tippingDeltaGrid,
    tippingDelta,
  };
}
