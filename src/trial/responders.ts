/**
 * Responders: patients whose score improved from baseline by at least an absolute number of
 * points or a percentage of their baseline value. "Improved" follows the instrument's
 * direction (a fall for lower-is-better scales such as RMDQ). Patients without both values are
 * not classified (complete cases). With a percentage rule, a lower-is-better baseline of 0
 * cannot improve and a higher-is-better baseline of 0 has no defined percentage: both count as
 * non-responders, in the denominator. How many per arm is counted (`atZeroBaseline`), so the
 * results and the report say it (docs/plan-trial.md#responders).
 */
import type { Direction } from '../instruments/instrument.js';
import type { PlanResponder } from '../plan/plan-schema.js';
import type { OutcomePairs } from './outcome-pairs.js';
import type { Arm } from './trial-data.js';

export interface ResponderCounts {
  intervention: { events: number; n: number };
  control: { events: number; n: number };
}

export function isResponder(baseline: number, followUp: number, rule: Pick<PlanResponder, 'points' | 'percent'>, direction: Direction): boolean {
  const improvement = direction === 'lower-is-better' ? baseline - followUp : followUp - baseline;
  if (rule.points !== undefined) return improvement >= rule.points - 1e-12;
  const pct = rule.percent as number;
  if (baseline === 0) return false;
  // Tolerance: 30 % of 10 is 3, but 0.3 * 10 is 3.0000000000000004 in binary floating point.
  return improvement >= (pct / 100) * Math.abs(baseline) - 1e-9;
}

/** Whether the patient with this baseline counts as a non-responder only because the rule is a percentage of a baseline of 0. */
export function atZeroUnderPercent(baseline: number, rule: Pick<PlanResponder, 'points'>): boolean {
  return rule.points === undefined && baseline === 0;
}

/**
 * Of the patients `indices` (into `arm`), how many per arm `zero` marks (atZeroUnderPercent);
 * undefined when none, so a row without any keeps its shape (docs/data-contracts.md#effect-rows).
 * The subgroup, transported, observational and cost-effectiveness responder rows count with it,
 * as the trial's rows do (countResponders).
 */
export function zeroBaselineCounts(zero: readonly boolean[], arm: readonly Arm[], indices: Iterable<number>): { intervention: number; control: number } | undefined {
  const c = { intervention: 0, control: 0 };
  for (const i of indices) if (zero[i]) c[arm[i] as Arm]++;
  return c.intervention + c.control > 0 ? c : undefined;
}

/**
 * The responders per arm and, under a percentage rule, the patients per arm whose baseline is 0:
 * counted as non-responders whatever their follow-up (isResponder).
 */
export function countResponders(pairs: OutcomePairs, rule: Pick<PlanResponder, 'points' | 'percent'>, direction: Direction): ResponderCounts & { atZeroBaseline: { intervention: number; control: number } } {
  const out: ResponderCounts = { intervention: { events: 0, n: 0 }, control: { events: 0, n: 0 } };
  const atZeroBaseline = { intervention: 0, control: 0 };
  pairs.arm.forEach((arm, i) => {
    const cell = out[arm];
    cell.n++;
    if (atZeroUnderPercent(pairs.baseline[i] as number, rule)) atZeroBaseline[arm]++;
    if (isResponder(pairs.baseline[i] as number, pairs.followUp[i] as number, rule, direction)) cell.events++;
  });
  return { ...out, atZeroBaseline };
}
