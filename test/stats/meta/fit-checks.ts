/** Compares a MetaFit (and its prediction interval) with one metafor rma() fixture case. */
import { expect } from 'vitest';
import type { MetaFit } from '../../../src/stats/meta/meta-fit.js';
import { fixedEffect } from '../../../src/stats/meta/fixed-effect.js';
import { randomEffects } from '../../../src/stats/meta/random-effects.js';
import { predictionInterval } from '../../../src/stats/meta/prediction-interval.js';
import { expectClose, R_REL } from '../../support/tolerance.js';
import type { FitCase } from './fixtures.js';

export function fitFor(c: FitCase): MetaFit {
  if (c.method === 'FE') return fixedEffect(c.yi, c.vi, { confLevel: c.confLevel });
  return randomEffects(c.yi, c.vi, { method: c.method, hksj: c.test === 'knha', confLevel: c.confLevel });
}

export function expectMatchesMetafor(c: FitCase): void {
  const r = fitFor(c);
  // REML τ² is compared at 1e-5 (its iteration stops at |Δτ²| ≤ 1e-5); everything else at 1e-6.
  const tauRel = c.method === 'REML' ? 1e-5 : R_REL;
  expect(r.k).toBe(c.yi.length);
  expect(r.warnings).toEqual([]);
  expectClose(r.tau2, c.tau2, tauRel, 1e-8);
  expectClose(r.estimate, c.estimate, R_REL, 1e-10);
  expectClose(r.se, c.se);
  expectClose(r.ciLower, c.ciLower, R_REL, 1e-10);
  expectClose(r.ciUpper, c.ciUpper, R_REL, 1e-10);
  expectClose(r.statistic, c.statistic, R_REL, 1e-10);
  expectClose(r.pValue, c.pValue, R_REL, 1e-300);
  expectClose(r.q as number, c.q);
  expectClose(r.qPValue as number, c.qPValue, R_REL, 1e-300);
  expectClose(r.i2 as number, c.i2, R_REL, 1e-8);
  expectClose(r.h2 as number, c.h2);
  expect(r.weights).toHaveLength(c.weights.length);
  r.weights.forEach((w, i) => expectClose(w, c.weights[i] as number));
  if (c.method === 'FE') {
    expect(r.model).toBe('fixed');
    expect(r.tau2Method).toBeNull();
  } else {
    expect(r.tau2Method).toBe(c.method);
    if (c.tau2Se !== null) expectClose(r.tau2Se as number, c.tau2Se, tauRel, 1e-8);
  }
  expect(r.ciMethod).toBe(c.test === 'knha' ? 'hksj' : 'z');
  expect(r.df).toBe(c.test === 'knha' ? c.yi.length - 1 : null);
  const pi = predictionInterval(r);
  if (c.method === 'FE') {
    // metafor's predict() gives no PI for a fixed-effect model; neither do we.
    expect(pi).toBeNull();
    return;
  }
  expect(pi).not.toBeNull();
  expect(pi!.piDf).toBe(c.test === 'knha' ? c.yi.length - 1 : null);
  expectClose(pi!.piLower, c.piLower as number, R_REL, 1e-10);
  expectClose(pi!.piUpper, c.piUpper as number, R_REL, 1e-10);
}
