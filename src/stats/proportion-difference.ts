/**
 * Risk difference between two independent arms with Newcombe's hybrid score interval (method 10)
 * and the Pearson chi-square test without continuity correction.
 *
 *   p₁ = x₁/n₁ (intervention), p₂ = x₂/n₂ (control), RD = p₁ − p₂
 *   (l₁, u₁), (l₂, u₂) = Wilson score intervals of p₁ and p₂ (no continuity correction)
 *   lower = RD − √( (p₁ − l₁)² + (u₂ − p₂)² )
 *   upper = RD + √( (u₁ − p₁)² + (p₂ − l₂)² )
 *   X² = (p₁ − p₂)² / ( p̄(1 − p̄)(1/n₁ + 1/n₂) ),  p̄ = (x₁ + x₂)/(n₁ + n₂),  p = P(χ²₁ > X²)
 *
 * Interval: no base-R function; = `DescTools::BinomDiffCI(x1, n1, x2, n2, method = "score")`
 * and is built in test/reference/proportion-difference.R from R's `prop.test(..., correct =
 * FALSE)$conf.int` per arm. Test: = R `prop.test(c(x1, x2), c(n1, n2), correct = FALSE)`
 * (statistic, p.value). When no patient or every patient has the event (p̄ = 0 or 1) X² is 0/0:
 * R returns NaN; here statistic and p are null, so no caller can print p = 1 for a table that
 * holds no contrast (docs/data-contracts.md#effect-rows).
 * Reference: Newcombe RG (1998), Interval estimation for the difference between independent
 * proportions: comparison of eleven methods, Stat Med 17:873–890,
 * doi:10.1002/(SICI)1097-0258(19980430)17:8<873::AID-SIM779>3.0.CO;2-I (method 10, Table II).
 * Preconditions: integer counts 0 ≤ xᵢ ≤ nᵢ, nᵢ ≥ 1; otherwise `HtaError('analysis.failed')`.
 * Example (Newcombe 1998, Table II, example a): 56/70 vs 48/80 → RD = 0.2, 95% CI 0.0524 to
 * 0.3339; X² = 7.023411, p = 0.008045.
 */
import { chisqUpper } from './distributions.js';
import { analysisFailed, type ArmSizes } from './arm-size.js';
import { type ProportionInterval, requireCounts, wilsonInterval } from './wilson-interval.js';

export interface EventCounts {
  /** Patients with the event. */
  events: number;
  /** Patients analysed. */
  n: number;
}

export interface ProportionDifference {
  method: 'risk-difference';
  /** p(intervention) − p(control). */
  difference: number;
  risk: { intervention: number; control: number };
  /** Each arm's Wilson score interval, from which the Newcombe interval is built. */
  riskIntervals: { intervention: ProportionInterval; control: ProportionInterval };
  confLevel: number;
  ciLower: number;
  ciUpper: number;
  ciMethod: 'newcombe-hybrid-score';
  /** Pearson X² without continuity correction (1 df); null when p̄ is 0 or 1 (0/0, R: NaN). */
  statistic: number | null;
  /** Null with `statistic`: no contrast, no p (not p = 1). */
  pValue: number | null;
  testMethod: 'pearson-chisq-uncorrected';
  n: ArmSizes;
  events: ArmSizes;
}

export function checkedCounts(intervention: EventCounts, control: EventCounts): { n: ArmSizes; events: ArmSizes } {
  const n = { intervention: intervention.n, control: control.n };
  for (const [arm, c] of [['intervention', intervention], ['control', control]] as const) {
    try {
      requireCounts(c.events, c.n, 'the number of patients with the event');
    } catch (err) {
      throw analysisFailed(`${arm} arm: ${(err as Error).message}`, n);
    }
  }
  return { n, events: { intervention: intervention.events, control: control.events } };
}

export function proportionDifference(intervention: EventCounts, control: EventCounts, confLevel = 0.95): ProportionDifference {
  const { n, events } = checkedCounts(intervention, control);
  const w1 = wilsonInterval(intervention.events, intervention.n, confLevel);
  const w2 = wilsonInterval(control.events, control.n, confLevel);
  const p1 = w1.proportion;
  const p2 = w2.proportion;
  const difference = p1 - p2;
  const ciLower = difference - Math.hypot(p1 - w1.lower, w2.upper - p2);
  const ciUpper = difference + Math.hypot(w1.upper - p1, p2 - w2.lower);
  const pooled = (intervention.events + control.events) / (intervention.n + control.n);
  const denominator = pooled * (1 - pooled) * (1 / intervention.n + 1 / control.n);
  const statistic = denominator > 0 ? (difference * difference) / denominator : null;
  return {
    method: 'risk-difference', difference, risk: { intervention: p1, control: p2 }, riskIntervals: { intervention: w1, control: w2 }, confLevel, ciLower, ciUpper,
    ciMethod: 'newcombe-hybrid-score', statistic, pValue: statistic === null ? null : chisqUpper(statistic, 1), testMethod: 'pearson-chisq-uncorrected', n, events,
  };
}
