/**
 * Number needed to treat from a risk difference and its confidence interval, worded as Altman
 * recommends: NNTB (benefit) or NNTH (harm), and "NNTB a to ∞ to NNTH b" when the interval for
 * the risk difference includes 0.
 *
 *   b = risk difference signed so that b > 0 favours the intervention
 *       (b = RD when the event is good, e.g. responders; b = −RD when it is bad), CI [L, U]
 *   NNT = 1/|b|: NNTB when b > 0, NNTH when b < 0 (∞ when b = 0)
 *   L > 0          → NNTB 1/U to 1/L
 *   U < 0          → NNTH 1/|L| to 1/|U|
 *   L ≤ 0 ≤ U      → NNTB 1/U to ∞ to NNTH 1/|L|   (a bound at exactly 0 is itself ∞)
 *
 * No R function; the arithmetic is 1/x of the risk-difference limits (e.g. of
 * `proportionDifference`, Newcombe interval). ∞ is represented as `null` in the structured result
 * (JSON has no infinity) and as "∞" in the label. The label lists the NNTB side first, as
 * "NNTB a to ∞ to NNTH b".
 * Reference: Altman DG (1998), Confidence intervals for the number needed to treat, BMJ
 * 317:1309–1312, doi:10.1136/bmj.317.7168.1309.
 * Preconditions: finite difference with ciLower ≤ difference ≤ ciUpper, all within [−1, 1];
 * otherwise `HtaError('analysis.failed')`.
 * Example: RD = 0.2 (95% CI 0.0524 to 0.3339), event good → "NNTB 5.0 (95% CI 3.0 to 19.1)";
 * RD = 0.05 (95% CI −0.0448 to 0.1650), event good → "NNTB 20.0 (95% CI NNTB 6.1 to ∞ to NNTH 22.3)".
 */
import { analysisFailed } from './arm-size.js';

export interface RiskDifferenceInterval {
  difference: number;
  ciLower: number;
  ciUpper: number;
  confLevel: number;
}

export interface NntOptions {
  /** Whether having the event is good for the patient (e.g. "responder"), or bad (e.g. "relapse"). */
  event: 'good' | 'bad';
  /** Decimals in the label, default 1. */
  digits?: number;
}

export type NntInterval =
  | { type: 'NNTB' | 'NNTH'; lower: number; upper: number }
  | { type: 'crosses-zero'; /** NNTB bound, null = ∞. */ nntb: number | null; /** NNTH bound, null = ∞. */ nnth: number | null };

export interface Nnt {
  method: 'nnt-altman-1998';
  /** NNTB or NNTH at the point estimate; 'none' when the risk difference is exactly 0. */
  kind: 'NNTB' | 'NNTH' | 'none';
  /** 1/|b|; null (= ∞) when b = 0. */
  value: number | null;
  interval: NntInterval;
  confLevel: number;
  /** Risk difference signed so that positive favours the intervention, and its CI. */
  benefit: { difference: number; ciLower: number; ciUpper: number };
  label: string;
}

const inverse = (x: number): number | null => (x === 0 ? null : 1 / Math.abs(x));

export function nnt(rd: RiskDifferenceInterval, options: NntOptions): Nnt {
  const { difference, ciLower, ciUpper, confLevel } = rd;
  if (![difference, ciLower, ciUpper].every((v) => Number.isFinite(v) && Math.abs(v) <= 1) || !(ciLower <= difference && difference <= ciUpper)) {
    throw analysisFailed(`a risk difference of ${difference} with interval ${ciLower} to ${ciUpper} cannot give a number needed to treat; expected −1 ≤ lower ≤ difference ≤ upper ≤ 1`);
  }
  const digits = options.digits ?? 1;
  const sign = options.event === 'good' ? 1 : -1;
  const b = sign * difference;
  const [L, U] = sign === 1 ? [ciLower, ciUpper] : [-ciUpper, -ciLower];
  const kind = b > 0 ? 'NNTB' : b < 0 ? 'NNTH' : 'none';
  const interval: NntInterval =
    L > 0 ? { type: 'NNTB', lower: 1 / U, upper: 1 / L }
    : U < 0 ? { type: 'NNTH', lower: 1 / Math.abs(L), upper: 1 / Math.abs(U) }
    : { type: 'crosses-zero', nntb: inverse(U), nnth: inverse(L) };
  const fmt = (x: number | null) => (x === null ? '∞' : x.toFixed(digits));
  const value = inverse(b);
  const level = `${Number((confLevel * 100).toFixed(6))}% CI`;
  const range = interval.type === 'crosses-zero'
    ? `NNTB ${fmt(interval.nntb)} to ∞ to NNTH ${fmt(interval.nnth)}`
    : `${fmt(interval.lower)} to ${fmt(interval.upper)}`;
  const label = `${kind === 'none' ? 'NNT' : kind} ${fmt(value)} (${level} ${range})`;
  return { method: 'nnt-altman-1998', kind, value, interval, confLevel, benefit: { difference: b, ciLower: L, ciUpper: U }, label };
}
