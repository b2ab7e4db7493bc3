/**
 * A cost-effectiveness plan whose intervention is not an app is never priced or named as one: the
 * page's title, unit-cost row, cost category, sensitivity scenarios and notes name the intervention
 * as the trial plan does (src/report/arm-names.ts: its `armLabels`, else neutral names for arms that
 * are not an app against usual care). docs/plan-cea.md, "Fields".
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ceaReportKind } from '../../src/report/kinds/cea-report.js';
import type { ReportContent } from '../../src/report/report-page.js';
import { ceaFixture } from '../support/cea-fixture.js';
import { pageText } from '../support/page-text.js';

async function build(lang: 'en' | 'da', f: ReturnType<typeof ceaFixture>): Promise<ReportContent> {
  const env = { input: (p: string) => p, lang, version: 'test', memo: <T>(_k: string, compute: () => T) => compute() };
  return ceaReportKind.build({ id: 'x', kind: 'cea', out: 'x', lang, data: f.exportFile, plan: f.plan }, env);
}


const APP = /\bapp(?:en|ens)?\b/i;
const unitRows = (c: ReportContent) => c.page.sections.find((s) => s.id === 'unit-costs')!.tables![0]!.table.rows;
const sensRows = (c: ReportContent) => c.page.sections.find((s) => s.id === 'sensitivity')!.tables![0]!.table.rows;
const costRows = (c: ReportContent) => c.page.sections.find((s) => s.id === 'costs')!.tables![0]!.table.rows;

/** The fixture with its trial plan's arms rewritten (and the export's arm values, when `values` is given). */
function fixture(trial: Record<string, unknown>, values?: { intervention: string; control: string }) {
  const f = ceaFixture({ planExtra: { interventionCost: { price: 100 } } });
  const planFile = join(f.dir, 'trial.plan.json');
  writeFileSync(planFile, JSON.stringify({ ...JSON.parse(readFileSync(planFile, 'utf8')), ...trial }));
  if (values) writeFileSync(f.exportFile, readFileSync(f.exportFile, 'utf8').replace(/,app,/g, `,${values.intervention},`).replace(/,usual,/g, `,${values.control},`));
  return f;
}

describe('cost-effectiveness page: the intervention by its plan name, never "app"', () => {
  const labelled = fixture({ armLabels: { intervention: { en: 'Gruppeforløb' }, control: { en: 'Vanlig behandling' } } });

  it('a labelled intervention ("Gruppeforløb") names the unit-cost row, the cost category and the price scenarios (en)', async () => {
    const en = await build('en', labelled);
    expect(en.page.title).toBe('Cost-effectiveness of Gruppeforløb');
    expect(unitRows(en)[0]!.slice(0, 2)).toEqual(['Gruppeforløb (per patient)', 'Gruppeforløb']);
    expect(sensRows(en).map((r) => r[0])).toEqual(expect.arrayContaining(['Price of Gruppeforløb −50%', 'Price of Gruppeforløb +50%']));
    expect(costRows(en).map((r) => r[0])).toContain('Gruppeforløb');
    expect(pageText(en)).not.toMatch(APP);
  });

  it('the same in Danish', async () => {
    const da = await build('da', labelled);
    expect(da.page.title).toBe('Omkostningseffektivitet af Gruppeforløb');
    expect(unitRows(da)[0]!.slice(0, 2)).toEqual(['Gruppeforløb (pr. patient)', 'Gruppeforløb']);
    expect(sensRows(da).map((r) => r[0])).toEqual(expect.arrayContaining(['Pris på Gruppeforløb −50 %', 'Pris på Gruppeforløb +50 %']));
    expect(pageText(da)).not.toMatch(APP);
  });

  it('arms that are not an app against usual care, without labels: neutral names in both languages', async () => {
    const neutral = fixture({ arms: { intervention: 'gruppe', control: 'kontrol' } }, { intervention: 'gruppe', control: 'kontrol' });
    const en = await build('en', neutral);
    expect(unitRows(en)[0]![0]).toBe('Intervention (per patient)');
    expect(sensRows(en).map((r) => r[0])).toContain('Price of the intervention −50%');
    expect(pageText(en)).not.toMatch(APP);
    const da = await build('da', neutral);
    expect(sensRows(da).map((r) => r[0])).toContain('Pris på interventionen −50 %');
    expect(pageText(da)).not.toMatch(APP);
  });

  it('an app against usual care keeps its words: "App (per patient)", "Price of the app −50%"', async () => {
    const app = ceaFixture({ planExtra: { interventionCost: { price: 100 } } });
    const en = await build('en', app);
    expect(unitRows(en)[0]!.slice(0, 2)).toEqual(['App (per patient)', 'App']);
    expect(sensRows(en).map((r) => r[0])).toContain('Price of the app −50%');
    expect((await build('da', app)).page.title).toBe('Omkostningseffektivitet af appen');
  });
});
