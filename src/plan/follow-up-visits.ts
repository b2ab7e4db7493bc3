/**
 * The plan's follow-up visits as the MMRM models them: every visit of `allTimepoints` after the
 * baseline (by default the `timepoints`), also those without an effect row of their own
 * (docs/plan-trial.md, `allTimepoints` and "Visits left out"). One list for the plan check that
 * refuses `"methods": ["mmrm"]` with fewer than 2 of them and the sensitivity table's MMRM row, so
 * `plan check`, `validate` and `analyze` agree on a plan.
 */
import type { Plan } from './plan-schema.js';

export function followUpVisitsOf(plan: Pick<Plan, 'baseline' | 'timepoints' | 'allTimepoints'>): string[] {
  return (plan.allTimepoints ?? plan.timepoints).filter((v) => v !== plan.baseline);
}

/** Fewer than 2 follow-up visits: nothing for the MMRM to model jointly. */
export const MMRM_MIN_VISITS = 2;
