/**
 * The cost-effectiveness page and `hta cea` summary name things in words, never by the plan's
 * keys: a resource item without a label by its category's item name (src/cea/resource-labels.ts),
 * the app's fixed price without a source as such, a responder definition by its label or rule
 * and its visit as a time ("9 måneder"), not `(rmdq_resp5, 9m)`.
 */
import { describe, expect, it } from 'vitest';
import type { CeaResult } from '../../src/cea/cea-results-schema.js';
import { ceaSummaryText } from '../../src/cea/cea-text.js';
import { ceaReportKind } from '../../src/report/kinds/cea-report.js';
import type { ReportContent } from '../../src/report/report-page.js';
import { ceaFixture } from '../support/cea-fixture.js';

async function build(lang: 'en' | 'da', f: ReturnType<typeof ceaFixture>): Promise<ReportContent> {
  const env = { input: (p: string) => p, lang, version: 'test', memo: <T>(_k: string, compute: () => T) => compute() };
  return ceaReportKind.build({ id: 'x', kind: 'cea', out: 'x', lang, data: f.exportFile, plan: f.plan }, env);
}

const unitCostRows = (c: ReportContent) => c.page.sections.find((s) => s.id === 'unit-costs')!.tables![0]!.table.rows;

describe('words, not keys', () => {
  const f = ceaFixture({
    unitCostRows: ['gp,30,EUR,2021,takst', 'physio,40,EUR,2021,takst', 'sick_leave,200,EUR,2021,løn', 'other_gp,35,EUR,2021,takst'],
    planExtra: {
      interventionCost: { price: 120 },
      resourceUse: [
        { key: 'gp', column: 'ru_gp', category: 'primary-care', label: { en: 'GP consultations', da: 'Konsultationer hos egen læge' } },
        { key: 'physio', column: 'ru_gp', category: 'physiotherapy' },
        { key: 'sick_leave', column: 'ru_gp', category: 'productivity' },
        { key: 'other_gp', column: 'ru_gp', category: 'primary-care' },
      ],
    },
  });

  it('unit-cost table: an unlabelled item by its category’s words, in both languages; the fixed app price without a source said as such', async () => {
    const da = unitCostRows(await build('da', f));
    expect(da.map((r) => [r[0], r[3]])).toEqual([
      ['App (pr. patient)', 'fast pris angivet i planen for omkostningseffektivitet'],
      ['Konsultationer hos egen læge', 'takst'],
      ['Fysioterapibehandlinger', 'takst'],
      ['Sygefraværsdage', 'løn'],
      ['Konsultationer i almen praksis', 'takst'],
    ]);
    const en = unitCostRows(await build('en', f));
    expect(en.map((r) => r[0])).toEqual(['App (per patient)', 'GP consultations', 'Physiotherapy sessions', 'Sick-leave days', 'General-practice consultations']);
    expect(en[0]![3]).toBe('fixed price in the cost-effectiveness plan');
    for (const row of [...da, ...en]) expect(row[0]).not.toMatch(/^(gp|physio|sick_leave|other_gp|plan)$/);
  });

  it('two unlabelled items of one category are told apart by number, not by key', async () => {
    const g = ceaFixture({
      unitCostRows: ['a,30,EUR,2021,takst', 'b,40,EUR,2021,takst'],
      planExtra: { resourceUse: [{ key: 'a', column: 'ru_gp', category: 'medication' }, { key: 'b', column: 'ru_gp', category: 'medication' }] },
    });
    expect(unitCostRows(await build('da', g)).slice(1).map((r) => r[0])).toEqual(['Medicin (1)', 'Medicin (2)']);
  });

  it('the summary names a responder definition and its visit in words', async () => {
    const labelled = ceaFixture({ planExtra: { responders: [{ key: 'rmdq_resp30', outcome: 'rmdq', percent: 30, label: { en: 'RMDQ improved ≥ 30%', da: 'RMDQ forbedret ≥ 30 %' } }] } });
    const r = (await build('da', labelled)).results as CeaResult;
    const da = ceaSummaryText(r, 'da');
    expect(da).toContain('Omkostning pr. ekstra patient med klinisk relevant forbedring (Roland-Morris funktionsskema (24 spørgsmål) forbedret ≥ 5 point, 3 måneder):');
    expect(da).toContain('Omkostning pr. ekstra patient med klinisk relevant forbedring (RMDQ forbedret ≥ 30 %, 3 måneder):');
    // An outcome without a label is named by its instrument, never its key (plan/outcome-label.ts).
    expect(da).not.toMatch(/rmdq_resp30|rmdq5|\(rmdq |, 3m\)/);
    const en = ceaSummaryText(r, 'en');
    expect(en).toContain('Cost per extra responder (RMDQ improved ≥ 30%, 3 months):');
    expect(en).toContain('Cost per extra responder (Roland-Morris Disability Questionnaire (24 items) improved ≥ 5 points, 3 months):');
    expect(r.responders.map((x) => x.label)).toEqual([{ en: 'Roland-Morris Disability Questionnaire (24 items) improved ≥ 5 points', da: 'Roland-Morris funktionsskema (24 spørgsmål) forbedret ≥ 5 point' }, { en: 'RMDQ improved ≥ 30%', da: 'RMDQ forbedret ≥ 30 %' }]);
  });
});
