// A zero intervention price ran "price −50%" and "price +50%" scenarios identical to the base case,
// shown as sensitivity rows without a remark. Now they are left out, and the summary and the page
// say why — as the complete-case row is left out when nothing is missing.
import { describe, expect, it } from 'vitest';
import { analyseCeaFiles } from '../../src/cea/analyze-cea-files.js';
import { ceaSummaryText } from '../../src/cea/cea-text.js';
import { ceaReportKind } from '../../src/report/kinds/cea-report.js';
import { ceaFixture } from '../support/cea-fixture.js';

const run = (price: number) => {
  const f = ceaFixture({ planExtra: { interventionCost: { price } } });
  return { f, r: analyseCeaFiles({ dataFile: f.exportFile, planFile: f.plan, version: 't', dataName: 'export.csv', planName: 'cea.json', replicates: 100 }).result };
};

describe('a price of 0', () => {
  it('runs no price scenario, and says why in the summary and on the page (en, da)', async () => {
    const { f, r } = run(0);
    expect(r.sensitivity.map((s) => s.key)).toEqual(['unit-costs-low', 'unit-costs-high']);
    expect(ceaSummaryText(r, 'en')).toContain('  intervention price ±: the price is 0, so changing it by a share changes nothing');
    expect(ceaSummaryText(r, 'da')).toContain('  interventionens pris ±: prisen er 0, så en procentvis ændring af den ændrer intet');
    const env = { input: (p: string) => p, version: 'test', memo: <T>(_k: string, compute: () => T) => compute() };
    const page = await ceaReportKind.build({ id: 'x', kind: 'cea', out: 'x', lang: 'da', data: f.exportFile, plan: f.plan }, { ...env, lang: 'da' as const });
    expect(JSON.stringify(page.page.sections)).toContain('Ingen rækker for prisen på appen: prisen er 0, så en procentvis ændring af den ændrer intet.');
  });

  it('a price above 0 keeps both price scenarios, which differ from the base case', () => {
    const { r } = run(120);
    const low = r.sensitivity.find((s) => s.key === 'price-low')!;
    const high = r.sensitivity.find((s) => s.key === 'price-high')!;
    expect(low.incrementalCost).toBeCloseTo(r.incrementalCost.estimate - 60, 8);
    expect(high.incrementalCost).toBeCloseTo(r.incrementalCost.estimate + 60, 8);
    expect(ceaSummaryText(r, 'en')).not.toContain('the price is 0');
  });
});
