// A predictor of 1e+200s ended the imputation in "RangeError: leastSquares: design matrix has an
// all-zero column" — an internal error. The loader refuses such cells (trial/model-magnitude.ts);
// chainedEquations itself names the column instead (R's mice stops too: "computationally singular").
import { expect, it } from 'vitest';
import { HtaError } from '../../../src/errors.js';
import { chainedEquations } from '../../../src/stats/missing/chained-equations.js';

it('a column of 1e+200s: a named analysis failure, never a RangeError', () => {
  const n = 40;
  const arm = Array.from({ length: n }, (_, i) => i % 2);
  const base = Array.from({ length: n }, (_, i) => 5 + ((i * 7) % 11));
  const aux = Array.from({ length: n }, (_, i) => -(1 + (i % 5)) * 1e200);
  const y = base.map((b, i) => (i % 6 === 0 ? null : b + arm[i]! + ((i * 3) % 4)));
  let err: unknown;
  try {
    chainedEquations([{ name: 'arm', values: arm }, { name: 'baseline', values: base }, { name: 'symptom_weeks', values: aux }, { name: 'y', values: y }], { m: 1, seed: 1, method: 'pmm' });
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(HtaError);
  expect((err as HtaError).code).toBe('analysis.failed');
  expect((err as HtaError).message).toContain('column symptom_weeks holds values as large as -5e+200');
});
