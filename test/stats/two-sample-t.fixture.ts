import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import fc from 'fast-check';
import type { MeanDifference } from '../../src/stats/welch-difference.js';
import { expectClose } from '../support/tolerance.js';

/** R `t.test()` numbers, as written by test/reference/two-sample-t.R. */
export interface TTestNumbers {
  difference: number;
  se: number;
  df: number;
  ciLower: number;
  ciUpper: number;
  statistic: number;
  pValue: number;
}

export interface TwoSampleCase {
  label: string;
  confLevel: number;
  intervention: number[];
  control: number[];
  welch: TTestNumbers;
  pooled: TTestNumbers;
  baseline?: { intervention: number[]; control: number[] };
  change?: TTestNumbers;
}

export const twoSampleCases = (
  JSON.parse(readFileSync(new URL('../reference/two-sample-t.json', import.meta.url), 'utf8')) as { cases: TwoSampleCase[] }
).cases;

export function expectMatchesTTest(actual: MeanDifference, r: TTestNumbers, confLevel: number): void {
  expect(actual.confLevel).toBe(confLevel);
  for (const key of ['difference', 'se', 'df', 'ciLower', 'ciUpper', 'statistic', 'pValue'] as const) {
    expectClose(actual[key], r[key]);
  }
}

const arm = fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 2, maxLength: 30 });
const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);

/** Random two-arm samples for property tests: values in [−100, 100], 2–30 per arm, each arm with spread ≥ 0.01. */
export const twoArms = fc.tuple(arm, arm).filter(([x, y]) => spread(x) >= 0.01 && spread(y) >= 0.01);

/** |a − b| ≤ 1e-6 · max(|b|, scale): relative, with the data scale as the floor. */
export function expectInvariant(a: number, b: number, scale = 1): void {
  expectClose(a, b, 1e-6, scale);
}
