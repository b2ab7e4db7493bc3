/**
 * Which values below an instrument's range `hta plan init` drafts as missing-value codes. A code
 * is a sentinel (−1, −7, −8, −9, −99, −999, and Castor EDC's −95 … −98) used as one: few
 * different values, not a run of consecutive whole numbers. Change scores (−7 … +2 on a 0–10
 * scale) are a run: read as codes they turned 26 of 40 answers into "missing" and `validate`
 * called the file valid. Castor's codes are themselves consecutive (−95 … −99), so a run of them
 * alone is no run of data. Values below the range that are no codes are left as written, for
 * `validate` to name as out of range (docs/plan-trial.md "What plan init recognises").
 */
import { isCastorCode, NEGATIVE_CODES } from './negative-codes.js';

/** Sentinels a system writes below a scale for "missing", "don't know", "not asked": negative-codes.ts's, and −1 (below a scale, no category). */
const BELOW_SENTINELS = new Set([-1, ...NEGATIVE_CODES]);

/** Consecutive whole numbers this many or more below the range are values, not codes. */
const RUN = 3;

export interface BelowRange {
  /** Drafted as missing-value codes. */
  codes: number[];
  /** Below the range and no code: data, left for validate. */
  values: number[];
  /** Why `values` are data: a run of consecutive whole numbers, or a value that is no usual code. */
  why?: 'run' | 'not-a-code';
}

/** Splits the distinct numbers below `lo` into codes and values. */
export function belowRangeCodes(below: readonly number[]): BelowRange {
  const distinct = [...new Set(below)].sort((a, b) => a - b);
  if (!distinct.length) return { codes: [], values: [] };
  // Castor's block (−99 … −95) is consecutive by its own design: never counted as a run of data.
  const whole = distinct.filter((n) => Number.isInteger(n) && !isCastorCode(n));
  const longestRun = whole.reduce<{ best: number; run: number; prev?: number }>((acc, n) => {
    const run = acc.prev !== undefined && n === acc.prev + 1 ? acc.run + 1 : 1;
    return { best: Math.max(acc.best, run), run, prev: n };
  }, { best: 0, run: 0 }).best;
  // Anything but sentinels below the range, or a run of them, says the column holds such values (a change, a difference).
  if (longestRun >= RUN) return { codes: [], values: distinct, why: 'run' };
  if (distinct.some((n) => !BELOW_SENTINELS.has(n))) return { codes: [], values: distinct, why: 'not-a-code' };
  return { codes: distinct, values: [] };
}

/**
 * A column whose name says it holds a change (read on draft-plan.ts's nameKey: `Smerte_ændring`
 * is `smerteaendring`): `ændring`, `change`, `chg`, `diff`, `delta`, `forskel`, `cfb` (CDISC's change
 * from baseline). hta analyses the score at each visit (the ANCOVA adjusts for the baseline), not a change.
 */
export function namesAChange(key: string): boolean {
  return /(aendring|andring|change|chg|delta|forskel|diff(?!icult)|cfb$)/.test(key);
}
