import { describe, expect, it } from 'vitest';
import { bootstrapIntervals, normInterQuantile } from '../../src/stats/bootstrap-intervals.js';
import { expectClose } from '../support/tolerance.js';
import { bootCases } from './bootstrap.fixture.js';

describe('bootstrapIntervals = boot.ci(type = c("perc", "bca"), L = …) on the same replicates (test/reference/bootstrap.R)', () => {
  for (const c of bootCases) {
    it(c.label, () => {
      const r = bootstrapIntervals({ estimate: c.estimate, replicates: c.replicates, influence: c.influence, confLevel: c.confLevel });
      expectClose(r.percentile.lower, c.percentile.lower);
      expectClose(r.percentile.upper, c.percentile.upper);
      expectClose(r.bca!.lower, c.bca.lower);
      expectClose(r.bca!.upper, c.bca.upper);
      expectClose(r.biasCorrection, c.biasCorrection);
      expectClose(r.acceleration, c.acceleration, 1e-6, 1e-12);
      expect(r.replicatesUsed).toBe(c.replicates.length);
    });
  }

  it('norm.inter: integer positions take the order statistic, the ends clamp', () => {
    const t = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    expect(normInterQuantile(t, 0.5)).toBe(5); // (9 + 1)·0.5 = 5
    expect(normInterQuantile(t, 0.05)).toBe(1); // k = 0
    expect(normInterQuantile(t, 0.95)).toBe(9); // k = 9 = R
  });

  it('drops non-finite replicates as boot.ci does, and reports an unavailable BCa', () => {
    const r = bootstrapIntervals({ estimate: 0, replicates: [1, 2, Number.NaN, 3, Infinity], influence: [1, -1], confLevel: 0.95 });
    expect(r.replicatesUsed).toBe(3);
    expect(r.bca).toBeNull();
    expect(r.bcaUnavailable).toMatch(/one side of the estimate/);
    expect(r.extremeOrderStatistics).toBe(true);
  });
});
