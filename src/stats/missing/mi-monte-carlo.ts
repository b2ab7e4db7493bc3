/**
 * The Monte Carlo error of a multiply imputed result: with a finite number m of imputations the
 * pooled estimate and its CI limits would move by about their MCSE if the imputation were run
 * again with another seed (White IR, Royston P, Wood AM 2011, Multiple imputation using chained
 * equations: issues and guidance for practice, Stat Med 30:377–399, doi:10.1002/sim.4067,
 * section 7):
 *
 *   MCSE(q̄) = √(B/m);  MCSE of a CI limit by the jackknife over imputations: the limit θ_(−i)
 *   pooled without imputation i, MCSE = √((m − 1)/m · Σ (θ_(−i) − θ̄_(−))²)
 *
 * (the jackknife of q̄ is √(B/m) itself). Their rule of thumb: an MCSE of at most 10% of the
 * estimate's SE, about m ≥ 100 × the fraction of missing information (FMI).
 * R check: test/reference/mi-gaps.R (the MCSE against the SD of mice's estimate over 30 seeds).
 *
 * What decides the verdict (the pooled p against alpha, the CI limits and the estimate against
 * ±MCID) has a Monte Carlo error too: `verdictEdges` below says when another seed may flip it
 * (docs/plan-trial.md#verdict-at-its-edge; R check: test/reference/mi-verdict-edge.R).
 */
import type { Direction } from '../../instruments/instrument.js';
import { judgeDifference } from '../../judge/judge-effect.js';
import { poolRubin } from './rubin-rules.js';

/** White et al.'s bound on MCSE / SE. */
export const MCSE_SHARE_OF_SE = 0.1;

export interface MiMonteCarloError {
  /** MCSE of the pooled estimate, √(B/m). */
  estimate: number;
  /** MCSE of the CI limits (jackknife); absent with 2 imputations (nothing to pool without one). */
  ciLower?: number;
  ciUpper?: number;
  /** The imputations the rule asks for (suggestedImputations below). */
  suggestedImputations: number;
}

/**
 * The Monte Carlo error of `poolRubin(estimates, variances, dfComplete, confLevel)`, whose SE and
 * FMI are `pooled`'s.
 */
export function miMonteCarloError(
  estimates: readonly number[],
  variances: readonly number[],
  dfComplete: number,
  confLevel: number,
  pooled: { se: number; between: number; fmi: number },
): MiMonteCarloError {
  const { pValue: _p, ...out } = miMonteCarloErrorWithP(estimates, variances, dfComplete, confLevel, pooled);
  return out;
}

/**
 * `miMonteCarloError` with the jackknife MCSE of the pooled two-sided p as well (absent with 2
 * imputations): p_(−i) is Rubin's p without imputation i, MCSE = √((m − 1)/m · Σ (p_(−i) − p̄_(−))²).
 * Kept apart from `details.monteCarloError` so that results whose verdict is far from its edge
 * keep their bytes; `verdictEdges` uses it.
 */
export function miMonteCarloErrorWithP(
  estimates: readonly number[],
  variances: readonly number[],
  dfComplete: number,
  confLevel: number,
  pooled: { se: number; between: number; fmi: number },
): MiMonteCarloError & { pValue?: number } {
  const m = estimates.length;
  const mcse = Math.sqrt(pooled.between / m);
  const out: MiMonteCarloError = { estimate: mcse, suggestedImputations: suggestedImputations(m, [{ se: pooled.se, mcse, fmi: pooled.fmi }]) };
  if (m < 3) return out;
  const lower: number[] = [];
  const upper: number[] = [];
  const p: number[] = [];
  for (let i = 0; i < m; i++) {
    const q = estimates.filter((_, k) => k !== i);
    const u = variances.filter((_, k) => k !== i);
    const r = poolRubin(q, u, dfComplete, confLevel);
    lower.push(r.ciLower);
    upper.push(r.ciUpper);
    p.push(r.pValue);
  }
  return { estimate: mcse, ciLower: jackknifeSe(lower), ciUpper: jackknifeSe(upper), suggestedImputations: out.suggestedImputations, pValue: jackknifeSe(p) };
}

