/**
 * A word among a score column's numbers, where one end of the scale never appears as a number,
 * may be that end written as its label (SPSS "Save as CSV" with value labels writes a labelled
 * end as its label) — or a code for "unknown". Drafted as a missing-value code for every column,
 * SPSS's `Stærkest mulige smerte` dropped every NRS 10 (at 3 months −0.69 on 63/60 patients for a
 * true −1.14 on 67/71); drafted as the end, `Manglende` became NRS 10 and the EQ-5D index's 1 (full
 * health): NRS at 3 months +1.475 on 20/20 for a true +0.795 on 17/20. A word worded as a known
 * end is read by answer-words.ts; a word of unknown wording is therefore neither: plan init names
 * it among the checks ("looks like the labelled 10?") and validate names its lines until the user
 * gives it a number or a place among the missing-value codes (docs/plan-trial.md#free-end). A word
 * that says the answer is absent stays a missing-value code: a "don't know", a negation (`Ikke
 * målt`, `Not done`), a word for missing data (`Manglende`, `Missing data`, `Saknas`, `NaN`), a
 * refusal (`Nægtet`, `Refused`) or a patient who left, was ill or did not come (`Udgået`,
 * `Afbrudt`, `Syg`, `Excluded`, `Død`).
 */
import { isWordLabel, scaleEndOf, wordForm } from './answer-words.js';

/** A negation, a word for missing data or a refusal, or one for an absent patient: a reason the answer is missing, never a scale's end. */
const ABSENT = /(^|[^\p{L}])(ikke|ej|inte|not|no|nicht|kein\p{L}*|udg[aå]et|udtr[aå]dt|frafald\p{L}*|udeblev\p{L}*|d[øo]d|d[øo]de|afd[øo]d|trukket|aflyst|withdr\p{L}*|drop ?out|dropped|lost|deceased|died|dead|missed|cancel+ed|skipped|manglende|mangle[rt]\p{L}*|missing\p{L}*|saknas|saknad|fehlend\p{L}*|refused|declined|n[æa]gte\p{L}*|afbrudt|afbrudte|excluded|ekskluderet|udelukket|nan|null|syg|sick)(?=$|[^\p{L}])/u;

/** Whether a word says the answer is absent (`Ikke målt`, `Udgået`, `Withdrawn`), not what it was. */
export function namesAnAbsence(text: string): boolean {
  return ABSENT.test(wordForm(text));
}

export interface FreeEnd {
  /** The word read as the end. */
  word: string;
  /** The end's number. */
  at: number;
}

/**
 * The one word of a score column that may be the one end of the scale no cell holds as a number:
 * `words` are the column's cells that are no number (choice text, units and the other decimal
 * mark left out, labels already read as ends too), `numbers` its numbers, `ends` the scale's end
 * points that may carry a label (both ends of a 0–10 scale; only the top, 1, of the EQ-5D index,
 * whose bottom depends on the value set), `[lo, hi]` its range. None unless the numbers fill the
 * inside (three or more different ones within the scale), exactly one end is free, and exactly
 * one word may be an answer: two would say nothing for certain. A word worded as an end (`Ingen
 * smerte`, `Ingen data`) is never one: it names its own end, often the other one.
 */
export function freeEndLabel(words: readonly string[], numbers: readonly number[], ends: readonly number[], lo: number, hi: number): FreeEnd | undefined {
  const inside = new Set(numbers.filter((n) => n >= lo && n <= hi));
  if (inside.size < 3) return undefined;
  const free = ends.filter((e) => !inside.has(e));
  const candidates = [...new Set(words)].filter((w) => isWordLabel(w) && !namesAnAbsence(w) && scaleEndOf(w) === undefined);
  if (free.length !== 1 || candidates.length !== 1) return undefined;
  return { word: candidates[0]!, at: free[0]! };
}
