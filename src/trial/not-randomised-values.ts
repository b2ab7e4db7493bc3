/**
 * Arm values that mean the participant was never randomised (docs/plan-trial.md#participant-flow):
 * an SPSS or REDCap export may write `Ikke randomiseret`, `Not randomized` or `Screening failure`
 * in the arm column rather than leave it empty. The plan's "flow.notRandomisedValues" lists them;
 * such a cell is read as an empty arm cell (in the arm column only), so its participant is counted
 * under "flow.notRandomised" as excluded before randomisation, never as a randomised arm. Folded
 * as "notWithdrawn" values are (answer-words.ts `wordForm`: case, blanks, a final full stop).
 */
import { wordForm } from '../plan/answer-words.js';
import type { Plan } from '../plan/plan-schema.js';

/**
 * Words an arm value reads as "never randomised" by (folded): Danish, Norwegian, Swedish and
 * English, a screening failure, and a withdrawal before randomisation (`Trukket før randomisering`). plan init drafts such values into "flow.notRandomisedValues";
 * an unknown arm value that reads so is pointed there rather than to "otherArms".
 */
const NOT_RANDOMISED_WORD = /^(?:(?:ikke|ej|inte|ei|not|non)[ -]?randomi[sz](?:eret|ert|erad|ed)|screen(?:ing)?[ -]?fail(?:ure|ed)?|screen(?:ing)?s?(?:fejl|svigt)|ikke inkluderet|not included|(?:trukket|udtrådt|utgått|withdrawn|excluded|ekskludert|ekskluderet|exkluderad) (?:før|for|innan|före|before) randomi[sz](?:ering|sering|ation))$/;

export function readsAsNotRandomised(value: string): boolean {
  return NOT_RANDOMISED_WORD.test(wordForm(value));
}

/** Whether arm cell `value` is one of the plan's "flow.notRandomisedValues" (folded as above). */
export function notRandomisedValueTest(plan: Pick<Plan, 'flow'>): (value: string) => boolean {
  const listed = (plan.flow?.notRandomisedValues ?? []).map(wordForm);
  if (listed.length === 0) return () => false;
  return (value) => listed.includes(wordForm(value));
}

/**
 * The hint for an unknown arm value that reads as "never randomised": list it in
 * "flow.notRandomisedValues". What to add fits the plan, so pasting it keeps what the plan has: the
 * value alone to a list it already has, the list to a "flow" it already has (with "notRandomised",
 * which the list needs, when that is missing too), else the whole "flow". Reworded for Danish
 * pages by report/problem-text.ts (NOT_RANDOMISED_HINT): keep the two in step.
 */
export function notRandomisedHint(value: string, plan: Pick<Plan, 'flow'>): string {
  const v = JSON.stringify(value);
  const flow = plan.flow;
  const add = flow?.notRandomisedValues
    ? `${v} to the plan's "flow": { "notRandomisedValues" }`
    : flow
      ? `"notRandomisedValues": [${v}]${flow.notRandomised ? '' : ', "notRandomised": "Not randomised"'} to the plan's "flow"`
      : `"flow": { "notRandomised": "Not randomised", "notRandomisedValues": [${v}] } to the plan`;
  return `, or a value the plan's "flow": { "notRandomisedValues" } lists — ${v} reads as a participant never randomised: add ${add} (counted as excluded before randomisation in the participant flow, not analysed; not "otherArms", whose patients count as randomised, nor "missingCodes", which do not apply to the arm column)`;
}
