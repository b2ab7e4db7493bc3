/**
 * Multiple imputation at a visit runs among the patients to whom the outcome applies there
 * (docs/plan-trial.md#not-applicable); a categorical covariate is coded again over those patients,
 * as R's lm on that subset: a level only the others had (a work outcome not applicable to retired
 * patients, employment status a covariate) is no all-zero, collinear column. With every kept
 * patient's value observed at the visit, the completed data sets equal the observed ones there, so
 * MI + ANCOVA must give the complete-case ANCOVA's estimate and standard error.
 */
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';

const REGIONS = ['Nord', 'Syd', 'Øst'];

/** 90 patients, 30 per region; the outcome at 12m does not apply to every patient of `notIn`; some 3m values missing. */
function csvWithout(notIn: string): string {
  let seed = 11;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const lines = ['id,arm,koen,region,nrs_baseline,nrs_3m,nrs_12m'];
  for (let i = 0; i < 90; i++) {
    const arm = i % 2;
    const region = REGIONS[Math.floor(i / 30)]!;
    const koen = rnd() < 0.5 ? 'K' : 'M';
    const base = Math.round(3 + 4 * rnd());
    const at = (shift: number) => Math.min(10, Math.max(0, Math.round(base - arm * shift + 3 * (rnd() - 0.5) + REGIONS.indexOf(region))));
    const m3 = rnd() < 0.15 ? '' : String(at(1));
    const m12 = region === notIn ? 'Ikke relevant' : String(at(1.5));
    lines.push(`P${i},${arm},${koen},${region},${base},${m3},${m12}`);
  }
  return lines.join('\n') + '\n';
}

const plan = parsePlan({
  arms: { intervention: '1', control: '0' },
  layout: 'wide',
  timepoints: ['3m', '12m'],
  covariates: ['koen', 'region'],
  methods: ['ancova'],
  missing: { method: 'mi', m: 5, seed: 1 },
  outcomes: [{ key: 'nrs', instrument: 'nrs', mcid: 1, notApplicableCodes: ['Ikke relevant'] }],
});

describe('MI at a visit codes the categorical covariates over the patients to whom the outcome applies', () => {
  for (const [notIn, what] of [['Nord', 'the reference level'], ['Øst', 'another level']] as const) {
    it(`a region (${what}) present only among the patients it does not apply to: MI + ANCOVA equals the complete-case ANCOVA`, () => {
      const result = analyzeTrial(loadTrial(parseCsvText(csvWithout(notIn), 'na.csv'), plan), { version: 'test' });
      const at = (method: string) => result.effects.find((e) => e.time === '12m' && e.method === method)!;
      expect(at('ancova').error).toBeUndefined();
      expect(at('mi-ancova').error).toBeUndefined();
      expect(at('mi-ancova').n).toEqual(at('ancova').n);
      expect(at('mi-ancova').n.intervention + at('mi-ancova').n.control).toBe(60);
      expect(Math.abs(at('mi-ancova').difference! - at('ancova').difference!)).toBeLessThan(1e-9);
      expect(Math.abs(at('mi-ancova').se! - at('ancova').se!)).toBeLessThan(1e-9);
    });
  }

  it('a covariate left with one level there: refused in the complete-case ANCOVA\'s words, not "the design is collinear"', () => {
    const csv = csvWithout('none').replace(/^(P\d+,\d,M,.*,)\d+$/gm, '$1Ikke relevant');
    const result = analyzeTrial(loadTrial(parseCsvText(csv, 'na.csv'), plan), { version: 'test' });
    const mi = result.effects.find((e) => e.time === '12m' && e.method === 'mi-ancova')!;
    expect(mi.error).toBe("covariate 'koen' has only one level ('K') among the patients analysed; drop it from the model");
    expect(result.effects.find((e) => e.time === '12m' && e.method === 'ancova')!.error).toBe(mi.error);
  });
});
