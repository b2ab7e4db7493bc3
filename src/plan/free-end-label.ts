/**
 * A word among a score column's numbers, where one end of the scale never appears as a number,
 * is most likely that end written as its label: SPSS "Save as CSV" with value labels writes NRS
 * 10 as `Stærkest mulige smerte` and the EQ-5D index 1 as `Fuldt helbred` beside the bare
 * numbers. Drafted as a missing-value code for every column, such a word dropped every 10 (NRS
 * at 3 months −0.69 on 63/60 patients for a true −1.14 on 67/71). So plan init reads it as that
 * end, said among the checks with the cells it covers (docs/plan-trial.md "A scale's labelled
 * ends"). A word that says the answer is absent stays a missing-value code: a "don't know" (never
 * a label here), a negation (`Ikke målt`, `Not done`, `Besvarede ikke`) or a word for a patient
 * who left or did not come (`Udgået`, `Withdrawn`, `Død`).
 */
import { isWordLabel, wordForm } from './answer-words.js';

/** A negation or a word for an absent patient: a reason the answer is missing, never a scale's end. */
const ABSENT = /(^|[^\p{L}])(ikke|ej|inte|not|no|nicht|kein\p{L}*|udg[aå]et|udtr[aå]dt|frafald\p{L}*|udeblev\p{L}*|d[øo]d|d[øo]de|afd[øo]d|trukket|aflyst|withdr\p{L}*|drop ?out|dropped|lost|deceased|died|dead|missed|cancel+ed|skipped)(?=$|[^\p{L}])/u;

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
 * The one word of a score column read as the one end of the scale no cell holds as a number:
 * `words` are the column's cells that are no number (choice text, units and the other decimal
 * mark left out, labels already read as ends too), `numbers` its numbers, `ends` the scale's end
 * points that may carry a label (both ends of a 0–10 scale; only the top, 1, of the EQ-5D index,
 * whose bottom depends on the value set), `[lo, hi]` its range. None unless the numbers fill the
 * inside (three or more different ones within the scale), exactly one end is free, and exactly
 * one word may be an answer: two would say nothing for certain.
 */
export function freeEndLabel(words: readonly string[], numbers: readonly number[], ends: readonly number[], lo: number, hi: number): FreeEnd | undefined {
  const inside = new Set(numbers.filter((n) => n >= lo && n <= hi));
  if (inside.size < 3) return undefined;
  const free = ends.filter((e) => !inside.has(e));
  const candidates = [...new Set(words)].filter((w) => isWordLabel(w) && !namesAnAbsence(w));
  if (free.length !== 1 || candidates.length !== 1) return undefined;
  return { word: candidates[0]!, at: free[0]! };
}
