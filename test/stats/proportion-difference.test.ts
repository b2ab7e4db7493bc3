import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { proportionDifference } from '../../src/stats/proportion-difference.js';
import { expectClose } from '../support/tolerance.js';
import { binaryFixture, label } from './binary.fixture.js';

describe('proportionDifference: Newcombe method 10 + prop.test(correct = FALSE) (test/reference/binary.R)', () => {
  for (const c of binaryFixture.binary) {
    it(label(c), () => {
      const r = proportionDifference({ events: c.x1, n: c.n1 }, { events: c.x2, n: c.n2 }, c.confLevel);
      expectClose(r.difference, c.difference);
      expectClose(r.ciLower, c.ciLower);
      expectClose(r.ciUpper, c.ciUpper);
      if (c.statistic === 'NaN') {
        expect(r.statistic).toBeNull(); // R: NaN (0/0): no statistic, no p (never p = 1)
        expect(r.pValue).toBeNull();
      } else {
        expectClose(r.statistic as number, c.statistic);
        expect(c.pValue).not.toBe('NaN');
        expectClose(r.pValue as number, c.pValue as number);
      }
      expect(r).toMatchObject({ ciMethod: 'newcombe-hybrid-score', testMethod: 'pearson-chisq-uncorrected' });
    });
  }

  it('fails in the user\'s language', () => {
    expect(() => proportionDifference({ events: 5, n: 4 }, { events: 1, n: 4 }))
      .toThrow('intervention arm: the number of patients with the event must be a whole number between 0 and 4 (the number of patients), got 5');
  });

  const arm = fc.integer({ min: 1, max: 300 }).chain((n) => fc.record({ n: fc.constant(n), events: fc.integer({ min: 0, max: n }) }));
  it('property: swapping arms flips the difference and swaps the CI bounds; the CI holds the estimate', () => {
    fc.assert(fc.property(arm, arm, (a, b) => {
      const r = proportionDifference(a, b);
      const s = proportionDifference(b, a);
      expectClose(s.difference, -r.difference, 1e-12, 1);
      expectClose(s.ciLower, -r.ciUpper, 1e-12, 1);
      expectClose(s.ciUpper, -r.ciLower, 1e-12, 1);
      expect(r.ciLower).toBeLessThanOrEqual(r.difference);
      expect(r.ciUpper).toBeGreaterThanOrEqual(r.difference);
      expect(r.ciLower).toBeGreaterThanOrEqual(-1 - 1e-12);
      expect(r.ciUpper).toBeLessThanOrEqual(1 + 1e-12);
    }));
  });
});
