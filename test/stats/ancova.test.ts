import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ancova } from '../../src/stats/ancova.js';
import { expectClose } from '../support/tolerance.js';

interface Row { term: string; estimate: number; se: number; statistic: number; pValue: number; ciLower: number; ciUpper: number }
interface Case {
  label: string;
  confLevel: number;
  formula: string;
  outcome: number[];
  treated: number[];
  baseline: number[];
  covariates: { name: string; values: (number | string)[] }[];
  df: number;
  sigma: number;
  coefficients: Row[];
}
const cases = (JSON.parse(readFileSync(new URL('../reference/ancova.json', import.meta.url), 'utf8')) as { cases: Case[] }).cases;

describe('ancova = lm() + confint() (test/reference/ancova.R)', () => {
  for (const c of cases) {
    it(`${c.label}: ${c.formula}, ${c.confLevel * 100}%`, () => {
      const r = ancova({ outcome: c.outcome, treated: c.treated, baseline: c.baseline, covariates: c.covariates }, { confLevel: c.confLevel });
      expect(r.coefficients.map((k) => k.term)).toEqual(c.coefficients.map((k) => k.term));
      r.coefficients.forEach((k, j) => {
        const e = c.coefficients[j]!;
        for (const key of ['estimate', 'se', 'statistic', 'pValue', 'ciLower', 'ciUpper'] as const) expectClose(k[key], e[key]);
      });
      const arm = c.coefficients.find((k) => k.term === 'arm')!;
      expectClose(r.difference, arm.estimate);
      expectClose(r.se, arm.se);
      expectClose(r.ciLower, arm.ciLower);
      expectClose(r.ciUpper, arm.ciUpper);
      expectClose(r.pValue, arm.pValue);
      expectClose(r.sigma, c.sigma);
      expect(r.df).toBe(c.df);
      expect(r.n.intervention + r.n.control).toBe(c.outcome.length);
      if (c.covariates.length > 0) expect(r.referenceLevels).toEqual({ country: 'DK' });
    });
  }

  it('accepts booleans for the arm', () => {
    const c = cases[0]!;
    const a = ancova({ outcome: c.outcome, treated: c.treated, baseline: c.baseline });
    const b = ancova({ outcome: c.outcome, treated: c.treated.map((t) => t === 1), baseline: c.baseline });
    expect(b.difference).toBe(a.difference);
  });

  it('fails in the user\'s language', () => {
    const base = { outcome: [1, 2, 3, 4, 5], baseline: [2, 1, 4, 3, 6] };
    expect(() => ancova({ ...base, treated: [1, 0, 0, 0, 0] })).toThrow('fewer than 2 patients with baseline and follow-up in the intervention arm (found 1)');
    expect(() => ancova({ ...base, treated: [1, 1, 0, 0, 2] })).toThrow('arm of patient 5 is 2');
    expect(() => ancova({ ...base, baseline: [3, 3, 3, 3, 3], treated: [1, 1, 0, 0, 0] })).toThrow(/the baseline score has the same value \(3\)/);
    expect(() => ancova({ ...base, treated: [1, 1, 0, 0, 0], covariates: [{ name: 'country', values: ['DK', 'DK', 'DK', 'DK', 'DK'] }] }))
      .toThrow("covariate 'country' has only one level ('DK')");
    expect(() => ancova({ ...base, treated: [1, 1, 0, 0, 0], covariates: [{ name: 'site', values: ['a', 'a', 'b', 'b', 'b'] }] }))
      .toThrow("covariate 'site' is nested in the arm: each of its 2 levels is in one arm only");
    // A covariate that repeats another (not the arm) is still named by its collinear columns.
    expect(() => ancova({ outcome: [1, 2, 3, 4, 5, 6, 7], baseline: [2, 1, 4, 3, 6, 5, 7], treated: [1, 1, 1, 0, 0, 0, 0], covariates: [{ name: 'x', values: [1, 2, 3, 1, 2, 3, 1] }, { name: 'y', values: [2, 4, 6, 2, 4, 6, 2] }] }))
      .toThrow("singular design: column 'y' is collinear with '(Intercept)', 'arm', 'baseline', 'x'");
  });

  const score = fc.integer({ min: -5000, max: 5000 }).map((v) => v / 100);
  const trial = fc.integer({ min: 6, max: 40 }).chain((n) => fc.tuple(
    fc.array(score, { minLength: n, maxLength: n }),
    fc.array(score, { minLength: n, maxLength: n }),
    fc.shuffledSubarray([...Array(n).keys()], { minLength: 2, maxLength: n - 2 }),
  )).map(([y, b, treatedIdx]) => ({ outcome: y, baseline: b, treated: y.map((_, i) => (treatedIdx.includes(i) ? 1 : 0)) }));

  it('property: swapping arms flips the difference and swaps the CI bounds; 1e8 shift changes nothing', () => {
    fc.assert(fc.property(trial, (t) => {
      let a;
      try {
        a = ancova(t);
      } catch {
        return; // a degenerate random design (e.g. baseline collinear with arm)
      }
      const s = ancova({ ...t, treated: t.treated.map((v) => 1 - v) });
      expectClose(s.difference, -a.difference, 1e-6, 10);
      expectClose(s.ciLower, -a.ciUpper, 1e-6, 10);
      expectClose(s.ciUpper, -a.ciLower, 1e-6, 10);
      const shifted = ancova({ ...t, outcome: t.outcome.map((v) => v + 1e8), baseline: t.baseline.map((v) => v + 1e8) });
      expectClose(shifted.difference, a.difference, 1e-6, 10);
      expectClose(shifted.se, a.se, 1e-6, 10);
    }));
  });
});
