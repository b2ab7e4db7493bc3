/**
 * Issue #15 point 3: one number, one reading. Tables print the difference app − usual care and
 * their header says so; every benefit-signed number (the forests) says which way favours the app;
 * the responders chart's risk differences say which arm they favour ("−16.5" fewer took pain
 * medication and "+10.0" more improved are both good for the app). English and Danish.
 */
import { describe, expect, it } from 'vitest';
import { effectsForestSpec } from '../../src/report/charts/effects-forest.js';
import { respondersSpec } from '../../src/report/charts/responders.js';
import { forestAnalyses, subgroupForestSpec } from '../../src/report/charts/subgroup-forest.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { effectsTable } from '../../src/report/effects-table.js';
import { SUBGROUP_TEXT } from '../../src/report/sections/subgroup-phrases.js';
import { fillArms } from '../../src/report/arm-names.js';
import { sensitivityTable } from '../../src/report/sensitivity-table.js';
import { bundledTrial } from './trial-report-support.js';

/** Every value of `key` anywhere in a spec. */
function values(spec: unknown, key: string): unknown[] {
  const out: unknown[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) (k === key ? out.push(x) : walk(x));
  };
  walk(spec);
  return out;
}

describe.each([
  ['en', 'Difference app − usual care (95% CI)', 'positive: favours app', 'favours app', 'favours usual care', '95% CI includes 0'],
  ['da', 'Forskel app − vanlig behandling (95 %-KI)', 'positiv: til fordel for appen', 'til fordel for appen', 'til fordel for vanlig behandling', '95 %-KI omfatter 0'],
] as const)('sign conventions (%s)', (lang, differenceHeader, benefitLine, favoursApp, favoursControl, noDifference) => {
  const { trial, result } = bundledTrial();
  const ctx = trialChartContext(trial, lang);

  it('tables name the difference app − usual care in their header', () => {
    expect(effectsTable(result.effects, lang, () => 24, 'short', ctx.outcomeLabel, ctx.arms).header).toContain(differenceHeader);
    const sens = { outcome: 'rmdq', time: '3m', rows: result.effects.filter((e) => e.outcome === 'rmdq' && e.time === '3m' && e.method === 'ancova'), tippingPoint: null, errors: [] };
    expect(sensitivityTable(sens, lang, 2, ctx.arms).header).toContain(differenceHeader);
    expect(fillArms(SUBGROUP_TEXT.difference[lang], ctx.arms)).toBe(differenceHeader);
  });

  it('the forests\' benefit columns say that positive favours the app', () => {
    const forest = JSON.stringify(effectsForestSpec(result, ctx));
    expect(forest).toContain(JSON.stringify(benefitLine));
    const analyses = forestAnalyses(result.subgroups ?? [], 'recruited_by', '3m');
    expect(JSON.stringify(subgroupForestSpec(analyses, result.effects, ctx, 'x', '3m'))).toContain(JSON.stringify(benefitLine));
  });

  it('the responders chart says which arm each risk difference favours', () => {
    const rows = result.effects.filter((e) => e.method === 'risk-difference' && e.risks !== undefined);
    // The label column and the risk-difference column carry the same rows.
    const rd = values(respondersSpec(result, ctx), 'rd').slice(0, rows.length) as string[][];
    // A difference whose CI includes 0 favours neither arm (responders-not-significant.test.ts).
    rows.forEach((r, i) => expect(rd[i]![1], `${r.outcome} ${r.time}`).toBe(r.ciLower! <= 0 && r.ciUpper! >= 0 ? noDifference : r.benefit! > 0 ? favoursApp : favoursControl));
    const med = rows.findIndex((r) => r.outcome === 'med_use' && r.time === '9m');
    const resp = rows.findIndex((r) => r.outcome === 'rmdq_resp5' && r.time === '3m');
    // Opposite signs, both good for the app.
    expect(rd[med]![0]).toMatch(/^−/);
    expect(rd[resp]![0]).not.toMatch(/^−/);
    expect([rd[med]![1], rd[resp]![1]]).toEqual([favoursApp, favoursApp]);
  });
});
