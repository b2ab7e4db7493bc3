/**
 * Events of a long export that come before the baseline and are no time point: REDCap's
 * `screening_arm_1`, an enrolment or randomisation event, which hold the arm and baseline
 * covariates (age, sex) but no outcome (docs/plan-trial.md "Screening and enrolment events").
 * plan init keeps them out of "timepoints" — analysed as a follow-up they gave "not computed
 * (found 0)" rows — and lists them before the baseline in "allTimepoints", so their rows are
 * still read: the arm and the covariates on them count for the patient. Pure.
 */
import { looseForm } from '../trial/near-miss.js';

/** An event named as one before the trial's first measurement (on looseForm). */
const PRE_BASELINE_NAME = /^(screening|screen|enrol(l)?ment|enrol(l)?|inclusion|inklusion|eligibility|consent|samtykke|randomi[sz]ation|randomisering|rand|visitation|rekruttering|recruitment|registration|registrering)(arm\d+)?$/;

/** Whether an event's name says it comes before the baseline (`screening_arm_1`, `Enrolment`, `Randomisering`). */
export function namedPreBaseline(visit: string): boolean {
  return PRE_BASELINE_NAME.test(looseForm(visit));
}

/** The plan label of such an event: the REDCap arm suffix left off (`screening_arm_1` → `screening`). */
export function preBaselineLabel(visit: string): string {
  return visit.replace(/_arm_\d+$/, '');
}

export interface PreBaselineInput {
  /** The follow-up visits drafted so far (plan labels). */
  followUp: readonly string[];
  /** Per follow-up label, whether any row of it holds a value in an outcome column. */
  hasOutcomeValues: (label: string) => boolean;
  /** Whether a label says its time ("3m", "6w"): such a visit without values yet is still a follow-up. */
  isTimed: (label: string) => boolean;
}

/**
 * The follow-up labels that are pre-baseline events: named so, or holding no outcome value and
 * not named by a time. With `why` for plan init's listing.
 */
export function preBaselineEvents({ followUp, hasOutcomeValues, isTimed }: PreBaselineInput): { label: string; why: string }[] {
  const out: { label: string; why: string }[] = [];
  for (const label of followUp) {
    const empty = !hasOutcomeValues(label);
    if (namedPreBaseline(label)) out.push({ label, why: empty ? 'named as an event before the baseline, and holds no outcome value' : 'named as an event before the baseline' });
    else if (empty && !isTimed(label)) out.push({ label, why: 'holds no outcome value, and its name says no time' });
  }
  return out;
}
