/**
 * A scale with one labelled end recognised has its other end written as a label too: SurveyXact
 * writes PSEQ's `Slet ikke sikker` (0) and `Helt sikker` (6) beside the digits 1–5. A label plan
 * init does not know was once drafted as a missing-value code for every column: the best answers
 * became "missing", validate called the file valid and analyze gave 6.99 on 12/26 patients for a
 * true 10.03 on 27/28. So in a column whose one end is a recognised label, no other word (but a
 * "don't know") is drafted as a missing-value code: a word sharing the recognised label's wording
 * (`sikker` in both) is the other end when that end is free (no cell holds its number); every
 * other word needs a value from the user, said among the checks (docs/plan-trial.md
 * "A scale's labelled ends").
 */
import { nfc } from '../io/nfc.js';
import { isWordLabel } from './answer-words.js';

/** Words that say how much, not what: shared by every end label (`slet ikke`, `helt`, `not at all`, `very`). */
const DEGREE_WORDS = new Set([
  'slet', 'ikke', 'helt', 'meget', 'lidt', 'noget', 'ingen', 'intet', 'overhovedet', 'fuldstændig', 'fuldstændigt', 'fuldt', 'aldeles', 'absolut', 'mest', 'mindst',
  'not', 'at', 'all', 'no', 'none', 'very', 'completely', 'totally', 'fully', 'extremely', 'absolutely', 'quite', 'the', 'a', 'of', 'and', 'og', 'i', 'en', 'et',
]);

/** The words of a label that say what is measured (`sikker`, `smerte`, `confident`). */
function contentWords(label: string): Set<string> {
  const words = nfc(label).toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length >= 3 && !DEGREE_WORDS.has(w));
  return new Set(words);
}

export interface OtherEnd {
  /** Labels read as the other end of the scale, with its number. */
  answers: Map<string, number>;
  /** Words of the column that are no missing-value code but whose number the export does not say. */
  needValue: string[];
}

/**
 * The other end of a scale whose one end (`ends`, one entry) is a recognised label: `words` are the
 * column's cells that are no number (choice text, units and the other decimal mark left out),
 * `numbers` its numbers, `[lo, hi]` the scale's range (the instrument's).
 */
export function otherEndLabel(ends: ReadonlyMap<string, number>, words: readonly string[], numbers: readonly number[], lo: number, hi: number): OtherEnd {
  const none: OtherEnd = { answers: new Map(), needValue: [] };
  if (ends.size !== 1) return none;
  const [label, at] = [...ends][0]!;
  if (at !== lo && at !== hi) return none;
  const other = at === lo ? hi : lo;
  // A label starts with a letter and has no digit: codes (Castor's `##USER_MISSING_95##`, Excel's
  // `#N/A`, `NA`), typos (`1O`) and "don't know" words stay as they were drafted.
  const candidates = [...new Set(words)].filter((w) => !ends.has(w) && isWordLabel(w));
  if (!candidates.length) return none;
  const wording = contentWords(label);
  const sameScale = candidates.filter((w) => [...contentWords(w)].some((c) => wording.has(c)));
  const answers = new Map<string, number>();
  if (sameScale.length === 1 && !numbers.includes(other)) answers.set(sameScale[0]!, other);
  return { answers, needValue: candidates.filter((w) => !answers.has(w)) };
}
