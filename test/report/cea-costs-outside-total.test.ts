/**
 * The CEA page's costs table lists every category of the plan, productivity too, beside a total
 * of the base case's perspective: under the healthcare perspective productivity is not in that
 * total, and its row says so (docs/plan-cea.md#costs-by-category). Under the societal perspective
 * nothing is marked.
 */
import { describe, expect, it } from 'vitest';
import { ceaReportKind } from '../../src/report/kinds/cea-report.js';
import { ceaFixture } from '../support/cea-fixture.js';

// One analysis per perspective: the Danish page reads the English page's (the report's memo).
const memo = new Map<string, unknown>();
const fixtures = new Map<string, ReturnType<typeof ceaFixture>>();

async function costRows(lang: 'en' | 'da', perspective: 'healthcare' | 'societal'): Promise<string[]> {
  const f = fixtures.get(perspective) ?? ceaFixture({
    unitCostRows: ['gp,30,EUR,2021,test tariff', 'sick,200,EUR,2021,test wage'],
    planExtra: { perspective, resourceUse: [{ key: 'gp', column: 'ru_gp', category: 'primary-care' }, { key: 'sick', column: 'ru_gp', category: 'productivity' }] },
  });
  fixtures.set(perspective, f);
  const env = { input: (p: string) => p, lang, version: 'test', memo: <T>(k: string, compute: () => T): T => (memo.has(k) ? memo.get(k) : memo.set(k, compute()).get(k)) as T };
  const content = await ceaReportKind.build({ id: 'x', kind: 'cea', out: 'x', lang, data: f.exportFile, plan: f.plan }, env);
  return content.page.sections.find((s) => s.id === 'costs')!.tables![0]!.table.rows.map((r) => r[0]!);
}

describe('costs by category beside the total', () => {
  it('marks productivity as outside the healthcare perspective, in English and Danish', async () => {
    const en = await costRows('en', 'healthcare');
    expect(en.find((r) => /productivity/i.test(r))).toMatch(/\(outside the healthcare perspective: not in the total\)$/);
    expect(en.filter((r) => r.includes('outside the healthcare perspective'))).toHaveLength(1);
    const da = await costRows('da', 'healthcare');
    expect(da.find((r) => /produktivitet/i.test(r))).toMatch(/\(uden for sundhedssektorperspektivet: ikke med i totalen\)$/);
  });

  it('marks nothing under the societal perspective (its total has every category)', async () => {
    expect((await costRows('en', 'societal')).some((r) => r.includes('outside'))).toBe(false);
  });
});
