/**
 * Stroke-unit trials, length of stay (Normand 1999, Stat Med 18:321–359), metafor's
 * `dat.normand1999`. Reference numbers: test/reference/meta-normand1999.R → meta-normand1999.json
 * (metafor 3.8; cf. metafor's test_analysis_example_normand1999.r and ?dat.normand1999).
 * Mean differences in days and Hedges' g (escalc "SMD", vtype "LS").
 */
import { describe, expect, it } from 'vitest';
import { expectClose, expectPrinted } from '../../support/tolerance.js';
import { expectMatchesMetafor } from './fit-checks.js';
import type { FitCase } from './fixtures.js';
import { readFixture } from './fixtures.js';
import { meanDifference } from '../../../src/stats/meta/mean-difference.js';
import { hedgesCorrection, hedgesG } from '../../../src/stats/meta/hedges-g.js';
import { effectFromCi, effectFromSe } from '../../../src/stats/meta/effect-from-interval.js';
import { randomEffects } from '../../../src/stats/meta/random-effects.js';
import { fixedEffect } from '../../../src/stats/meta/fixed-effect.js';
import { predictionInterval } from '../../../src/stats/meta/prediction-interval.js';
import type { ArmSummaries } from '../../../src/stats/meta/study-effect.js';

interface Arm {
  label: string;
  n1: number;
  m1: number;
  sd1: number;
  n2: number;
  m2: number;
  sd2: number;
}

const fx = readFixture<{
  arms: Arm[];
  md: { yi: number[]; vi: number[] };
  smd: { yi: number[]; vi: number[] };
  hedgesJ: { m: number; j: number }[];
  fits: FitCase[];
  single: { yi: number; vi: number; estimate: number; se: number; ciLower: number; ciUpper: number; pValue: number };
  fromCi: { scale: 'identity' | 'ratio'; estimate: number; lower: number; upper: number; confLevel: number; yi: number; vi: number }[];
}>('meta-normand1999.json');

const summaries = (a: Arm): ArmSummaries => ({
  nIntervention: a.n1,
  meanIntervention: a.m1,
  sdIntervention: a.sd1,
  nControl: a.n2,
  meanControl: a.m2,
  sdControl: a.sd2,
});

describe('dat.normand1999: escalc("MD") and escalc("SMD")', () => {
  it('MD and its variance per study', () => {
    fx.arms.forEach((a, i) => {
      const r = meanDifference(summaries(a));
      expectClose(r.yi, fx.md.yi[i]!);
      expectClose(r.vi, fx.md.vi[i]!);
    });
    // Edinburgh: 55 − 75 days, 47²/155 + 64²/156.
    expectPrinted(meanDifference(summaries(fx.arms[0]!)).vi, '40.508');
  });

  it("Hedges' g with the exact J and the LS variance per study", () => {
    fx.arms.forEach((a, i) => {
      const r = hedgesG(summaries(a));
      expectClose(r.yi, fx.smd.yi[i]!, 1e-9);
      expectClose(r.vi, fx.smd.vi[i]!, 1e-9);
    });
  });

  it("Hedges' J(m) against metafor's .cmicalc (R's lgamma loses digits for huge m; ours does not)", () => {
    for (const { m, j } of fx.hedgesJ) expectClose(hedgesCorrection(m), j, m >= 1e5 ? 1e-7 : 1e-12);
    expectClose(hedgesCorrection(2), 1 / Math.sqrt(Math.PI), 1e-14);
    // Large m: J = 1 − 3/(4m − 1) + O(m⁻²), so the exact value is closer to this than R's is.
    expectClose(hedgesCorrection(1e7), 1 - 3 / (4e7 - 1), 1e-13);
  });

  it('rejects a study too small for Hedges g (n1 + n2 < 4)', () => {
    expect(() => hedgesG({ nIntervention: 1, meanIntervention: 1, sdIntervention: 1, nControl: 2, meanControl: 0, sdControl: 1 })).toThrow(
      /at least 4 patients/,
    );
  });
});

describe('dat.normand1999: rma() FE/DL/REML/PM × z/knha on MD and SMD', () => {
  for (const c of fx.fits) it(c.label, () => expectMatchesMetafor(c));

  it('REML + knha prediction interval as printed by predict() ([−79.0645, 48.8525])', () => {
    const fit = randomEffects(fx.md.yi, fx.md.vi, { method: 'REML', hksj: true });
    const pi = predictionInterval(fit)!;
    expectPrinted(pi.piLower, '-79.0645');
    expectPrinted(pi.piUpper, '48.8525');
    expect(pi.piDf).toBe(8);
  });
});

describe('single study (k = 1)', () => {
  it('reports the study as is, with a z interval from vi and no heterogeneity', () => {
    const s = fx.single;
    for (const fit of [randomEffects([s.yi], [s.vi]), fixedEffect([s.yi], [s.vi])]) {
      expect(fit.k).toBe(1);
      expect(fit.estimate).toBe(s.yi);
      expectClose(fit.se, s.se);
      expectClose(fit.ciLower, s.ciLower);
      expectClose(fit.ciUpper, s.ciUpper);
      expectClose(fit.pValue, s.pValue);
      expect(fit.tau2).toBe(0);
      expect([fit.q, fit.qPValue, fit.i2, fit.h2, fit.tau2Method]).toEqual([null, null, null, null, null]);
      expect(fit.weights).toEqual([100]);
      expect(predictionInterval(fit)).toBeNull();
    }
    const hk = randomEffects([s.yi], [s.vi], { hksj: true });
    expect(hk.ciMethod).toBe('z');
    expect(hk.warnings[0]).toMatch(/Only one study/);
    expectClose(hk.ciLower, s.ciLower);
  });
});

describe('effects from a reported CI or SE', () => {
  for (const c of fx.fromCi) {
    it(`${c.scale} ${c.estimate} [${c.lower}, ${c.upper}] at ${c.confLevel}`, () => {
      const r = effectFromCi({ estimate: c.estimate, lower: c.lower, upper: c.upper, confLevel: c.confLevel, scale: c.scale });
      expectClose(r.yi, c.yi);
      expectClose(r.vi, c.vi);
      const s = effectFromSe({ estimate: c.estimate, se: Math.sqrt(c.vi), scale: c.scale });
      expectClose(s.yi, c.yi);
      expectClose(s.vi, c.vi);
    });
  }
  it('rejects reversed bounds and non-positive ratios', () => {
    expect(() => effectFromCi({ estimate: 1, lower: 2, upper: 0, scale: 'identity' })).toThrow(/swap/);
    expect(() => effectFromCi({ estimate: 0.8, lower: 0, upper: 1.2, scale: 'ratio' })).toThrow(/must be positive/);
  });
});
