/**
 * A scale outcome whose values are only 0 and 1, or only the scale's two ends, is most likely a
 * yes/no answer read as a score: `smertestillende` (0/1, any pain medication) drafted as NRS 0–10
 * gave "−0.24 points, MCID 2: significant, but not clinically relevant" for 24.6 percentage points
 * fewer patients on pain medication. `hta validate`, `hta plan check --export` and `hta analyze`
 * say so whatever the column's name — a note and a warning of the results, never an error: a
 * scale may be answered only at its ends (docs/plan-trial.md#yesno-outcomes).
 */
import type { TrialData } from './trial-data.js';
import { sourceColumnsText } from './source-columns-text.js';
import { oneItemAsScore } from './narrow-scales.js';

/** Fewer values than this say too little to call a scale two-valued. */
export const TWO_VALUE_MIN_VALUES = 10;

/** The notes, one per scale outcome of range wider than 0–1 holding only 0 and 1 or only its two ends. */
export function twoValueScaleNotes(trial: Pick<TrialData, 'file' | 'sources' | 'rows'>): string[] {
  const notes: string[] = [];
  for (const source of trial.sources) {
    const { instrument } = source;
    if (instrument.kind !== 'continuous') continue;
    const [lo, hi] = instrument.range;
    if (hi - lo <= 1) continue;
    const scores = trial.rows.scores[source.key];
    if (!scores) continue;
    // 0/1 on a 0–24 or 0–60 scale is said as one item read as the score, yes/no among its readings (narrow-scales.ts).
    if (oneItemAsScore(instrument, scores)) continue;
    const seen = new Set<number>();
    let count = 0;
    for (const v of scores) {
      if (Number.isNaN(v)) continue;
      count++;
      seen.add(v);
      if (seen.size > 2) break;
    }
    if (seen.size !== 2 || count < TWO_VALUE_MIN_VALUES) continue;
    const [a, b] = [...seen].sort((x, y) => x - y) as [number, number];
    const zeroOne = a === 0 && b === 1;
    if (!zeroOne && !(a === lo && b === hi)) continue;
    const where = sourceColumnsText(source);
    const what = zeroOne ? 'a yes/no answer (1 = yes, 0 = no: medication use, say)' : `only the scale's two ends, as a yes/no answer would be coded`;
    notes.push(`${trial.file}: outcome "${source.key}" (${where}, read as ${instrument.name.en}, ${lo}–${hi}) holds only the values ${a} and ${b} in its ${count} values: ${what}, not a score on the ${lo}–${hi} scale? If it is yes/no, make it "instrument": "binary" with its "direction" (and "answers" if it is not coded 1/0) — analysed as a ${lo}–${hi} scale, its difference in points is judged against the scale's MCID (docs/plan-trial.md#yesno-outcomes)`);
  }
  return notes;
}
