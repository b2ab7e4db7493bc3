/**
 * BCG vaccine trials (Colditz et al. 1994, JAMA 271:698–702), metafor's `dat.bcg`.
 * Reference numbers: test/reference/meta-bcg.R → meta-bcg.json (metafor 3.8), reproducing the
 * analyses of ?dat.bcg, ?rma.uni, ?rma.mh and Viechtbauer (2010), J Stat Softw 36(3),
 * doi:10.18637/jss.v036.i03 (§3: RE model for log RR, τ² = 0.3132 by REML, estimate −0.7145).
 */
import { describe, expect, it } from 'vitest';
import { expectClose, expectPrinted } from '../../support/tolerance.js';
import { expectMatchesMetafor, fitFor } from './fit-checks.js';
import type { EffectsCase, FitCase, MantelHaenszelCase, SubgroupCase } from './fixtures.js';
import { expectMantelHaenszelMatches } from './mantel-haenszel-checks.js';
import { logOddsRatio, logRiskRatio, riskDifference } from '../../../src/stats/meta/two-by-two.js';
import { subgroupAnalysis } from '../../../src/stats/meta/subgroups.js';
import { readFixture } from './fixtures.js';
import { randomEffects } from '../../../src/stats/meta/random-effects.js';
import { probabilityBeyond } from '../../../src/stats/meta/prediction-interval.js';

const fx = readFixture<{
  effects: EffectsCase[];
  fits: FitCase[];
  beyond: { label: string; test: 'z' | 'knha'; threshold: number; below: number; above: number }[];
}>('meta-bcg.json');

describe('dat.bcg: rma() FE/DL/REML/PM × z/knha, predict(), weights()', () => {
  for (const c of fx.fits) it(c.label, () => expectMatchesMetafor(c));

  it('reproduces Viechtbauer (2010) §3 as printed (REML, log RR)', () => {
    const rr = fx.fits.find((c) => c.label === 'bcg RR REML z')!;
    const r = fitFor(rr);
    expectPrinted(r.tau2, '0.3132');
    expectPrinted(r.estimate, '-0.7145');
    expectPrinted(r.se, '0.1798');
    expectPrinted(r.i2!, '92.22');
  });
});

describe('dat.bcg: probability beyond a threshold from the predictive distribution', () => {
  const rr = fx.effects.find((e) => e.measure === 'RR')!;
  for (const b of fx.beyond) {
    it(b.label, () => {
      const fit = randomEffects(rr.yi, rr.vi, { method: 'REML', hksj: b.test === 'knha' });
      const above = probabilityBeyond(b.threshold, fit, 'above')!;
      const below = probabilityBeyond(b.threshold, fit, 'below')!;
      expectClose(above.probability, b.above);
      expectClose(below.probability, b.below);
      expect(above.piDf).toBe(b.test === 'knha' ? 12 : null);
    });
  }
});

const mhFx = readFixture<{ mantelHaenszel: MantelHaenszelCase[]; subgroups: SubgroupCase[] }>('meta-bcg.json');

describe('dat.bcg: escalc() RR, OR, RD (no zero cells, so no continuity correction)', () => {
  const rows = readFixture<{ effects: EffectsCase[] }>('meta-bcg.json').effects;
  const bcg = mhFx.mantelHaenszel[0]!;
  const tables = bcg.eventsIntervention.map((a, i) => ({
    eventsIntervention: a,
    nIntervention: bcg.nIntervention[i]!,
    eventsControl: bcg.eventsControl[i]!,
    nControl: bcg.nControl[i]!,
  }));
  for (const e of rows) {
    it(e.measure, () => {
      const f = { RR: logRiskRatio, OR: logOddsRatio, RD: riskDifference }[e.measure];
      tables.forEach((t, i) => {
        const r = f(t);
        expectClose(r.yi, e.yi[i]!, 1e-9, 1e-12);
        expectClose(r.vi, e.vi[i]!, 1e-9);
        expect(r.continuityCorrected).toBe(false);
      });
    });
  }
});

describe('dat.bcg: rma.mh() RR, OR, RD', () => {
  for (const c of mhFx.mantelHaenszel) it(c.label, () => expectMantelHaenszelMatches(c));
});

describe('dat.bcg: subgroups by allocation, separate τ², test for subgroup differences', () => {
  for (const c of mhFx.subgroups) {
    it(c.label, () => {
      const studies = c.yi.map((y, i) => ({ label: String(i + 1), yi: y, vi: c.vi[i]!, group: c.group[i]! }));
      const r = subgroupAnalysis(studies, { method: c.method, hksj: c.test === 'knha' });
      expect(r.groups.map((g) => g.group).sort()).toEqual(c.groups.map((g) => g.group).sort());
      for (const g of c.groups) {
        const mine = r.groups.find((x) => x.group === g.group)!.fit;
        expect(mine.k).toBe(g.k);
        expectClose(mine.estimate, g.estimate);
        expectClose(mine.se, g.se);
        expectClose(mine.ciLower, g.ciLower);
        expectClose(mine.ciUpper, g.ciUpper);
        expectClose(mine.tau2, g.tau2, c.method === 'REML' ? 1e-5 : 1e-6, 1e-8);
      }
      expect(r.test!.df).toBe(c.dfBetween);
      expectClose(r.test!.q, c.qBetween);
      expectClose(r.test!.pValue, c.pBetween);
      expectClose(r.test!.i2, c.i2Between, 1e-6, 1e-8);
      expect(r.tau2Scope).toBe('separate');
    });
  }
});
