/**
 * Table 1 of the cost-effectiveness page (src/report/kinds/cea-report.ts): the recomputed column
 * is "synthetic" only when the manifest entry says so, the published column is there only when
 * the plan names published figures, and a published cost per extra responder stands only beside
 * the definition it belongs to (src/cea/published-cea.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCeaPlanFile } from '../../src/cea/load-cea-plan.js';
import { ceaReportKind } from '../../src/report/kinds/cea-report.js';
import type { ReportContent } from '../../src/report/report-page.js';
import { ceaFixture } from '../support/cea-fixture.js';

type Fixture = ReturnType<typeof ceaFixture>;

async function build(lang: 'en' | 'da', f: Fixture, extra: { synthetic?: boolean } = {}): Promise<ReportContent> {
  const env = { input: (p: string) => p, lang, version: 'test', memo: <T>(_k: string, compute: () => T) => compute() };
  return ceaReportKind.build({ id: 'x', kind: 'cea', out: 'x', lang, data: f.exportFile, plan: f.plan, ...extra }, env);
}

const resultsTable = (c: ReportContent) => c.page.sections.find((s) => s.id === 'results')!.tables![0]!.table;
const notes = (c: ReportContent) => c.page.sections.find((s) => s.id === 'results')!.notes ?? [];

/** A fixture whose plan names published figures with these costs per extra responder. */
function withPublished(costPerResponder: Record<string, unknown>, planExtra: Record<string, unknown> = {}): Fixture {
  const probe = ceaFixture();
  writeFileSync(join(probe.dir, 'published.json'), JSON.stringify({
    citation: 'Someone 2024', patients: { intervention: 24, control: 24 }, followUpMonths: 3, perspective: 'healthcare', currency: 'EUR',
    incrementalCost: { estimate: 10, ciLower: -5, ciUpper: 25 }, icer: 1000, costPerResponder, probabilityCostEffective: { threshold: 20000, probability: 0.9 },
  }));
  const f = ceaFixture({ planExtra: { published: join(probe.dir, 'published.json'), ...planExtra } });
  return f;
}

const TWO_RMDQ = { responders: [{ key: 'rmdq30', outcome: 'rmdq', percent: 30, label: { en: 'RMDQ improved ≥ 30%', da: 'RMDQ forbedret ≥ 30 %' } }] };

describe('the incremental results table', () => {
  it("a user's own export is not called synthetic, and without published figures there is no published column", async () => {
    const f = ceaFixture();
    for (const lang of ['en', 'da'] as const) {
      const page = await build(lang, f);
      const table = resultsTable(page);
      expect(table.header).toEqual(lang === 'en' ? ['Measure', 'Recomputed from the trial export'] : ['Mål', 'Genberegnet ud fra forsøgets eksport']);
      for (const row of table.rows) expect(row).toHaveLength(2);
      expect(JSON.stringify(page.page)).not.toMatch(/synthetic|syntetisk/i);
    }
  });

  it('says "synthetic" when the manifest entry says the export is', async () => {
    const f = ceaFixture();
    expect(resultsTable(await build('en', f, { synthetic: true })).header[1]).toBe('Recomputed from the synthetic export');
    expect(resultsTable(await build('da', f, { synthetic: true })).header[1]).toBe('Genberegnet ud fra den syntetiske eksport');
  });

  it('has the published column when the plan names published figures', async () => {
    const table = resultsTable(await build('en', withPublished({ RMDQ: 1634 })));
    expect(table.header).toEqual(['Measure', 'Recomputed from the trial export', 'Published']);
    expect(table.rows[0]![2]).toBe('+€10 (−€5 to €25)');
  });
});

describe('a published cost per extra responder', () => {
  const perResponderRows = (c: ReportContent) => resultsTable(c).rows.filter((r) => r[0]!.startsWith('Cost per extra responder'));

  it('stands beside the one definition of its outcome', async () => {
    const rows = perResponderRows(await build('en', withPublished({ RMDQ: 1634 })));
    expect(rows).toHaveLength(1);
    expect(rows[0]![2]).toBe('€1,634 (RMDQ)');
  });

  it('with two definitions of the outcome (≥ 5 points, ≥ 30 %), beside neither unless the figures file names one', async () => {
    const unnamed = await build('en', withPublished({ RMDQ: 1634 }, TWO_RMDQ));
    const rows = perResponderRows(unnamed);
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r[2])).toEqual(['–', '–']);
    expect(notes(unnamed).join('\n')).toContain('Published cost per extra responder (RMDQ): €1,634, shown beside no definition above');
    const da = await build('da', withPublished({ RMDQ: 1634 }, TWO_RMDQ));
    expect(notes(da).join('\n')).toContain('Publiceret omkostning pr. ekstra patient med klinisk relevant forbedring (RMDQ): 1.634 EUR');

    const named = perResponderRows(await build('en', withPublished({ RMDQ: { cost: 1634, responder: 'rmdq30' } }, TWO_RMDQ)));
    expect(named.map((r) => [r[0], r[2]])).toEqual([
      ['Cost per extra responder: Roland-Morris Disability Questionnaire (24 items) improved ≥ 5 points', '–'],
      ['Cost per extra responder: RMDQ improved ≥ 30%', '€1,634 (RMDQ)'],
    ]);
  });

  it('naming a definition the plans do not have is refused when the plan is read', () => {
    const f = withPublished({ RMDQ: { cost: 1634, responder: 'rmdq_resp50' } });
    expect(() => loadCeaPlanFile(f.plan)).toThrow(/responder definition the plans do not have/);
    try {
      loadCeaPlanFile(f.plan);
    } catch (e) {
      expect(JSON.stringify((e as { problems?: unknown }).problems)).toContain('a responder key of the trial plan or the cost-effectiveness plan (rmdq5)');
    }
  });
});
