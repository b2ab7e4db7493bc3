/**
 * A 0–n scale exported as its answer options' numbers, counted from 1: SurveyXact's and SPSS's
 * code exports number PSEQ's `Slet ikke sikker` … `Helt sikker` 1 … 7 and the option after them
 * (`Ønsker ikke at svare`) 8. Read as written, every answer is one point too high; the natural
 * "fix" of listing 7 and 8 as missing-value codes then made the export valid, read baseline PSEQ
 * 39.3 for a true 29.3 and dropped every `Helt sikker`. The sign is in the cells: no cell holds the
 * scale's 0, and several hold the number one above its top. `hta plan init` drafts the option
 * numbers as answer codes (1 → 0 … 7 → 6) and says so; `hta validate` names the shift where it
 * refuses the cells, and notes a missing-value code just above the top that such a scale makes
 * look right (docs/plan-trial.md#one-based-codes).
 */
import { parseNumber } from '../io/parse-number.js';

/** What the numbers of a scale's cells say about how they are counted. */
export interface OneBasedScale {
  /**
   * `shifted`: no 0 and the number above the top held by two or more cells — the options counted
   * from 1. `bottom-free`: no 0 and no number above the top, but the options after it (top + 2,
   * top + 3) — counted from 1 with nobody at the top, or a 0–n scale nobody answered 0 with a code
   * after it: the cells cannot tell.
   */
  kind: 'shifted' | 'bottom-free';
  /** The answer codes reading the option numbers: `{ "1": 0, …, "7": 6 }`. */
  answers: Record<string, number>;
  /** Numbers after the scale's options (top + 2, top + 3: "don't know", refused), when any. */
  after: number[];
}

/** The fewest cells holding the number above the top for the options to be counted from 1 (one is a typo as likely). */
const ABOVE_TOP_CELLS = 2;
/** The fewest different answers inside the scale: two or three numbers say nothing of where it starts. */
const INSIDE_VALUES = 3;

/** Whether a scale of these ends can be exported counted from 1 with nothing to tell it: a 0–n scale of three or more points. */
export function canBeOneBased(lo: number, hi: number): boolean {
  return lo === 0 && Number.isInteger(hi) && hi >= 2;
}

/** The option numbers' answer codes for a 0–`hi` scale: `"1": 0` … `"hi+1": hi`. */
export function oneBasedAnswers(hi: number): Record<string, number> {
  return Object.fromEntries(Array.from({ length: hi + 1 }, (_, k) => [String(k + 1), k]));
}

/** `"answers": { "1": 0, "2": 1, … }` written out, for a message to give whole. */
export function oneBasedAnswersText(hi: number): string {
  return `"answers": { ${Object.entries(oneBasedAnswers(hi)).map(([k, v]) => `"${k}": ${v}`).join(', ')} }`;
}

/**
 * What the cells' numbers (each with how many cells hold it) say of a 0–`hi` scale, or undefined
 * when they fit it as written (a 0 anywhere, nothing above the top, a number with decimals).
 * Numbers far above the top (a user-missing 99) and below 0 are other codes, left to their rules.
 */
export function oneBasedScale(counts: ReadonlyMap<number, number>, lo: number, hi: number): OneBasedScale | undefined {
  if (!canBeOneBased(lo, hi)) return undefined;
  const numbers = [...counts.keys()];
  if ((counts.get(0) ?? 0) > 0 || numbers.some((n) => !Number.isInteger(n))) return undefined;
  if (numbers.filter((n) => n >= 1 && n <= hi).length < INSIDE_VALUES) return undefined;
  const after = numbers.filter((n) => n === hi + 2 || n === hi + 3).sort((a, b) => a - b);
  if ((counts.get(hi + 1) ?? 0) >= ABOVE_TOP_CELLS) return { kind: 'shifted', answers: oneBasedAnswers(hi), after };
  if (!counts.has(hi + 1) && after.length) return { kind: 'bottom-free', answers: oneBasedAnswers(hi), after };
  return undefined;
}

/** How many cells hold each number (cells that are no number left out), for `oneBasedScale`. */
export function numberCounts(cells: Iterable<string>, decimalComma: boolean): Map<number, number> {
  const counts = new Map<number, number>();
  for (const c of cells) {
    const n = parseNumber(c, decimalComma);
    if (n !== undefined) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  return counts;
}
