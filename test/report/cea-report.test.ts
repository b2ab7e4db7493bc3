// The cea report kind: page content from a small export (charts are specs here; drawing is shared and tested elsewhere).
import { describe, expect, it } from 'vitest';
import { ceaReportKind } from '../../src/report/kinds/cea-report.js';
import type { ReportContent } from '../../src/report/report-page.js';
import { markdownPage } from '../../src/report/markdown-page.js';
import { ceaFixture } from '../support/cea-fixture.js';

async function build(lang: 'en' | 'da', options = {}, f = ceaFixture(options)): Promise<ReportContent> {
  const env = { input: (p: string) => p, lang, version: 'test', memo: <T>(_k: string, compute: () => T) => compute() };
  return ceaReportKind.build({ id: 'x', kind: 'cea', out: 'x', lang, data: f.exportFile, plan: f.plan }, env);
}

describe('cea report kind', () => {
  it('has the CE plane, the CEAC and every results table, in English and Danish, with dominance in words', async () => {
    const en = await build('en', { utilityShift: 0.15, gp: { intervention: 0, control: 4 } });
    expect(en.charts.map((c) => c.name)).toEqual(['ce-plane', 'ceac', 'costs-by-category', 'utilities']);
    expect(en.page.sections.map((s) => s.id)).toEqual(['conclusion', 'results', 'ce-plane', 'ceac', 'costs', 'qalys', 'responders', 'sensitivity', 'unit-costs']);
    const results = en.page.sections[1]!.tables![0]!.table;
    expect(results.rows.find((r) => r[0]!.startsWith('ICER'))![1]).toBe('dominant: the app saves money and gains health');
    // The conclusion words the same ICER.
    expect(en.page.sections[0]!.intro![0]).toMatch(/the app saves money and gains health on average compared with usual care \(.*\), so the app is dominant/);
    expect(JSON.stringify(en.results)).not.toContain('"cloud"');
    const fixture = ceaFixture({ utilityShift: 0.15, gp: { intervention: 0, control: 4 } });
    const da = await build('da', {}, fixture);
    const daResults = da.page.sections[1]!.tables![0]!.table;
    expect(daResults.rows.find((r) => r[0]!.startsWith('ICER'))![1]).toBe('dominerende: appen sparer penge og giver mere sundhed');
    expect(da.page.sections.map((s) => s.title)).toContain('Envejsfølsomhedsanalyse');
    // Same input, same page.
    const again = await build('da', {}, fixture);
    const md = (c: ReportContent) => markdownPage(c.page, new Map(c.charts.map((x) => [x.name, { alt: x.alt }])));
    expect(md(again)).toBe(md(da));
    expect(JSON.stringify(again.charts)).toBe(JSON.stringify(da.charts));
  });
});
