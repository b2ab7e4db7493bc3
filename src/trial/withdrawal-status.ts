/**
 * Values of a withdrawal-reason column that say the patient did NOT withdraw: a status column's
 * "Completed", "Locked" or "Gennemført", or a yes/no column's "No". Without the plan's list of
 * reasons every value of the column counts as lost to follow-up under its own name
 * (docs/plan-trial.md#participant-flow), so a status column read as the reason would count every
 * patient who completed the trial as lost: such a value is refused and pointed to
 * "flow.notWithdrawn" instead. Folded before matching as the plan's "notWithdrawn" values are
 * (answer-words.ts `wordForm`: case, blanks, apostrophes, a final full stop).
 */
import { wordForm } from '../plan/answer-words.js';

const STATUS_NOT_WITHDRAWN = new Set([
  'complete', 'completed', 'locked', 'active', 'ongoing', 'included', 'randomised', 'randomized', 'in follow-up', 'in follow up',
  'followed up', 'not withdrawn', 'no', 'none', 'n/a',
  'aktiv', 'gennemført', 'gennemfoert', 'fuldført', 'afsluttet', 'inkluderet', 'randomiseret', 'igangværende', 'i opfølgning',
  'ikke udtrådt', 'ikke udgået', 'nej', 'ingen',
]);

export function readsAsNotWithdrawn(value: string): boolean {
  return STATUS_NOT_WITHDRAWN.has(wordForm(value));
}

/**
 * Whether a withdrawal-reason cell is one of the plan's "notWithdrawn" values, folded as the
 * status words above are: a plan listing "Completed" reads an export's "completed" or
 * "COMPLETED." as not withdrawn too (docs/plan-trial.md#participant-flow).
 */
export function isListedNotWithdrawn(value: string, notWithdrawn: readonly string[]): boolean {
  const w = wordForm(value);
  return notWithdrawn.some((v) => wordForm(v) === w);
}
