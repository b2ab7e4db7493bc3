/**
 * After the zero-cell correction (1/2 added to each cell of a stratum with a zero cell) no
 * stratum's risk difference has variance 0, so the test of equal risk differences never refuses
 * a level for it: the guard is an internal assertion, and no user-facing reason (English or
 * Danish, src/report/failure-reasons.ts) describes a failure that cannot happen.
 */
import { describe, expect, it } from 'vitest';
import { danishReason } from '../../src/report/failure-reasons.js';
import { riskDifferenceHeterogeneity } from '../../src/stats/risk-difference-heterogeneity.js';

describe('the test of equal risk differences and a variance of 0', () => {
  it('weights every stratum of 1–4 patients per arm with any events (all, none, mixed): a finite Q, no refusal', () => {
    const shapes: { events: number; n: number }[] = [];
    for (let n = 1; n <= 4; n++) for (let events = 0; events <= n; events++) shapes.push({ events, n });
    for (const a of shapes) for (const c of shapes) {
      const r = riskDifferenceHeterogeneity([
        { name: 'all or none', intervention: a, control: c },
        { name: 'other', intervention: { events: 3, n: 10 }, control: { events: 5, n: 10 } },
      ]);
      expect(Number.isFinite(r.statistic) && r.statistic >= 0, `${JSON.stringify([a, c])}`).toBe(true);
    }
  });

  it('has no Danish wording for the old refusal: it was never a user-facing failure', () => {
    expect(danishReason("level 'a': every patient or none has the event in both arms, so its risk difference has variance 0 and the test of equal risk differences cannot weight it")).toBeUndefined();
  });
});
