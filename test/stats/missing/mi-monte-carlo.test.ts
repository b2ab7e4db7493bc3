/**
 * The Monte Carlo error of a pooled MI result (White, Royston & Wood 2011) against R on fixed
 * per-imputation numbers (test/reference/mi-gaps.R: mice seed 1, 12m): √(B/m) and the jackknife
 * of the CI limits over imputations with pool.scalar, to 1e-10.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { miMonteCarloError, suggestedImputations } from '../../../src/stats/missing/mi-monte-carlo.js';
import { poolRubin } from '../../../src/stats/missing/rubin-rules.js';

const exact = JSON.parse(readFileSync('test/reference/mi-gaps.json', 'utf8')).exactSeed1At12m;

describe('miMonteCarloError (= √(B/m) and the jackknife of the CI limits in R)', () => {
  it('matches R on mice’s 20 per-imputation estimates and variances', () => {
    const pooled = poolRubin(exact.estimates, exact.variances, exact.dfComplete, 0.95);
    const mc = miMonteCarloError(exact.estimates, exact.variances, exact.dfComplete, 0.95, pooled);
    expect(mc.estimate).toBeCloseTo(exact.mcseEstimate, 10);
    expect(mc.ciLower).toBeCloseTo(exact.mcseCiLower, 10);
    expect(mc.ciUpper).toBeCloseTo(exact.mcseCiUpper, 10);
  });

  it('has no CI-limit error with 2 imputations (nothing to pool without one)', () => {
    const q = exact.estimates.slice(0, 2);
    const u = exact.variances.slice(0, 2);
    const mc = miMonteCarloError(q, u, exact.dfComplete, 0.95, poolRubin(q, u, exact.dfComplete, 0.95));
    expect(mc.estimate).toBeCloseTo(Math.abs(q[0] - q[1]) / 2, 12); // √(B/2), B = (q1 − q2)²/2
    expect(mc.ciLower).toBeUndefined();
  });

  it('suggests 100 × FMI, or enough to bring the error to 10% of the SE, in tens, at least 10', () => {
    expect(suggestedImputations(20, [{ se: 1, mcse: 0.05, fmi: 0.47 }])).toBe(50);
    expect(suggestedImputations(20, [{ se: 1, mcse: 0.2, fmi: 0.3 }])).toBe(80); // 20 × (0.2/0.1)²
    expect(suggestedImputations(20, [{ se: 1, mcse: 0.01, fmi: 0.02 }])).toBe(10);
  });
});
