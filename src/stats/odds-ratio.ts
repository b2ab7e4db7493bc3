/**
 * Odds ratio with the log-scale Wald (Woolf) interval, as metafor's `escalc(measure = "OR")`.
 *
 *   2×2 table: a = events, b = non-events (intervention); c = events, d = non-events (control)
 *   if any of a, b, c, d is 0, add 0.5 to all four cells (metafor's default add = 1/2, to = "only0")
 *   log OR = ln( a·d / (b·c) )   (computed as logit(a/(a+b)) − logit(c/(c+d)), as metafor does)
 *   Var    = 1/a + 1/b + 1/c + 1/d
 *   CI     = exp( log OR ± z₍₁₋α/₂₎·√Var ),  z = log OR/√Var,  p = 2·(1 − Φ(|z|))
 *
 * = R `metafor::escalc(measure = "OR", ai, bi, ci, di)` (yi, vi; drop00 = FALSE) and `summary()`
 * for the log-scale CI. Checked against metafor 3.8-1.
 * Reference: Woolf B (1955), On estimating the relation between blood group and disease, Ann Hum
 * Genet 19:251–253, doi:10.1111/j.1469-1809.1955.tb01348.x.
 * Preconditions: integer counts 0 ≤ events ≤ n, n ≥ 1 per arm; otherwise
 * `HtaError('analysis.failed')`.
 * Example: 15/50 vs 10/50 → OR = 1.714286, Var = 0.2202381, 95% CI 0.6833 to 4.3008.
 */
import { checkedCounts, type EventCounts } from './proportion-difference.js';
import { logWald, type RatioEstimate, twoByTwo } from './risk-ratio.js';

export function oddsRatio(intervention: EventCounts, control: EventCounts, confLevel = 0.95): RatioEstimate {
  const { n, events } = checkedCounts(intervention, control);
  const { a, b, c, d, add } = twoByTwo(intervention, control);
  const p1 = a / (a + b);
  const p2 = c / (c + d);
  const logRatio = Math.log(p1 / (1 - p1)) - Math.log(p2 / (1 - p2));
  const logVariance = 1 / a + 1 / b + 1 / c + 1 / d;
  return { method: 'odds-ratio', measure: 'OR', ...logWald(logRatio, logVariance, confLevel), ciMethod: 'wald-log-woolf', continuityCorrection: add, n, events };
}
