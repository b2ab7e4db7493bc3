import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { welchDifference } from '../../src/stats/welch-difference.js';
import { expectClose } from '../support/tolerance.js';
import { expectInvariant, expectMatchesTTest, twoArms, twoSampleCases } from './two-sample-t.fixture.js';

describe('welchDifference = t.test(var.equal = FALSE) (test/reference/two-sample-t.R)', () => {
  for (const c of twoSampleCases) {
    it(`${c.label}, ${c.confLevel * 100}%`, () => {
      const r = welchDifference(c.intervention, c.control, { confLevel: c.confLevel });
      expectMatchesTTest(r, c.welch, c.confLevel);
      expect(r).toMatchObject({ method: 'welch-t', dfMethod: 'welch-satterthwaite', ciMethod: 't' });
      expect(r.n).toEqual({ intervention: c.intervention.length, control: c.control.length });
    });
  }

  it('reproduces the doc-comment example (sleep)', () => {
    const sleep = twoSampleCases[0]!;
    const r = welchDifference(sleep.intervention, sleep.control);
    expectClose(r.difference, 1.58);
    expectClose(r.df, 17.776473516178);
  });

  it('fails in the user\'s language', () => {
    expect(() => welchDifference([1], [1, 2, 3])).toThrow('fewer than 2 patients in the intervention arm (found 1)');
    expect(() => welchDifference([1, 2], [3])).toThrow('fewer than 2 patients in the control arm (found 1)');
    expect(() => welchDifference([2, 2], [3, 3])).toThrow(/no standard error/);
    try {
      welchDifference([1, 2], []);
    } catch (err) {
      expect(err).toMatchObject({ code: 'analysis.failed', exitCode: 1, n: { intervention: 2, control: 0 } });
    }
  });

  it('property: swapping arms flips the difference and swaps the CI bounds', () => {
    fc.assert(fc.property(twoArms, ([x, y]) => {
      const a = welchDifference(x, y);
      const b = welchDifference(y, x);
      expectInvariant(b.difference, -a.difference);
      expectInvariant(b.ciLower, -a.ciUpper);
      expectInvariant(b.ciUpper, -a.ciLower);
      expectClose(b.se, a.se, 1e-12);
      expectClose(b.pValue, a.pValue, 1e-9);
    }));
  });

  it('property: adding 1e8 to every value leaves difference, SE and df unchanged', () => {
    fc.assert(fc.property(twoArms, ([x, y]) => {
      const a = welchDifference(x, y);
      const b = welchDifference(x.map((v) => v + 1e8), y.map((v) => v + 1e8));
      expectInvariant(b.difference, a.difference);
      expectInvariant(b.se, a.se);
      expectInvariant(b.ciLower, a.ciLower);
      expectInvariant(b.ciUpper, a.ciUpper);
    }));
  });
});
