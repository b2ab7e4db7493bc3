/**
 * An export that so far holds only baseline visits (or a plan whose follow-up visits do not
 * occur in the data) can be validated, but not analysed: this says so in the user's terms.
 */
import { exportTimeOf } from '../plan/plan-schema.js';
import { shellWord } from '../io/shell-word.js';
import { type TrialData, timesInRows } from './trial-data.js';

/** A message when no row is at one of the plan's follow-up visits; undefined otherwise. */
export function missingFollowUp(trial: TrialData): string | undefined {
  const plan = trial.plan;
  const seen = new Set(timesInRows(trial));
  if (plan.timepoints.some((t) => seen.has(t))) return undefined;
  // Ids only on each patient's first row, the other rows left out by --exclude-invalid: the
  // follow-up went with them. Say the shape and its fix, not only that no follow-up remains.
  const merged = trial.excluded?.shapes?.find((p) => p.kind === 'id.only-first-row');
  if (merged) return `no follow-up visit left in ${trial.file}: --exclude-invalid left out ${trial.excluded!.rows} rows without a patient id, and they held the follow-up visits — expected ${merged.expected}`;
  // Every plan visit has rows in the file (load-trial.ts refuses a visit without any): with rows
  // left out, the follow-up rows went with them — their cells are unreadable, the visits' names
  // are right (a score written `14 point` on every follow-up row), so no "timeLabels" advice.
  const left = trial.excluded?.rows ?? 0;
  if (left > 0 && plan.timepoints.length) return `no follow-up visit left in ${trial.file}: --exclude-invalid left out ${left} row${left === 1 ? '' : 's'} with problems, and they held every row at the plan's follow-up visits (${plan.timepoints.join(', ')}) — \`hta validate ${shellWord(trial.file)}\` with the same --plan lists their problems; correct them in the export`;
  const found = [...seen].map((t) => exportTimeOf(plan, t));
  const column = plan.columns.time;
  const planned = plan.timepoints.length ? `the plan's follow-up visits (${plan.timepoints.join(', ')}) do not occur` : 'the plan lists no follow-up visit';
  return (
    `no follow-up visit found in ${trial.file}: ${planned}; column "${column}" holds only ${found.length ? found.map((t) => JSON.stringify(t)).join(', ') : 'no valid visit'}. ` +
    `Effects need follow-up: name each visit in "${column}" (e.g. "3m", "6m"; a wide export uses <column>_<visit> columns such as rmdq_3m), ` +
    `list them in the plan's "timepoints", and map other labels with "timeLabels" (e.g. { "3_months_arm_1": "3m" })`
  );
}
