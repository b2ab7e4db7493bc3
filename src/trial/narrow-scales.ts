/**
 * A wide scale outcome (RMDQ 0–24, PSEQ 0–60) whose scores never climb above a tenth of its range
 * is most likely one item read as the score: a survey tool's item column (`PSEQ - … (1)`, 0–6)
 * drafted as the PSEQ gave "0.41 points, MCID 11: significant, but not clinically relevant" for a
 * true difference of 4.98. `hta validate`, `hta plan check --export` and `hta analyze` say so —
 * a note and a warning of the results, never an error: a trial's patients may all score low
 * (docs/plan-trial.md#one-item-read-as-the-score). Only a sum of items is noted: a plan's own
 * count (sick-leave days 0–90) is low in most trials, and has no item to be mistaken for.
 */
import type { Instrument } from '../instruments/instrument.js';
import type { TrialData } from './trial-data.js';
import { sourceColumnsText } from './source-columns-text.js';

/** A range narrower than this (NRS 0–10, the EQ-5D index) is no sum of items. */
export const NARROW_MIN_RANGE = 20;
/** Fewer values than this say too little. */
export const NARROW_MIN_VALUES = 10;

/** The highest value of a scale of range [lo, hi] that an item, not the score, would reach. */
export function narrowTop(lo: number, hi: number): number {
  return lo + (hi - lo) / 10;
}

/** The scores' count and highest value when they stay at or below narrowTop of a wide range, else undefined. */
export function narrowScale(scores: Iterable<number>, lo: number, hi: number): { count: number; max: number; min: number } | undefined {
  if (hi - lo < NARROW_MIN_RANGE) return undefined;
  let count = 0;
  let max = -Infinity;
  let min = Infinity;
  for (const v of scores) {
    if (Number.isNaN(v)) continue;
    count++;
    if (v > max) max = v;
    if (v < min) min = v;
  }
  if (count < NARROW_MIN_VALUES || max > narrowTop(lo, hi)) return undefined;
  return { count, max, min };
}

/**
 * Whether the instrument's score is a sum of items (RMDQ, PSEQ, WAI: the built-ins scored from
 * items; the Oswestry Disability Index, which a plan states as its own 0–100 instrument, or a plan
 * instrument restating one of them by key or label).
 */
export function sumOfItems(instrument: Pick<Instrument, 'key' | 'name' | 'items'>): boolean {
  return instrument.items !== undefined || /(?<![A-Za-z])(odi|rmdq|pseq|wai)(?![A-Za-z])|oswestry|roland.?morris|pain self.?efficacy|work ability index/i.test(`${instrument.key} ${instrument.name.en}`);
}

/** The scores' narrowScale when the outcome is a wide sum of items read as one item, else undefined. */
export function oneItemAsScore(instrument: Instrument, scores: Iterable<number>): ReturnType<typeof narrowScale> {
  if (instrument.kind !== 'continuous' || !sumOfItems(instrument)) return undefined;
  return narrowScale(scores, instrument.range[0], instrument.range[1]);
}

/** The notes, one per wide sum-of-items outcome whose every score stays within a tenth of its range. */
export function narrowScaleNotes(trial: Pick<TrialData, 'file' | 'sources' | 'rows'>): string[] {
  const notes: string[] = [];
  for (const source of trial.sources) {
    const { instrument } = source;
    const [lo, hi] = instrument.range;
    const scores = trial.rows.scores[source.key];
    if (!scores) continue;
    const seen = oneItemAsScore(instrument, scores);
    if (!seen) continue;
    const where = sourceColumnsText(source);
    notes.push(`${trial.file}: outcome "${source.key}" (${where}, read as ${instrument.name.en}, ${lo}–${hi}) never goes above ${seen.max} in its ${seen.count} values (${seen.min}–${seen.max}): it looks like one item of the questionnaire, not the score — if the export has one column per item, list them all in the outcome's "items" (in item order) and hta sums them; if it is a yes/no answer, make it "instrument": "binary" (docs/plan-trial.md#one-item-read-as-the-score)`);
  }
  return notes;
}
