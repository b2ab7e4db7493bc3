/**
 * Risk ratio with the log-scale Wald (Katz) interval, as metafor's `escalc(measure = "RR")`.
 *
 *   2×2 table: a = events, b = non-events (intervention); c = events, d = non-events (control)
 *   if any of a, b, c, d is 0, add 0.5 to all four cells (metafor's default add = 1/2, to = "only0")
 *   log RR = ln( (a/(a + b)) / (c/(c + d)) )
 *   Var    = 1/a − 1/(a + b) + 1/c − 1/(c + d)
 *   CI     = exp( log RR ± z₍₁₋α/₂₎·√Var ),  z = log RR/√Var,  p = 2·(1 − Φ(|z|))
 *
 * = R `metafor::escalc(measure = "RR", ai, bi, ci, di)` (yi, vi; drop00 = FALSE, so a table with
 * no events in either arm still gives RR from the corrected cells) and `summary()` for the
 * log-scale CI; the ratio scale is exp() of it. Checked against metafor 3.8-1.
 * Reference: Katz D, Baptista J, Azen SP, Pike MC (1978), Obtaining confidence intervals for the
 * risk ratio in cohort studies, Biometrics 34:469–474, doi:10.2307/2530610.
 * Preconditions: integer counts 0 ≤ events ≤ n, n ≥ 1 per arm; otherwise
 * `HtaError('analysis.failed')`.
 * Example: 15/50 vs 10/50 → RR = 1.5, log RR = 0.4054651, Var = 0.1266667, 95% CI 0.7467 to 3.0133.
 */
import { zInterval } from './distributions.js';
import type { ArmSizes } from './arm-size.js';
import { confLevelOf } from './welch-difference.js';
import { checkedCounts, type EventCounts } from './proportion-difference.js';

/** A ratio measure (RR or OR) with its log-scale Wald interval. */
export interface RatioEstimate {
  method: 'risk-ratio' | 'odds-ratio';
  /** metafor's measure code. */
  measure: 'RR' | 'OR';
  /** The ratio, intervention vs control. */
  ratio: number;
  ciLower: number;
  ciUpper: number;
  /** Natural log of the ratio (metafor yi) and its sampling variance (vi). */
  logRatio: number;
  logVariance: number;
  logSe: number;
  logCiLower: number;
  logCiUpper: number;
  confLevel: number;
  ciMethod: 'wald-log-katz' | 'wald-log-woolf';
  /** 0.5 when a cell was zero and 0.5 was added to every cell, else 0. */
  continuityCorrection: 0 | 0.5;
  /** Wald z = logRatio / logSe. */
  statistic: number;
  pValue: number;
  n: ArmSizes;
  events: ArmSizes;
}

/** The four cells, with 0.5 added to each when any is zero (metafor add = 1/2, to = "only0"). */
export function twoByTwo(intervention: EventCounts, control: EventCounts) {
  const cells = [intervention.events, intervention.n - intervention.events, control.events, control.n - control.events] as const;
  const add = cells.some((c) => c === 0) ? 0.5 : 0;
  const [a, b, c, d] = cells.map((x) => x + add) as [number, number, number, number];
  return { a, b, c, d, add: add as 0 | 0.5 };
}

/** Shared tail: Wald interval and test on the log scale. */
export function logWald(logRatio: number, logVariance: number, confLevel: number) {
  confLevelOf({ confLevel });
  const logSe = Math.sqrt(logVariance);
  const { ciLower: logCiLower, ciUpper: logCiUpper, statistic, pValue } = zInterval(logRatio, logSe, confLevel);
  return {
    ratio: Math.exp(logRatio), ciLower: Math.exp(logCiLower), ciUpper: Math.exp(logCiUpper),
    logRatio, logVariance, logSe, logCiLower, logCiUpper, confLevel, statistic, pValue,
  };
}

export function riskRatio(intervention: EventCounts, control: EventCounts, confLevel = 0.95): RatioEstimate {
  const { n, events } = checkedCounts(intervention, control);
  const { a, b, c, d, add } = twoByTwo(intervention, control);
  const logRatio = Math.log(a / (a + b)) - Math.log(c / (c + d));
  const logVariance = 1 / a - 1 / (a + b) + 1 / c - 1 / (c + d);
  return { method: 'risk-ratio', measure: 'RR', ...logWald(logRatio, logVariance, confLevel), ciMethod: 'wald-log-katz', continuityCorrection: add, n, events };
}
