/**
 * A constructed set of 2×2 tables with zero cells (test/reference/meta-zero-cells.R):
 * A has no events in the intervention arm, C none in either arm, F only events in one arm.
 * escalc(add = 1/2, to = "only0") corrects exactly the tables with a zero cell; rma.mh uses the
 * raw counts for the MH estimate and leaves the double-zero table out of Q (?escalc, ?rma.mh).
 */
import { describe, expect, it } from 'vitest';
import { expectClose } from '../../support/tolerance.js';
import { expectMatchesMetafor } from './fit-checks.js';
import { expectMantelHaenszelMatches } from './mantel-haenszel-checks.js';
import type { EffectsCase, FitCase, MantelHaenszelCase } from './fixtures.js';
import { readFixture } from './fixtures.js';
import { logOddsRatio, logRiskRatio, riskDifference } from '../../../src/stats/meta/two-by-two.js';
import { mantelHaenszel } from '../../../src/stats/meta/mantel-haenszel.js';
import { tau2PauleMandel } from '../../../src/stats/meta/tau2-pm.js';
import { randomEffects } from '../../../src/stats/meta/random-effects.js';

const fx = readFixture<{
  tables: { label: string; ai: number; n1i: number; ci: number; n2i: number }[];
  effects: EffectsCase[];
  fits: FitCase[];
  mantelHaenszel: MantelHaenszelCase[];
  pmWide: { yi: number[]; vi: number[]; tau2: number; metaforError: string };
}>('meta-zero-cells.json');

const tables = fx.tables.map((t) => ({
  label: t.label,
  eventsIntervention: t.ai,
  nIntervention: t.n1i,
  eventsControl: t.ci,
  nControl: t.n2i,
}));

describe('zero cells: escalc(add = 1/2, to = "only0")', () => {
  for (const e of fx.effects) {
    it(e.measure, () => {
      const f = { RR: logRiskRatio, OR: logOddsRatio, RD: riskDifference }[e.measure];
      tables.forEach((t, i) => {
        const r = f(t);
        expectClose(r.yi, e.yi[i]!, 1e-9, 1e-12);
        expectClose(r.vi, e.vi[i]!, 1e-9);
      });
      expect(tables.map((t) => f(t).continuityCorrected)).toEqual([true, false, true, false, false, true]);
    });
  }
});

describe('zero cells: rma() on the corrected effects', () => {
  for (const c of fx.fits) it(c.label, () => expectMatchesMetafor(c));
});

describe('zero cells: rma.mh()', () => {
  for (const c of fx.mantelHaenszel) it(c.label, () => expectMantelHaenszelMatches(c));

  it('names the double-zero table it leaves out of Q', () => {
    expect(mantelHaenszel(tables, 'OR').warnings).toEqual(['Study C: no events in both arms; left out of the heterogeneity test (Q)']);
  });

  it('refuses an MH risk ratio without any intervention events', () => {
    const none = tables.map((t) => ({ ...t, eventsIntervention: 0 }));
    expect(() => mantelHaenszel(none, 'RR')).toThrow(/undefined/);
    expect(mantelHaenszel(none, 'RD').estimate).toBeLessThan(0);
  });
});

describe('Paule–Mandel beyond metafor’s default tau2.max', () => {
  it('widens the bracket where metafor stops, and finds the unique root', () => {
    expect(fx.pmWide.metaforError).toMatch(/tau2.max/);
    const r = tau2PauleMandel(fx.pmWide.yi, fx.pmWide.vi);
    expect(r.converged).toBe(true);
    expectClose(r.tau2, fx.pmWide.tau2, 1e-6);
    const fit = randomEffects(fx.pmWide.yi, fx.pmWide.vi, { method: 'PM' });
    expect(fit.tau2Method).toBe('PM');
    expect(fit.warnings).toEqual([]);
  });
});
