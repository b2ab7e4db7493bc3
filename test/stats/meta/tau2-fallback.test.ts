/**
 * Non-convergence: REML → PM → DL, recorded in tau2Method and warnings, never thrown.
 * Forced with a tiny iteration limit on dat.bcg (log RR), where REML needs several Fisher-scoring
 * steps and PM's root search more than one.
 */
import { describe, expect, it } from 'vitest';
import { expectClose } from '../../support/tolerance.js';
import type { EffectsCase } from './fixtures.js';
import { readFixture } from './fixtures.js';
import { estimateTau2, TAU2_ESTIMATORS } from '../../../src/stats/meta/tau2.js';
import { randomEffects } from '../../../src/stats/meta/random-effects.js';
import { tau2DerSimonianLaird } from '../../../src/stats/meta/tau2-dl.js';
import { tau2PauleMandel } from '../../../src/stats/meta/tau2-pm.js';
import { zeroin } from '../../../src/stats/meta/zeroin.js';

const rr = readFixture<{ effects: EffectsCase[] }>('meta-bcg.json').effects.find((e) => e.measure === 'RR')!;

describe('τ² estimator registry', () => {
  it('registers DL, REML and PM by method code', () => {
    expect(Object.keys(TAU2_ESTIMATORS).sort()).toEqual(['DL', 'PM', 'REML']);
    for (const est of Object.values(TAU2_ESTIMATORS)) expect(est(rr.yi, rr.vi).converged).toBe(true);
  });
});

describe('fallback on non-convergence', () => {
  it('REML → PM when REML runs out of iterations but PM does not', () => {
    // REML on bcg needs > 2 steps; PM's Brent search needs more too, so give PM its own budget
    // by checking the estimator chain directly.
    const reml = TAU2_ESTIMATORS.REML(rr.yi, rr.vi, { maxIter: 1 });
    expect(reml.converged).toBe(false);
    const pm = tau2PauleMandel(rr.yi, rr.vi, { maxIter: 1 });
    expect(pm.converged).toBe(false);
  });

  it('REML → PM → DL with maxIter = 1, with one warning per step', () => {
    const fit = randomEffects(rr.yi, rr.vi, { method: 'REML', control: { maxIter: 1 } });
    expect(fit.tau2Method).toBe('DL');
    expect(fit.warnings).toEqual([
      'REML did not converge after 1 iteration; Paule–Mandel used instead',
      'Paule–Mandel did not converge after 1 iteration; DerSimonian–Laird used instead',
    ]);
    const dl = randomEffects(rr.yi, rr.vi, { method: 'DL' });
    expectClose(fit.tau2, dl.tau2);
    expectClose(fit.estimate, dl.estimate);
    expectClose(fit.ciLower, dl.ciLower);
  });

  it('REML → PM when only REML fails (homogeneous studies, maxIter = 0)', () => {
    // Q(0) < k − 1, so PM returns τ² = 0 without iterating, while REML needs one step.
    const yi = [0.1, 0.12, 0.09, 0.11];
    const vi = [0.04, 0.05, 0.03, 0.06];
    const t = estimateTau2(yi, vi, 'REML', { maxIter: 0 });
    expect(t.tau2Method).toBe('PM');
    expect(t.tau2).toBe(0);
    expect(t.warnings).toEqual(['REML did not converge after 0 iterations; Paule–Mandel used instead']);
  });

  it('REML on dat.bcg converges in 3 Fisher-scoring steps, as metafor reports with verbose = TRUE', () => {
    const t = estimateTau2(rr.yi, rr.vi, 'REML');
    expect(t.iterations).toBe(3);
    expect(t.converged).toBe(true);
  });

  it('PM → DL', () => {
    const t = estimateTau2(rr.yi, rr.vi, 'PM', { maxIter: 1 });
    expect(t.tau2Method).toBe('DL');
    expect(t.warnings).toHaveLength(1);
    expectClose(t.tau2, tau2DerSimonianLaird(rr.yi, rr.vi).tau2);
  });

  it('words the warning as the brief asks at the default limit of 100', () => {
    // With a step length of 0.01 and a threshold of 1e-12, Fisher scoring needs far more than 100 steps.
    const t = estimateTau2(rr.yi, rr.vi, 'REML', { stepAdj: 0.01, threshold: 1e-12 });
    expect(t.tau2Method).toBe('PM');
    expect(t.warnings).toEqual(['REML did not converge after 100 iterations; Paule–Mandel used instead']);
  });

  it('converged fits carry no warnings', () => {
    for (const method of ['DL', 'REML', 'PM'] as const) expect(estimateTau2(rr.yi, rr.vi, method).warnings).toEqual([]);
  });
});

describe('zeroin (port of R_zeroin2)', () => {
  it('finds √2 and reports failure when out of iterations', () => {
    const f = (x: number): number => x * x - 2;
    const r = zeroin(f, 0, 2, f(0), f(2), 1e-12, 100);
    expectClose(r.root, Math.SQRT2, 1e-11);
    expect(r.iterations).toBeGreaterThan(0);
    expect(zeroin(f, 0, 2, f(0), f(2), 1e-12, 1).iterations).toBe(-1);
  });
});
