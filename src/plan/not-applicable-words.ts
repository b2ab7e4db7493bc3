/**
 * Answers that say an outcome does not apply to the patient at that visit (not working, for work
 * ability; retired): plan init drafts them as the outcome's "notApplicableCodes", never as
 * missing-value codes — missing, they were imputed as if the patient had a work-ability score
 * (docs/plan-trial.md#not-applicable). Compared in wordForm (answer-words.ts). "NA" alone is no
 * such answer: R and pandas write it for any missing value.
 */
import { wordForm } from './answer-words.js';

const NOT_APPLICABLE = new Set([
  'ikke i arbejde', 'ikke relevant', 'pensioneret', 'pensionist', 'ikke erhvervsaktiv',
  'not working', 'not applicable', 'n/a', 'retired', 'not employed',
]);

/** Whether a cell says the outcome does not apply (`Ikke i arbejde`, `Not working`, `N/A`, `Pensioneret`). */
export function isNotApplicableWord(text: string): boolean {
  return NOT_APPLICABLE.has(wordForm(text));
}
