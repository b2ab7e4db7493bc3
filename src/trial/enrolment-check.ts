/**
 * The plan's enrolment numbers against the export (docs/plan-trial.md#participant-flow): the
 * patients assessed for eligibility are those excluded (by reason) plus those randomised, and
 * the randomised are the patients of the export. A mismatch is a plan error at the line and
 * column of "flow.assessed", with the three numbers, so the user sees which one is off.
 */
import { HtaError } from '../errors.js';
import { locatePlanProblems } from '../plan/load-plan.js';
import { randomisedTotal } from './other-arms.js';
import { armCounts, type TrialData } from './trial-data.js';

export function checkEnrolment(trial: Pick<TrialData, 'plan' | 'patients' | 'file' | 'otherArms' | 'notRandomised'> & Partial<Pick<TrialData, 'consentWithdrawn'>>, planFile = '<plan>'): void {
  const f = trial.plan.flow;
  if (f?.assessed === undefined || f.excluded === undefined) return;
  const n = armCounts(trial);
  // Patients of arms the plan does not compare were randomised too (docs/plan-trial.md#other-arms).
  const others = (trial.otherArms ?? []).filter((a) => a.patients > 0);
  // Patients randomised who withdrew consent were randomised too: their rows are no longer in the export read (consent-withdrawn.ts).
  const withdrew = trial.consentWithdrawn?.randomised ?? 0;
  const randomised = randomisedTotal(n, others, withdrew);
  // The export's participants never randomised were excluded too, beside the plan's numbers ("flow.notRandomised").
  const notRandomised = trial.notRandomised?.patients ?? 0;
  const excluded = f.excluded.reduce((s, e) => s + e.n, 0) + notRandomised;
  if (excluded + randomised === f.assessed) return;
  const excludedSaid = notRandomised > 0 ? `${excluded} excluded (the sum of "flow.excluded", ${excluded - notRandomised}, and ${notRandomised} participants of ${trial.file} never randomised, "flow.notRandomised")` : `${excluded} excluded (the sum of "flow.excluded")`;
  const expected =
    `assessed = excluded + randomised: ${excludedSaid} + ${randomised} randomised ` +
    `(the patients of ${trial.file}: ${n.intervention} intervention, ${n.control} control${others.map((a) => `, ${a.patients} in "${a.value}" (not compared)`).join('')}${withdrew ? `, ${withdrew} who withdrew consent` : ''}) = ${excluded + randomised}; correct "assessed" or the excluded numbers`;
  throw new HtaError('plan.invalid', `${planFile}: the enrolment numbers do not add up (${f.assessed} assessed, ${excluded} excluded, ${randomised} randomised)`, locatePlanProblems(trial.plan, [
    { file: planFile, field: 'flow.assessed', value: String(f.assessed), expected },
  ]));
}
