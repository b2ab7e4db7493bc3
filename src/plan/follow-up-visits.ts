/**
 * The plan's follow-up visits as the MMRM models them: every visit of `allTimepoints` after the
 * baseline (by default the `timepoints`), also those without an effect row of their own; not an
 * event before the baseline (the `screening` that `plan init` drafts, docs/plan-trial.md
 * "Screening and enrolment events")
 * (docs/plan-trial.md, `allTimepoints` and "Visits left out"). One list for the plan check that
 * refuses `"methods": ["mmrm"]` with fewer than 2 of them and the sensitivity table's MMRM row, so
 * `plan check`, `validate` and `analyze` agree on a plan.
 */
import type { Plan } from './plan-schema.js';

export function followUpVisitsOf(plan: Pick<Plan, 'baseline' | 'timepoints' | 'allTimepoints'>): string[] {
  return visitsAfterBaseline(plan.allTimepoints ?? plan.timepoints, plan.baseline);
}

/** The visits of `visits` (in order) after `baseline`; all but it when it is not listed (visits then start after it). */
export function visitsAfterBaseline(visits: readonly string[], baseline: string): string[] {
  const at = visits.indexOf(baseline);
  return at < 0 ? [...visits] : visits.slice(at + 1);
}

/** Fewer than 2 follow-up visits: nothing for the MMRM to model jointly. */
export const MMRM_MIN_VISITS = 2;
