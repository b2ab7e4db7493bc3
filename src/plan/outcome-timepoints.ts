/**
 * The follow-up visits of one outcome (docs/plan-trial.md#outcome-timepoints): an outcome's own
 * "timepoints" when the protocol measures it at fewer visits than the plan (ODI at baseline and
 * 6 months, RMDQ at every visit), else the plan's. A responder is analysed where its outcome is.
 * Kept in the plan's order, so rows, tables and charts list visits alike for every outcome.
 */
import { followUpVisitsOf } from './follow-up-visits.js';
import type { Plan } from './plan-schema.js';

type TimepointsPlan = Pick<Plan, 'timepoints' | 'outcomes'> & Partial<Pick<Plan, 'responders'>>;

export function outcomeTimepoints(plan: TimepointsPlan, key: string): string[] {
  const outcome = plan.outcomes.find((o) => o.key === key) ?? plan.outcomes.find((o) => o.key === plan.responders?.find((r) => r.key === key)?.outcome);
  const own = outcome?.timepoints;
  return own ? plan.timepoints.filter((t) => own.includes(t)) : plan.timepoints;
}

/** Whether the plan analyses outcome (or responder) `key` at follow-up `time`: a plan visit the outcome's own list leaves out is no visit of it. */
export function measuredAt(plan: TimepointsPlan, key: string, time: string): boolean {
  return !plan.timepoints.includes(time) || outcomeTimepoints(plan, key).includes(time);
}

/** The follow-up visits (of "allTimepoints" after the baseline) an MMRM of outcome `key` models: the plan's, less those its own "timepoints" leave out. */
export function outcomeFollowUps(plan: TimepointsPlan & Pick<Plan, 'baseline' | 'allTimepoints'>, key: string): string[] {
  return followUpVisitsOf(plan).filter((t) => measuredAt(plan, key, t));
}