/** How many Monte Carlo SEs around a cut-off leave the verdict to the seed (a 95% band). */
export const EDGE_Z = 1.96;

/** The most imputations a verdict-at-its-edge note asks for: beyond, the verdict sits on its cut-off. */
export const MAX_SETTLING_IMPUTATIONS = 1000;

/**
 * One quantity that decides an MI row's verdict and lies within ±1.96 Monte Carlo SE of its
 * cut-off, on the row's own scale (the difference, intervention − control, as `ciLower`, `ciUpper`
 * and `difference` of the row): another seed may put it on the other side and change the verdict.
 */
export interface VerdictEdge {
  /** `pValue` against alpha (significance); the CI limits and the estimate against ±MCID. */
  quantity: 'pValue' | 'ciLower' | 'ciUpper' | 'estimate';
  value: number;
  /** Its Monte Carlo SE (√(B/m) for the estimate, the jackknife over imputations for the others). */
  mcse: number;
  /** alpha for `pValue`; +MCID or −MCID (in the difference's units) for the others. */
  cutoff: number;
  /** The imputations that would bring the cut-off outside ±1.96 MCSE (MCSE ∝ 1/√m), rounded up to tens, at most 1000. */
  settlingImputations: number;
}

/**
 * The quantities of an MI row that decide its verdict and lie within ±1.96 MCSE of a cut-off
 * where crossing changes the verdict: p against alpha (significance), and — with an MCID — each
 * CI limit and the estimate against +MCID and −MCID, counted only when moving it by 1.96 MCSE
 * towards the cut-off changes the relevance label (docs/data-contracts.md#verdicts). p first,
 * then the limits, then the estimate; empty when the verdict is far from every edge.
 */
export function verdictEdges(
  row: { difference: number; ciLower: number; ciUpper: number; pValue: number },
  mc: { estimate: number; ciLower?: number; ciUpper?: number; pValue?: number },
  judge: { alpha: number; mcid?: number; direction: Direction; imputations: number; suggestedImputations: number },
): VerdictEdge[] {
  const edges: VerdictEdge[] = [];
  const settle = (distance: number, mcse: number) => {
    const need = distance > 0 ? judge.imputations * ((EDGE_Z * mcse) / distance) ** 2 : Infinity;
    return Math.min(MAX_SETTLING_IMPUTATIONS, Math.max(judge.suggestedImputations, judge.imputations + 10, Math.ceil(need / 10) * 10));
  };
  if (mc.pValue !== undefined && Math.abs(row.pValue - judge.alpha) < EDGE_Z * mc.pValue) {
    edges.push({ quantity: 'pValue', value: row.pValue, mcse: mc.pValue, cutoff: judge.alpha, settlingImputations: settle(Math.abs(row.pValue - judge.alpha), mc.pValue) });
  }
  const mcid = judge.mcid;
  if (mcid === undefined || !(mcid > 0)) return edges;
  const verdict = (d: number, l: number, u: number) => {
    const j = judgeDifference(d, l, u, mcid, judge.direction);
    return `${j.significant} ${j.relevance}`;
  };
  const now = verdict(row.difference, row.ciLower, row.ciUpper);
  const quantities = [
    ['ciLower', row.ciLower, mc.ciLower],
    ['ciUpper', row.ciUpper, mc.ciUpper],
    ['estimate', row.difference, mc.estimate],
  ] as const;
  for (const [quantity, value, mcse] of quantities) {
    if (mcse === undefined || !(mcse > 0)) continue;
    for (const cutoff of [mcid, -mcid]) {
      const distance = Math.abs(value - cutoff);
      if (!(distance < EDGE_Z * mcse)) continue;
      // The far end of the ±1.96 MCSE band, across the cut-off; the other quantities as they are.
      const moved = value >= cutoff ? value - EDGE_Z * mcse : value + EDGE_Z * mcse;
      const [d, l, u] = quantity === 'ciLower' ? [row.difference, moved, row.ciUpper] : quantity === 'ciUpper' ? [row.difference, row.ciLower, moved] : [moved, row.ciLower, row.ciUpper];
      if (!(l <= d && d <= u)) continue;
      if (verdict(d, l, u) !== now) edges.push({ quantity, value, mcse, cutoff, settlingImputations: settle(distance, mcse) });
    }
  }
  return edges;
}

