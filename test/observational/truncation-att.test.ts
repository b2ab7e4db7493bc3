/**
 * Weight truncation under ATT: the cap is the plan's quantile of the non-users' weights, and only
 * theirs are capped (the users weigh 1: they are the target population), as R WeightIt's trim()
 * does. Over all weights the users' 1s pulled a "90th percentile" down to 1.504 here and 61 of 219
 * non-users were capped. R: test/reference/observational-truncation-att.R. (ATE's cap over every
 * weight: observational-reference.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsvFile } from '../../src/io/read-csv.js';
import { computeObservationalAnalyses } from '../../src/observational/analyze-observational.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';

const ref = JSON.parse(readFileSync('test/reference/observational-truncation-att.json', 'utf8')) as {
  truncate: number; n: { exposed: number; unexposed: number }; cap: number; quantileType7: number; quantileType3: number; capOverAllWeights: number;
  truncated: number; ess: { exposed: number; unexposed: number }; weightedRegression: { estimate: number; se: number };
};

const plan = (estimand: 'ATT' | 'ATE') => parsePlan({
  design: 'observational',
  observational: {
    exposure: { column: 'app', exposed: 'Ja', unexposed: 'Nej' },
    confounders: [{ name: 'age', type: 'numeric' }, { name: 'sex', type: 'categorical' }, { name: 'referrer', type: 'categorical' }],
    estimand,
    truncate: ref.truncate,
  },
  layout: 'wide',
  timepoints: ['3m'],
  outcomes: [{ key: 'rmdq', instrument: 'rmdq' }],
});
const csv = readCsvFile('test/fixtures/observational/registry-att-600.csv');
const analysis = (estimand: 'ATT' | 'ATE') => computeObservationalAnalyses(loadTrial(csv, plan(estimand)))[0]!;

describe('truncation under ATT', () => {
  const a = analysis('ATT');
  it('caps the non-users\' weights at their own quantile (= R), the users\' stay 1', () => {
    expect(a.error).toBeUndefined();
    expect(a.patients).toEqual(ref.n);
    expect(Math.abs(a.weights!.truncatedAt! - ref.cap)).toBeLessThan(1e-8);
    expect(a.weights!.truncated).toBe(ref.truncated);
    expect(a.weights!.effectiveSampleSize.exposed).toBeCloseTo(ref.n.exposed, 10);
    expect(Math.abs(a.weights!.effectiveSampleSize.unexposed - ref.ess.unexposed)).toBeLessThan(1e-8);
    // hta's cap (a window mean of 5 weights) lies within 1% of R's plain quantiles of the non-users'
    // weights, far above the cap over everyone's weights (the users' 1s pulled it down).
    const cap = a.weights!.truncatedAt!;
    expect(Math.abs(cap / ref.quantileType7 - 1)).toBeLessThan(0.01);
    expect(Math.abs(cap / ref.quantileType3 - 1)).toBeLessThan(0.01);
    expect(cap).toBeGreaterThan(2 * ref.capOverAllWeights);
    // About 10% of the non-users are capped, not the 28% a cap over everyone's weights gave.
    const share = a.weights!.truncated / a.patients.unexposed;
    expect(share).toBeGreaterThan(0.09);
    expect(share).toBeLessThan(0.11);
  });

  it('gives the weighted regression R gives with those weights', () => {
    const wr = a.effects.find((e) => e.method === 'weighted-regression')!;
    expect(Math.abs(wr.difference - ref.weightedRegression.estimate)).toBeLessThan(1e-8);
    expect(Math.abs(wr.se! - ref.weightedRegression.se)).toBeLessThan(1e-8);
  });

});
