import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { changeDifference } from '../../src/stats/change-difference.js';
import { expectClose } from '../support/tolerance.js';
import { expectInvariant, expectMatchesTTest, twoArms, twoSampleCases } from './two-sample-t.fixture.js';

describe('changeDifference = t.test(fu1 - base1, fu0 - base0) (test/reference/two-sample-t.R)', () => {
  for (const c of twoSampleCases.filter((k) => k.baseline)) {
    it(`${c.label}, ${c.confLevel * 100}%`, () => {
      const r = changeDifference(
        { baseline: c.baseline!.intervention, followUp: c.intervention },
        { baseline: c.baseline!.control, followUp: c.control },
        { confLevel: c.confLevel },
      );
      expectMatchesTTest(r, c.change!, c.confLevel);
      expect(r.method).toBe('change-score-welch-t');
    });
  }

  it('reproduces the doc-comment example', () => {
    const r = changeDifference({ baseline: [10, 12, 14], followUp: [6, 9, 9] }, { baseline: [11, 13, 12], followUp: [10, 12, 12] });
    expectClose(r.difference, -10 / 3);
  });

  it('rejects unpaired arrays', () => {
    expect(() => changeDifference({ baseline: [1, 2], followUp: [1, 2, 3] }, { baseline: [1, 2], followUp: [3, 4] }))
      .toThrow('the intervention arm has 2 baseline values but 3 follow-up values; pass complete pairs only');
  });

  it('property: adding 1e8 to baseline and follow-up leaves the result unchanged; swapping arms flips it', () => {
    // Values on a 1/8 grid: x + 1e8 is then exact, so the shifted change scores equal the
    // unshifted ones. (With arbitrary doubles a change of 7e-9 vanishes below 1e8's spacing of
    // 1.5e-8 and the shifted data can become constant: a rounding fact, not a property failure.)
    const grid = (a: readonly number[]) => a.map((v) => Math.round(v * 8) / 8);
    fc.assert(fc.property(twoArms, twoArms, ([f1, f0], [b1, b0]) => {
      const n1 = Math.min(f1.length, b1.length);
      const n0 = Math.min(f0.length, b0.length);
      const i = { baseline: grid(b1.slice(0, n1)), followUp: grid(f1.slice(0, n1)) };
      const c = { baseline: grid(b0.slice(0, n0)), followUp: grid(f0.slice(0, n0)) };
      const shift = (a: typeof i) => ({ baseline: a.baseline.map((v) => v + 1e8), followUp: a.followUp.map((v) => v + 1e8) });
      let a;
      try {
        a = changeDifference(i, c);
      } catch {
        return; // change scores happened to be constant in both arms
      }
      const b = changeDifference(shift(i), shift(c));
      expectInvariant(b.difference, a.difference, 100);
      expectInvariant(b.se, a.se, 100);
      const s = changeDifference(c, i);
      expectInvariant(s.difference, -a.difference);
      expectInvariant(s.ciLower, -a.ciUpper);
    }));
  });
});
