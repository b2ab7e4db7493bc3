/**
 * Cluster-robust (CR1) SEs and t on G − 1 df against R: sandwich::vcovCL(lm(...), cluster = ~g,
 * type = "HC1") on a simulated trial of 14 practices (test/reference/cluster-robust.R → .json),
 * for the ANCOVA (ancova.ts with clusters), the unadjusted difference and the risk difference of
 * the linear probability model (clusterDifference), at 1e-6 relative.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ancova } from '../../src/stats/ancova.js';
import { clusterDifference } from '../../src/stats/cluster-robust.js';

interface Coefficient { term: string; estimate: number; se: number; statistic: number; pValue: number; ciLower: number; ciUpper: number }
interface Case { label: string; confLevel: number; df: number; coefficients: Coefficient[] }
const fixture = JSON.parse(readFileSync('test/reference/cluster-robust.json', 'utf8')) as {
  data: { cluster: string[]; arm: (0 | 1)[]; baseline: number[]; followUp: number[]; sex: string[]; age: number[]; event: number[] };
  cases: Case[];
};
const { data } = fixture;

const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(expected)));
const expectRow = (got: { difference: number; se: number; df: number; ciLower: number; ciUpper: number; pValue: number }, r: Coefficient, df: number) => {
  close(got.difference, r.estimate);
  close(got.se, r.se);
  close(got.ciLower, r.ciLower);
  close(got.ciUpper, r.ciUpper);
  close(got.pValue, r.pValue);
  expect(got.df).toBe(df);
};

describe('the cluster-randomised ANCOVA', () => {
  for (const c of fixture.cases.filter((x) => x.label === 'ancova')) {
    it(`matches vcovCL HC1 at ${c.confLevel}: every coefficient`, () => {
      const r = ancova(
        { outcome: data.followUp, baseline: data.baseline, treated: data.arm, covariates: [{ name: 'sex', values: data.sex }, { name: 'age', values: data.age }], clusters: data.cluster },
        { confLevel: c.confLevel },
      );
      expect(r.dfMethod).toBe('clusters');
      expect(r.clusters).toBe(14);
      expectRow(r, c.coefficients.find((x) => x.term === 'arm')!, c.df);
      const names: Record<string, string> = { '(Intercept)': '(Intercept)', arm: 'arm', baseline: 'baseline', sexM: 'sexM', age: 'age' };
      for (const want of c.coefficients) {
        const got = r.coefficients.find((x) => x.term === names[want.term])!;
        close(got.estimate, want.estimate);
        close(got.se, want.se);
        close(got.ciLower, want.ciLower);
        close(got.pValue, want.pValue);
      }
    });
  }
  it('without clusters keeps the model-based SE (narrower here: the practices are alike)', () => {
    const plain = ancova({ outcome: data.followUp, baseline: data.baseline, treated: data.arm }, { confLevel: 0.95 });
    const clustered = ancova({ outcome: data.followUp, baseline: data.baseline, treated: data.arm, clusters: data.cluster }, { confLevel: 0.95 });
    expect(plain.dfMethod).toBe('residual');
    expect(plain.df).toBe(data.followUp.length - 3);
    expect(clustered.difference).toBe(plain.difference);
    expect(clustered.se).toBeGreaterThan(plain.se);
  });
});

describe('the unadjusted and the risk difference', () => {
  for (const c of fixture.cases.filter((x) => x.label !== 'ancova')) {
    it(`${c.label} at ${c.confLevel} matches vcovCL HC1 with t on G − 1 df`, () => {
      const y = c.label === 'difference' ? data.followUp : data.event;
      const r = clusterDifference(y, data.arm, data.cluster, c.confLevel);
      expect(r.clusters).toBe(14);
      expectRow(r, c.coefficients.find((x) => x.term === 'arm')!, c.df);
    });
  }
  it('refuses a single cluster', () => {
    expect(() => clusterDifference([1, 2, 3, 4], [1, 1, 0, 0], ['a', 'a', 'a', 'a'], 0.95)).toThrow(/at least 2 clusters/);
  });
});