/**
 * The imputations White et al.'s rule asks for: 100 × the largest FMI, and enough to bring each
 * MCSE (∝ 1/√m) to 10% of its SE; rounded up to tens, at least 10.
 */
export function suggestedImputations(m: number, pooled: readonly { se: number; mcse: number; fmi: number }[]): number {
  let need = 0;
  for (const p of pooled) {
    need = Math.max(need, 100 * p.fmi);
    if (p.se > 0) need = Math.max(need, m * (p.mcse / (MCSE_SHARE_OF_SE * p.se)) ** 2);
  }
  return Math.max(10, Math.ceil(need / 10) * 10);
}

/** The MI row whose Monte Carlo error is the largest share of its SE, above 10%. */
export interface LargestMonteCarloError {
  time: string;
  /** MCSE / SE. */
  share: number;
  mcse: number;
  /** The row's imputations. */
  m: number;
  /** The most imputations any row above 10% asks for. */
  suggested: number;
}

/**
 * Of MI rows (their `details.monteCarloError` and `details.imputations`), the one whose MCSE is the
 * largest share of its SE, with the most imputations any row above 10% asks for; undefined when
 * every MCSE is at most 10% of its SE. The warnings and the report's methods both say this row
 * (docs/plan-trial.md#monte-carlo-error).
 */
export function largestMonteCarloError(rows: Iterable<{ time: string; se?: number | null; details?: Record<string, unknown> | null }>): LargestMonteCarloError | undefined {
  let worst: LargestMonteCarloError | undefined;
  let suggested = 0;
  for (const r of rows) {
    const mc = r.details?.monteCarloError as { estimate: number; suggestedImputations: number } | undefined;
    if (!mc || !(r.se! > 0)) continue;
    const share = mc.estimate / r.se!;
    if (share <= MCSE_SHARE_OF_SE) continue;
    suggested = Math.max(suggested, mc.suggestedImputations);
    if (!worst || share > worst.share) worst = { time: r.time, share, mcse: mc.estimate, m: r.details!.imputations as number, suggested: 0 };
  }
  return worst && { ...worst, suggested };
}

/**
 * Every visit of an outcome's MI rows whose MCSE passes 10% of its SE, once per visit (the
 * sensitivity table repeats the primary row), in the rows' order, with the most imputations any
 * of them asks for; empty when none does. The warning names them all (docs/plan-trial.md#monte-carlo-error).
 */
export function monteCarloErrorsOver(rows: Iterable<{ time: string; se?: number | null; details?: Record<string, unknown> | null }>): LargestMonteCarloError[] {
  const over: LargestMonteCarloError[] = [];
  for (const r of rows) {
    if (over.some((o) => o.time === r.time)) continue;
    const one = largestMonteCarloError([r]);
    if (one) over.push(one);
  }
  const suggested = Math.max(0, ...over.map((o) => o.suggested));
  return over.map((o) => ({ ...o, suggested }));
}

function jackknifeSe(x: readonly number[]): number {
  const m = x.length;
  let mean = 0;
  for (const v of x) mean += v;
  mean /= m;
  let ss = 0;
  for (const v of x) ss += (v - mean) ** 2;
  return Math.sqrt(((m - 1) / m) * ss);
}
