/**
 * The CEA unit-cost table wrote the app's price source as "all-units tier price at 10,000 patients
 * a year × 0.1344": no price, and a bare factor. It now says the tier price in the uptake plan's
 * currency and the exchange rate in words, and the page (not only stderr) says the price was taken
 * as the analysis's price year (docs/plan-cea.md#fields).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CeaResult } from '../../src/cea/cea-results-schema.js';
import { ceaReportKind } from '../../src/report/kinds/cea-report.js';
import type { ReportContent } from '../../src/report/report-page.js';
import { ceaFixture } from '../support/cea-fixture.js';
import { removeTempDirs } from '../support/run-cli.js';

afterAll(removeTempDirs);

const memos = new Map<string, unknown>();
function memo<T>(key: string, compute: () => T): T {
  if (!memos.has(key)) memos.set(key, compute());
  return memos.get(key) as T;
}

const f = ceaFixture({ planExtra: { interventionCost: { uptakePlan: 'uptake.plan.json', nationalVolume: 10000, rate: 0.1344 }, display: { currency: 'DKK', rate: 7.44 }, bootstrap: { replicates: 100, seed: 3 } } });
writeFileSync(join(f.dir, 'uptake.plan.json'), JSON.stringify({
  currency: 'DKK',
  priceModel: { mode: 'all-units', volumeScope: 'national', tiers: [{ upTo: 2000, price: 1500 }, { upTo: 10000, price: 1200 }, { upTo: null, price: 800 }] },
  scenarios: { low: [0.02], base: [0.05], high: [0.08] },
  firstYear: 2025,
}));

async function build(lang: 'en' | 'da'): Promise<ReportContent> {
  return ceaReportKind.build({ id: 'x', kind: 'cea', out: 'x', lang, data: f.exportFile, plan: f.plan }, { input: (p: string) => p, lang, version: 'test', memo });
}

const unitCosts = (c: ReportContent) => c.page.sections.find((s) => s.id === 'unit-costs')!;

describe('the app price read off an uptake plan', () => {
  it.each([
    ['en', 'uptake.plan.json: 1,200 DKK per patient, the all-units tier price at 10,000 patients a year, converted at 0.1344 EUR per DKK (1 EUR = 7.44 DKK)', /^The price of the app is read from uptake\.plan\.json, which states no price year: it is taken as 2021 prices/],
    // Danish kroner "kr." on a Danish page, never "DKK" (docs/glossary-da.md).
    ['da', 'uptake.plan.json: 1.200 kr. pr. patient, pristrinnets pris for alle enheder ved 10.000 patienter om året, omregnet med 0,1344 EUR pr. kr. (1 EUR = 7,44 kr.)', /^Prisen på appen er læst fra uptake\.plan\.json, som ikke angiver et prisår: den er taget som 2021-priser/],
  ] as const)('(%s) says the price and the rate in words, and the price year on the page', async (lang, source, yearNote) => {
    const c = await build(lang);
    const r = c.results as CeaResult;
    expect(r.priceYear).toBe(2021);
    // 10,000 patients reach the 1,200 DKK tier; all units at its price; × 0.1344.
    expect(r.interventionPrice.price).toBeCloseTo(1200 * 0.1344, 9);
    expect(r.interventionPrice.tier).toMatchObject({ perPatient: 1200, currency: 'DKK', rate: 0.1344 });
    const section = unitCosts(c);
    expect(section.tables![0]!.table.rows[0]![3]).toBe(source);
    expect(section.notes?.some((n) => yearNote.test(n))).toBe(true);
    expect(r.interventionPrice.source).toBe('uptake.plan.json: 1200 DKK per patient, the all-units tier price at 10000 patients a year, converted at 0.1344 EUR per DKK (1 EUR = 7.44 DKK)');
  });

  it.each([
    ['en', 'The price of the app is read from uptake.plan.json, whose tiers are 2021 prices, this analysis\'s price year.'],
    ['da', 'Prisen på appen er læst fra uptake.plan.json, hvis pristrin er 2021-priser, analysens prisår.'],
  ] as const)('(%s) an uptake plan that states the price year: the page says the tiers are in it, not that it was assumed', async (lang, stated) => {
    const g = ceaFixture({ planExtra: { interventionCost: { uptakePlan: 'uptake.plan.json', nationalVolume: 10000 }, bootstrap: { replicates: 100, seed: 3 } } });
    writeFileSync(join(g.dir, 'uptake.plan.json'), JSON.stringify({
      currency: 'EUR', priceYear: 2021,
      priceModel: { mode: 'all-units', volumeScope: 'national', tiers: [{ upTo: null, price: 160 }] },
      scenarios: { low: [0.02], base: [0.05], high: [0.08] }, firstYear: 2025,
    }));
    const c = await ceaReportKind.build({ id: 'y', kind: 'cea', out: 'y', lang, data: g.exportFile, plan: g.plan }, { input: (p: string) => p, lang, version: 'test', memo: <T>(_k: string, compute: () => T) => compute() });
    expect(unitCosts(c).notes).toContain(stated);
    expect(JSON.stringify(unitCosts(c).notes)).not.toMatch(/states no price year|ikke angiver et prisår/);
  });

  it('the display currency: "kr." on the Danish page, DKK on the English one', async () => {
    const [en, da] = [await build('en'), await build('da')];
    const inDkk = Math.round((en.results as CeaResult).incrementalCost.estimate * 7.44);
    const note = (c: ReportContent) => c.page.sections.flatMap((s) => s.notes ?? []).find((n) => /7[.,]44/.test(n));
    const signed = `${inDkk > 0 ? '+' : inDkk < 0 ? '−' : ''}${Math.abs(inDkk).toLocaleString('en-US')}`;
    expect(note(en)!.startsWith(`In DKK at 7.44 DKK per EUR: incremental cost ${signed} DKK (95% CI `)).toBe(true);
    expect(note(da)!.startsWith(`Omregnet til kr. med 7,44 kr. pr. EUR: meromkostning ${signed.replace(/,/g, '.')} kr. (95 %-KI `)).toBe(true);
    // Nowhere on the Danish page (text, tables, charts), the abbreviations list included.
    const page = JSON.stringify({ page: da.page, charts: da.charts.map((c) => [c.alt, c.spec]) });
    expect(page).not.toMatch(/DKK/);
  });
});
