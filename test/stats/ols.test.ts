import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ols } from '../../src/stats/ols.js';
import { expectClose } from '../support/tolerance.js';

interface Longley {
  names: string[];
  X: number[][];
  y: number[];
  estimate: number[];
  se: number[];
  statistic: number[];
  pValue: number[];
  ciLower: number[];
  ciUpper: number[];
  df: number;
  sigma: number;
  nist: { estimate: number[]; se: number[]; sigma: number };
}
const longley = JSON.parse(readFileSync(new URL('../reference/ols.json', import.meta.url), 'utf8')) as Longley;

describe('ols on NIST StRD Longley (test/reference/ols.R)', () => {
  const fit = ols(longley.X, longley.y, longley.names);

  it('matches R lm(Employed ~ ., longley) to 1e-9 relative', () => {
    expect(fit.df).toBe(longley.df);
    expect(fit.coefficients.map((c) => c.term)).toEqual(longley.names);
    fit.coefficients.forEach((c, j) => {
      expectClose(c.estimate, longley.estimate[j]!, 1e-9);
      expectClose(c.se, longley.se[j]!, 1e-9);
      expectClose(c.statistic, longley.statistic[j]!, 1e-9);
      expectClose(c.pValue, longley.pValue[j]!, 1e-8);
      expectClose(c.ciLower, longley.ciLower[j]!, 1e-9);
      expectClose(c.ciUpper, longley.ciUpper[j]!, 1e-9);
    });
    expectClose(fit.sigma, longley.sigma, 1e-9);
  });

  it('matches the NIST certified values (rescaled to R units) to 1e-9 relative', () => {
    fit.coefficients.forEach((c, j) => {
      expectClose(c.estimate, longley.nist.estimate[j]!, 1e-9);
      expectClose(c.se, longley.nist.se[j]!, 1e-9);
    });
    expectClose(fit.sigma, longley.nist.sigma, 1e-9);
  });

  it('reproduces the doc-comment example', () => {
    const f = ols([[1, 1], [1, 2], [1, 3]], [1, 2, 2]);
    expectClose(f.coefficients[0]!.estimate, 2 / 3, 1e-12);
    expectClose(f.coefficients[1]!.estimate, 0.5, 1e-12);
    expectClose(f.sigma, Math.sqrt(1 / 6), 1e-12);
    expect(f.df).toBe(1);
  });

  it('names the collinear column of a singular design', () => {
    const X = [[1, 1, 2], [1, 2, 4], [1, 3, 6.0000000001], [1, 4, 8]];
    expect(() => ols(X, [1, 2, 3, 5], ['(Intercept)', 'dose', 'dose2x'])).toThrow("singular design: column 'dose2x' is collinear with '(Intercept)', 'dose'");
    expect(() => ols([[1, 0], [1, 0], [1, 0]], [1, 2, 4], ['(Intercept)', 'arm'])).toThrow("singular design: column 'arm' is zero for every patient");
  });

  it('does not mistake a column in tiny units for a collinear one', () => {
    const X = longley.X.map((row) => row.map((v, j) => (j === 3 ? v * 1e-12 : v)));
    const f = ols(X, longley.y, longley.names);
    expectClose(f.coefficients[3]!.estimate, longley.estimate[3]! * 1e12, 1e-8);
  });

  it('refuses too few observations and exact fits', () => {
    expect(() => ols([[1, 2], [1, 3]], [1, 2])).toThrow('2 complete observations are too few to estimate 2 coefficients with a residual error (need at least 3)');
    expect(() => ols([[1, 1], [1, 2], [1, 3]], [2, 4, 6])).toThrow(/fits every patient exactly/);
  });
});
