import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bootstrapDifference, jackknifeInfluence } from '../../src/stats/bootstrap.js';
import { quantileSortedType7 } from '../../src/stats/describe.js';
import { meanDifference } from '../../src/stats/welch-difference.js';
import { expectClose } from '../support/tolerance.js';
import { bootCases } from './bootstrap.fixture.js';

const median = (v: readonly number[]) => quantileSortedType7([...v].sort((a, b) => a - b), 0.5);
const medianDifference = (x: readonly number[], y: readonly number[]) => median(x) - median(y);
const statistics = { meanDifference, medianDifference } as const;

describe('bootstrapDifference (stratified by arm)', () => {
  for (const c of bootCases.filter((k) => typeof k.statistic === 'string')) {
    it(`jackknife influence = empinf(type = "jack"): ${c.label}`, () => {
      const stat = statistics[c.statistic as keyof typeof statistics];
      const L = jackknifeInfluence(c.intervention!, c.control!, stat);
      expect(L).toHaveLength(c.influence.length);
      L.forEach((l, i) => expectClose(l, c.influence[i]!, 1e-6, 1e-9));
      expectClose(stat(c.intervention!, c.control!), c.estimate);
    });
  }

  const sleep = bootCases[0]!;
  it('is deterministic given the seed, reports progress, and lands near boot\'s intervals', () => {
    const calls: [number, number][] = [];
    const opts = { replicates: 2000, seed: 42, onProgress: (d: number, t: number) => calls.push([d, t]) };
    const a = bootstrapDifference(sleep.intervention!, sleep.control!, meanDifference, opts);
    const b = bootstrapDifference(sleep.intervention!, sleep.control!, meanDifference, { replicates: 2000, seed: 42 });
    expect(b).toEqual(a);
    expect(calls).toHaveLength(100);
    expect(calls.at(-1)).toEqual([2000, 2000]);
    expect(a).toMatchObject({ method: 'bootstrap-stratified', ciMethod: 'bca', accelerationMethod: 'stratified-jackknife', replicates: 2000, seed: 42 });
    expect(a.estimate).toBeCloseTo(1.58, 12);
    // Different random streams from R: agreement only to Monte Carlo error.
    expect(Math.abs(a.bca!.lower - sleep.bca.lower)).toBeLessThan(0.2);
    expect(Math.abs(a.bca!.upper - sleep.bca.upper)).toBeLessThan(0.2);
    const c = bootstrapDifference(sleep.intervention!, sleep.control!, meanDifference, { replicates: 2000, seed: 43 });
    expect(c.ciLower).not.toBe(a.ciLower);
  });

  it('property: for any seed the interval is ordered and holds the estimate', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1000 }), (seed) => {
      const x = sleep.intervention!;
      const y = sleep.control!;
      const a = bootstrapDifference(x, y, meanDifference, { replicates: 200, seed });
      expect(a.percentile.lower).toBeLessThanOrEqual(a.percentile.upper);
      expect(a.ciLower).toBeLessThan(a.estimate);
      expect(a.ciUpper).toBeGreaterThan(a.estimate);
    }), { numRuns: 20 });
  });

  it('fails in the user\'s language', () => {
    expect(() => bootstrapDifference([1], [1, 2], meanDifference, { replicates: 10, seed: 1 })).toThrow('fewer than 2 patients in the intervention arm (found 1)');
    expect(() => bootstrapDifference([1, 2], [1, 2], meanDifference, { replicates: 1.5, seed: 1 })).toThrow(/whole number of at least 2/);
    expect(() => bootstrapDifference([1, 2], [1, 2], meanDifference, { replicates: 10, seed: 0.5 })).toThrow(/seed must be a whole number/);
  });
});
