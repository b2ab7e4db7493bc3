import { describe, expect, it } from 'vitest';
import { oddsRatio } from '../../src/stats/odds-ratio.js';
import { expectClose } from '../support/tolerance.js';
import { binaryFixture, label } from './binary.fixture.js';

describe('oddsRatio = metafor escalc("OR") + summary() (test/reference/binary.R)', () => {
  for (const c of binaryFixture.binary) {
    it(label(c), () => {
      const r = oddsRatio({ events: c.x1, n: c.n1 }, { events: c.x2, n: c.n2 }, c.confLevel);
      for (const key of ['logRatio', 'logVariance', 'logCiLower', 'logCiUpper', 'pValue'] as const) expectClose(r[key], c.or[key]);
      expectClose(r.statistic, c.or.statistic, 1e-6, 1e-9);
      expectClose(r.ciLower, Math.exp(c.or.logCiLower));
      expectClose(r.ciUpper, Math.exp(c.or.logCiUpper));
      expect(r).toMatchObject({ measure: 'OR', ciMethod: 'wald-log-woolf' });
    });
  }
  it('reproduces the doc-comment example', () => {
    const r = oddsRatio({ events: 15, n: 50 }, { events: 10, n: 50 });
    expectClose(r.ratio, (15 * 40) / (35 * 10), 1e-12);
    expectClose(r.logVariance, 1 / 15 + 1 / 35 + 1 / 10 + 1 / 40, 1e-12);
    expect(r.ciLower.toFixed(4)).toBe('0.6833');
    expect(r.ciUpper.toFixed(4)).toBe('4.3008');
  });
});
