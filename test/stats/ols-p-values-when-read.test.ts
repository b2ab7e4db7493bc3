/**
 * ols.ts computes each coefficient's p-value when it is first read (distributions.ts
 * withTInterval): the callers read the arm's and seldom another's, and each is an incomplete beta
 * function (docs/architecture.md#the-cost-of-a-cold-regeneration). What is read — the value, a
 * spread, JSON, in the key order of before — is tInterval's number.
 */
import { describe, expect, it } from 'vitest';
import { ols } from '../../src/stats/ols.js';
import { tInterval } from '../../src/stats/distributions.js';

describe('ols p-values', () => {
  const X = Array.from({ length: 30 }, (_, i) => [1, i % 2, ((i * 7) % 11) - 5]);
  const y = X.map((r, i) => 2 + 0.8 * r[1]! - 0.3 * r[2]! + (((i * 13) % 7) - 3) / 4);

  it('are computed when read, not when fitted', () => {
    const fit = ols(X, y, ['(Intercept)', 'arm', 'age']);
    for (const c of fit.coefficients) expect(Object.getOwnPropertyDescriptor(c, 'pValue')?.get).toBeTypeOf('function');
  });

  it("read, spread or written as JSON, are tInterval's numbers, in the key order of before", () => {
    const fit = ols(X, y, ['(Intercept)', 'arm', 'age']);
    const plain = fit.coefficients.map((c) => {
      const { statistic, pValue, ciLower, ciUpper } = tInterval(c.estimate, c.se, fit.df, 0.95);
      return { term: c.term, estimate: c.estimate, se: c.se, statistic, pValue, ciLower, ciUpper };
    });
    expect(JSON.stringify(fit.coefficients)).toBe(JSON.stringify(plain));
    expect(fit.coefficients.map((c) => ({ ...c }))).toEqual(plain);
    expect(fit.coefficients[1]!.pValue).toBe(plain[1]!.pValue);
    expect(fit.coefficients[1]!.pValue).toBe(plain[1]!.pValue);
    expect(structuredClone(fit.coefficients)).toEqual(plain);
  });
});
