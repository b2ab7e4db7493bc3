/**
 * Summed score with proration for missing items, shared by the summed questionnaires (RMDQ,
 * PSEQ).
 *
 * Formula: with n items of which a are answered and m = n − a missing,
 *   m = 0                 → score = Σ answers
 *   1 ≤ m ≤ k, a ≥ 1      → score = (Σ answers ÷ a) × n   (mean of answered items × n)
 *   otherwise             → null (missing)
 * where k = options.maxMissingItems (default 0: any missing item makes the score missing).
 * The prorated value is kept unrounded, so it may be fractional; rounding is a presentation
 * choice. This is the usual "person-mean imputation" of summed scales (Fayers & Machin,
 * Quality of Life, 3rd ed. 2016, ch. 9), which assumes the missing
 * items resemble the answered ones.
 */
import { HtaError } from '../errors.js';
import type { ScoringOptions } from './instrument.js';

export function proratedSum(
  instrumentKey: string,
  items: readonly (number | null)[],
  itemCount: number,
  options: ScoringOptions = {},
): number | null {
  if (items.length !== itemCount) {
    throw new HtaError(
      'input.invalid',
      `${instrumentKey}: expected ${itemCount} item answers, got ${items.length}`,
    );
  }
  const allowed = maxMissingOf(instrumentKey, itemCount, options);
  let sum = 0;
  let answered = 0;
  for (const item of items) {
    if (item === null) continue;
    sum += item;
    answered += 1;
  }
  const missing = itemCount - answered;
  if (missing === 0) return sum;
  if (missing > allowed || answered === 0) return null;
  return (sum / answered) * itemCount;
}

function maxMissingOf(instrumentKey: string, itemCount: number, options: ScoringOptions): number {
  const k = options.maxMissingItems ?? 0;
  if (!Number.isInteger(k) || k < 0 || k >= itemCount) {
    throw new HtaError(
      'plan.invalid',
      `${instrumentKey}: maxMissingItems must be a whole number from 0 to ${itemCount - 1}, got ${k}`,
    );
  }
  return k;
}
