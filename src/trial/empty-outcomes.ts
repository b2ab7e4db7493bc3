/**
 * An outcome with no value at a follow-up visit of the plan, in either arm (adverse events kept
 * on REDCap repeating-instrument rows, a column that is empty at that visit): `hta validate`
 * notes it and `hta analyze`'s rows there say so, in the same words — not a binomial's
 * "the number of patients must be … at least 1" (docs/plan-trial.md#empty-outcomes).
 */
import { outcomeTimepoints } from '../plan/outcome-timepoints.js';
import type { TrialData } from './trial-data.js';

/** The words for an outcome with no value at a visit: validate's note and analyze's row. */
export function emptyOutcomeText(key: string, time: string): string {
  return `no patient has a value of ${key} at ${time}`;
}

/** Per outcome, the plan's follow-up visits where no patient has a value; only outcomes with any such visit. */
export function emptyOutcomes(trial: Pick<TrialData, 'plan' | 'times' | 'rows' | 'sources'>): { key: string; times: string[] }[] {
  const { rows } = trial;
  const out: { key: string; times: string[] }[] = [];
  for (const s of trial.sources) {
    const col = rows.scores[s.key];
    if (!col) continue;
    const seen = new Set<number>();
    for (let i = 0; i < rows.length; i++) if (!Number.isNaN(col[i]!)) seen.add(rows.time[i]!);
    // A visit the outcome's own "timepoints" leave out is not one of its visits (outcome-timepoints.ts).
    const times = outcomeTimepoints(trial.plan, s.key).filter((t) => !seen.has(trial.times.indexOf(t)));
    if (times.length) out.push({ key: s.key, times });
  }
  return out;
}

/** validate's notes: one per outcome, naming its empty visits (and the remedy when every visit is). */
export function emptyOutcomeNotes(trial: Pick<TrialData, 'file' | 'plan' | 'times' | 'rows' | 'sources'>): string[] {
  return emptyOutcomes(trial).map((e) => {
    const all = e.times.length === outcomeTimepoints(trial.plan, e.key).length;
    const words = e.times.map((t) => emptyOutcomeText(e.key, t)).join('; ');
    return `${trial.file}: ${words}${all ? ` — the outcome has nothing to compare: check its "column" in the plan (hta reads one row per patient and visit), or take it out of the plan` : ' — its analysis rows there are not computed'}`;
  });
}
