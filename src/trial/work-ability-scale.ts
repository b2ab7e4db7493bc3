/**
 * A column read as the Work Ability Index (7–49) that holds the single-item Work Ability Score
 * (0–10) instead: `validate` then names `"instrument": "was"` in its problem, rather than only
 * "expected a number from 7 to 49" (docs/plan-trial.md#built-in-instruments).
 */
import { parseNumber } from '../io/parse-number.js';
import type { OutcomeSource } from './trial-data.js';
import type { LongTable } from './wide-to-long.js';

const seen = new WeakMap<OutcomeSource, boolean>();

/** Whether every number in the outcome's score column is a whole number 0–10 (and there is one); scanned once per outcome. */
export function holdsWorkAbilityScore(src: OutcomeSource, table: Pick<LongTable, 'records'>, decimalComma: boolean): boolean {
  const known = seen.get(src);
  if (known !== undefined) return known;
  const idx = src.columnIndexes[0];
  let any = false;
  let all = src.from === 'score' && idx !== undefined;
  if (all) {
    for (const r of table.records) {
      const cell = r.cells[idx!];
      if (cell === null || cell === undefined) continue;
      const v = parseNumber(cell, decimalComma);
      if (v === undefined) continue; // a code (missing, not applicable) is no score
      any = true;
      if (!Number.isInteger(v) || v < 0 || v > 10) {
        all = false;
        break;
      }
    }
  }
  const result = all && any;
  seen.set(src, result);
  return result;
}
