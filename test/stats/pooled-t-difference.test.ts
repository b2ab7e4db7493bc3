import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pooledTDifference } from '../../src/stats/pooled-t-difference.js';
import { expectClose } from '../support/tolerance.js';
import { expectInvariant, expectMatchesTTest, twoArms, twoSampleCases } from './two-sample-t.fixture.js';

describe('pooledTDifference = t.test(var.equal = TRUE) (test/reference/two-sample-t.R)', () => {
  for (const c of twoSampleCases) {
    it(`${c.label}, ${c.confLevel * 100}%`, () => {
      const r = pooledTDifference(c.intervention, c.control, { confLevel: c.confLevel });
      expectMatchesTTest(r, c.pooled, c.confLevel);
      expect(r.df).toBe(c.intervention.length + c.control.length - 2);
      expect(r.method).toBe('pooled-t');
    });
  }

  it('fails in the user\'s language', () => {
    expect(() => pooledTDifference([1, 2, 3], [4])).toThrow('fewer than 2 patients in the control arm (found 1)');
    expect(() => pooledTDifference([5, 5, 5], [5, 5])).toThrow(/no standard error/);
  });

  it('property: swapping arms flips the difference and swaps the CI bounds', () => {
    fc.assert(fc.property(twoArms, ([x, y]) => {
      const a = pooledTDifference(x, y);
      const b = pooledTDifference(y, x);
      expectInvariant(b.difference, -a.difference);
      expectInvariant(b.ciLower, -a.ciUpper);
      expectInvariant(b.ciUpper, -a.ciLower);
      expectClose(b.se, a.se, 1e-12);
    }));
  });

  it('property: adding 1e8 to every value leaves difference and SE unchanged', () => {
    fc.assert(fc.property(twoArms, ([x, y]) => {
      const a = pooledTDifference(x, y);
      const b = pooledTDifference(x.map((v) => v + 1e8), y.map((v) => v + 1e8));
      expectInvariant(b.difference, a.difference);
      expectInvariant(b.se, a.se);
    }));
  });
});
