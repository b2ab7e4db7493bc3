/**
 * A plan instrument without `unit` is not always "points" (docs/plan-trial.md#generic-instruments):
 * the unit of a built-in the plan restates (EQ-5D: index points), "%" for a percentage, no unit
 * word for an index or proportion (−1 to 1), "points" for a points score; and a scale without a
 * unit word prints its numbers alone on the page (no "0.05 " nor "Mean (; …)").
 */
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { defaultUnit, genericInstrument } from '../../src/instruments/generic.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { effectsForestSpec } from '../../src/report/charts/effects-forest.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { withUnit } from '../../src/report/i18n.js';
import { loadTrial } from '../../src/trial/load-trial.js';

const spec = (en: string, range: [number, number]) => ({ label: { en }, range, direction: 'higher-is-better' as const, decimals: true });

describe('the default unit of a plan instrument', () => {
  it('a known instrument\'s unit, a percentage, no word for an index, points for a points score', () => {
    expect(defaultUnit('eq5d_index', spec('EQ-5D-5L index (DK)', [-0.757, 1]))).toEqual({ en: 'index points', da: 'indekspoint' });
    expect(defaultUnit('odi', spec('Oswestry Disability Index (%)', [0, 100]))).toEqual({ en: '%', da: '%' });
    expect(defaultUnit('qol', spec('Quality-of-life index', [0, 1]))).toEqual({ en: '', da: '' });
    expect(defaultUnit('pain_diary', spec('Average pain (diary)', [0, 10]))).toEqual({ en: 'points', da: 'point' });
    expect(genericInstrument('x', { ...spec('X', [0, 1]), unit: { en: 'points' } }).unit).toEqual({ en: 'points', da: 'points' });
  });
  it('names written as users write them: "percent"/"procent", short names inside keys, an EQ-5D VAS is no index', () => {
    const pct = { en: '%', da: '%' };
    expect(defaultUnit('odi', spec('Oswestry Disability Index, percent', [0, 100]))).toEqual(pct);
    expect(defaultUnit('andel', spec('Andel i procent', [0, 100]))).toEqual(pct);
    expect(defaultUnit('odi', spec('ODI per cent', [0, 100]))).toEqual(pct);
    expect(defaultUnit('nrs_avg', spec('Average pain', [0, 10]))).toEqual(defaultUnit('x', spec('NRS', [0, 10])));
    expect(defaultUnit('nrs_share', spec('Share', [0, 1]))).toEqual({ en: 'points', da: 'point' });
    expect(defaultUnit('wai2', spec('Work', [0, 10]))).toEqual({ en: 'points', da: 'point' });
    expect(defaultUnit('eq5d_vas', spec('EQ-5D VAS', [0, 100]))).toEqual({ en: 'points', da: 'point' });
    expect(defaultUnit('eq5d_vas', spec('EQ-5D VAS', [0, 100]))).not.toEqual({ en: 'index points', da: 'indekspoint' });
    // "was" as an English word in a label is not the WAS: a 0–1 scale keeps no unit word.
    expect(defaultUnit('share', spec('Share who was working', [0, 1]))).toEqual(defaultUnit('share', spec('Share working', [0, 1])));
  });
  it('withUnit prints the number alone without a unit word', () => {
    expect(withUnit('0.05', 0.05, '')).toBe('0.05');
    expect(withUnit('1', 1, 'points')).toBe('1 point');
    expect(withUnit('10', 10, '%', 'en')).toBe('10%');
    expect(withUnit('10', 10, '%', 'da')).toBe('10 %');
  });
  it('the effects forest prints an index outcome\'s benefit without a unit word', () => {
    const lines = ['id,arm,time,qol'];
    for (let i = 1; i <= 40; i++) {
      const arm = i <= 20 ? 1 : 2;
      lines.push(`${i},${arm},baseline,${(0.5 + (i % 4) / 20).toFixed(2)}`, `${i},${arm},3m,${(0.6 + (arm === 1 ? 0.05 : 0) + (i % 5) / 20).toFixed(2)}`);
    }
    const plan = parsePlan({
      columns: { id: 'id', time: 'time', arm: 'arm' }, arms: { intervention: '1', control: '2' }, timepoints: ['3m'],
      instruments: { qol_index: { label: { en: 'Quality-of-life index' }, range: [0, 1], direction: 'higher-is-better', mcid: 0.05, decimals: true } },
      outcomes: [{ key: 'qol', instrument: 'qol_index' }], methods: ['ancova'], missing: { sensitivity: false },
    });
    const trial = loadTrial(parseCsvText(lines.join('\n'), 'export.csv'), plan);
    const ctx = trialChartContext(trial, 'en');
    expect(ctx.unitOf('qol')).toBe('');
    const values = (effectsForestSpec(analyzeTrial(trial, { version: 't' }), ctx) as unknown as { data: { values: { heading: boolean; effectText: string; mcidText: string }[] } }).data.values.filter((d) => !d.heading);
    expect(values.length).toBeGreaterThan(0);
    for (const d of values) {
      expect(d.effectText).not.toMatch(/points|\s$/);
      expect(d.mcidText).toBe('0.05');
    }
  });
});
