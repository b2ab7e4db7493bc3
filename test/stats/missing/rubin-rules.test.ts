import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { poolRubin } from '../../../src/stats/missing/rubin-rules.js';
import { expectClose } from '../../support/tolerance.js';

interface RubinCase {
  label: string;
  estimates: number[];
  variances: number[];
  dfComplete: number | string;
  [key: string]: unknown;
}

const fixture = JSON.parse(
  readFileSync(new URL('../../reference/missing-rubin.json', import.meta.url), 'utf8'),
) as { cases: RubinCase[] };

const num = (v: unknown): number => (v === 'Inf' ? Infinity : (v as number));

describe('poolRubin against mice::pool() (test/reference/missing-rubin.R)', () => {
  for (const c of fixture.cases) {
    it(c.label, () => {
      const r = poolRubin(c.estimates, c.variances, num(c.dfComplete));
      const rel = 1e-8;
      expectClose(r.estimate, num(c.estimate), rel);
      expectClose(r.within, num(c.within), rel);
      expectClose(r.between, num(c.between), rel);
      expectClose(r.total, num(c.total), rel);
      expectClose(r.df, num(c.df), rel);
      expectClose(r.riv, num(c.riv), rel);
      expectClose(r.lambda, num(c.lambda), rel);
      expectClose(r.fmi, num(c.fmi), rel);
      expectClose(r.se, num(c.se), rel);
      expectClose(r.statistic, num(c.statistic), rel);
      expectClose(r.pValue, num(c.pValue), rel);
      expectClose(r.ciLower, num(c.ciLower), rel);
      expectClose(r.ciUpper, num(c.ciUpper), rel);
    });
  }
});

describe('poolRubin properties', () => {
  it('identical imputations reduce to the complete-data analysis', () => {
    const r = poolRubin([2, 2, 2, 2], [0.25, 0.25, 0.25, 0.25], 50);
    expect(r.between).toBe(0);
    expect(r.total).toBe(0.25);
    // λ is floored at 1e-4 as in mice: df ≈ ν_obs = (51/53)·50·(1 − 1e-4), ν_old = 3e8.
    const dfObs = (51 / 53) * 50 * (1 - 1e-4);
    const dfOld = 3 / 1e-8;
    expectClose(r.df, (dfOld * dfObs) / (dfOld + dfObs), 1e-12);
  });

  it('negating every estimate flips the sign and keeps the variances', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 2, maxLength: 30 }),
        fc.double({ min: 0.01, max: 10, noNaN: true }),
        (qs, u) => {
          const us = qs.map(() => u);
          const a = poolRubin(qs, us, 40);
          const b = poolRubin(qs.map((q) => -q), us, 40);
          expect(b.estimate).toBeCloseTo(-a.estimate, 10);
          expect(b.total).toBeCloseTo(a.total, 10);
          expect(b.pValue).toBeCloseTo(a.pValue, 10);
          expect(a.df).toBeLessThanOrEqual(40);
        },
      ),
    );
  });

  it('rejects a single imputation and mismatched lengths', () => {
    expect(() => poolRubin([1], [1], 10)).toThrow(/at least 2/);
    expect(() => poolRubin([1, 2], [1], 10)).toThrow(/variances/);
  });
});
