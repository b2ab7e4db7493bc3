/**
 * The one-way sensitivity table (Table 5 of the bundled CEA page): each scenario's own number of
 * bootstrap replicates (the recomputed scenarios may run fewer than the base case), and a
 * probability that rounds to 100 % or 0 % but is not written ">99 %" or "<1 %", as the CE
 * plane's caption does: "Complete cases … 100%" was printed for 0.996.
 */
import { describe, expect, it } from 'vitest';
import { pctText } from '../../src/cea/cea-phrases.js';
import type { CeaResult } from '../../src/cea/cea-results-schema.js';
import { ceaReportKind } from '../../src/report/kinds/cea-report.js';
import { ceaFixture } from '../support/cea-fixture.js';

describe('CEA sensitivity table', () => {
  it('probabilities near the ends: ">99%" and "<1%", exact ends as they are', () => {
    expect(pctText(0.996, 'en')).toBe('>99%');
    expect(pctText(0.996, 'da')).toBe('>99 %');
    expect(pctText(0.004, 'en')).toBe('<1%');
    expect(pctText(0.004, 'da')).toBe('<1 %');
    expect(pctText(1, 'en')).toBe('100%');
    expect(pctText(0, 'da')).toBe('0 %');
    expect(pctText(0.98, 'en')).toBe('98%');
    // Only a value that would print as 100 % or 0 %: 0.991 is "99 %", as 0.987 beside it.
    expect(pctText(0.991, 'da')).toBe('99 %');
    expect(pctText(0.994, 'en')).toBe('99%');
    expect(pctText(0.995, 'en')).toBe('>99%');
    expect(pctText(0.006, 'en')).toBe('1%');
  });

  it.each(['en', 'da'] as const)('(%s) states each scenario\'s replicates', async (lang) => {
    const f = ceaFixture({ missingMiddleVisit: true });
    const env = { input: (p: string) => p, lang, version: 'test', memo: <T>(_k: string, compute: () => T) => compute() };
    const content = await ceaReportKind.build({ id: 'x', kind: 'cea', out: 'x', lang, data: f.exportFile, plan: f.plan }, env);
    const r = content.results as CeaResult;
    const table = content.page.sections.find((s) => s.id === 'sensitivity')!.tables![0]!.table;
    expect(table.header.at(-1)).toBe(lang === 'en' ? 'Bootstrap replicates' : 'Bootstrap-replikationer');
    expect(table.rows.map((row) => row.at(-1))).toEqual([r.method.bootstrapReplicates, ...r.sensitivity.map((s) => s.replicates)].map(String));
    // The fixture's recomputed scenarios run the plan's sensitivity.replicates (20), the base case 100.
    expect(new Set(table.rows.map((row) => row.at(-1))).size).toBeGreaterThan(1);
  });
});
