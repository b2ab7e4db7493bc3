import { describe, expect, it } from 'vitest';
import { riskRatio } from '../../src/stats/risk-ratio.js';
import { expectClose } from '../support/tolerance.js';
import { binaryFixture, label } from './binary.fixture.js';

describe('riskRatio = metafor escalc("RR") + summary() (test/reference/binary.R)', () => {
  for (const c of binaryFixture.binary) {
    it(label(c), () => {
      const r = riskRatio({ events: c.x1, n: c.n1 }, { events: c.x2, n: c.n2 }, c.confLevel);
      for (const key of ['logRatio', 'logVariance', 'logCiLower', 'logCiUpper', 'pValue'] as const) expectClose(r[key], c.rr[key]);
      expectClose(r.statistic, c.rr.statistic, 1e-6, 1e-9);
      expectClose(r.ratio, Math.exp(c.rr.logRatio));
      expectClose(r.ciLower, Math.exp(c.rr.logCiLower));
      expectClose(r.ciUpper, Math.exp(c.rr.logCiUpper));
      const zeroCell = [c.x1, c.n1 - c.x1, c.x2, c.n2 - c.x2].includes(0);
      expect(r.continuityCorrection).toBe(zeroCell ? 0.5 : 0);
    });
  }
  it('reproduces the doc-comment example', () => {
    const r = riskRatio({ events: 15, n: 50 }, { events: 10, n: 50 });
    expectClose(r.ratio, 1.5, 1e-12);
    expectClose(r.logVariance, 1 / 15 - 1 / 50 + 1 / 10 - 1 / 50, 1e-12);
    expect(r.ciLower.toFixed(4)).toBe('0.7467');
    expect(r.ciUpper.toFixed(4)).toBe('3.0133');
  });
  it('property: swapping arms inverts the ratio and swaps the CI bounds', () => {
    const a = riskRatio({ events: 3, n: 40 }, { events: 11, n: 38 });
    const b = riskRatio({ events: 11, n: 38 }, { events: 3, n: 40 });
    expectClose(b.ratio, 1 / a.ratio, 1e-12);
    expectClose(b.ciLower, 1 / a.ciUpper, 1e-12);
  });
});
