/**
 * A responder outcome (events, more is better) on the meta page: the report's meta entry sets its
 * direction, MCID and label ("outcomes" in the manifest: docs/manifest.md), and without one the
 * page says that the direction was assumed, in Table 1 and under Warnings (docs/input-studies.md,
 * "Which MCID and direction"). Input shaped like a Cochrane reviewer's sheet: RMDQ arm summaries
 * and responders (30 % RMDQ improvement) as events, no plan.
 */
import { describe, expect, it } from 'vitest';
import { metaEntrySchema, metaReportKind } from '../../src/report/kinds/meta-report.js';
import type { MetaResults } from '../../src/meta/meta-results-schema.js';

const DATA = 'test/meta/fixtures/responders.csv';

interface Section { id: string; intro?: string[]; notes?: string[]; tables?: { table: { rows: string[][] } }[] }

async function page(lang: 'en' | 'da', extra: Record<string, unknown> = {}) {
  const env = { input: (p: string) => p, lang, version: 't', memo: <T>(_k: string, f: () => T) => f() };
  const entry = metaEntrySchema.parse({ data: DATA, ...extra });
  const content = await metaReportKind.build({ id: 'm', kind: 'meta', out: 'm', lang, ...entry }, env);
  const sections = content.page.sections as Section[];
  const of = (id: string) => sections.find((s) => s.id === id);
  return { results: content.results as MetaResults, table: of('pooled')?.tables?.[0]?.table.rows ?? [], warnings: of('warnings')?.notes ?? [], conclusion: of('conclusion')?.intro?.[0] ?? '' };
}

describe('a responder outcome on the meta page', () => {
  it('without a setting: Table 1 and the Warnings say the direction was assumed (lower is better for events)', async () => {
    const p = await page('en');
    const row = p.table.find((r) => r[0]?.startsWith('responder'));
    expect(row?.[0]).toBe('responder (lower is better, assumed)');
    expect(p.warnings).toContain('responder: direction not known from a plan or instrument; lower-is-better assumed (set --direction, or "direction" under "outcomes" in a report\'s meta entry)');
    const da = await page('da');
    expect(da.table.find((r) => r[0]?.startsWith('responder'))?.[0]).toBe('responder (lavere er bedre, antaget)');
    expect(da.warnings).toContain('responder: retningen kendes ikke fra en plan eller et instrument; lavere er bedre er antaget (angiv --direction eller "direction" under "outcomes" i rapportens meta-post)');
  });

  it('"outcomes" in the meta entry sets direction, MCID and label: the benefit is the RR as reported, judged against the MCID', async () => {
    const p = await page('en', { outcomes: { responder: { direction: 'higher-is-better', mcid: 1.25, label: { en: 'Responders (30% RMDQ improvement)', da: 'Respondenter (30 % bedring på RMDQ)' } } } });
    const setting = p.results.outcomes.find((o) => o.outcome === 'responder');
    expect(setting).toMatchObject({ direction: 'higher-is-better', directionSource: 'manifest', mcid: 1.25, mcidSource: 'manifest', label: 'Responders (30% RMDQ improvement)' });
    const random = p.results.pooled.find((r) => r.outcome === 'responder' && r.model === 'random')!;
    // More responders with the app: the RR above 1 (log scale > 0) is a benefit, not turned round into harm.
    expect(Math.exp(random.estimate)).toBeGreaterThan(1);
    expect(random.benefit).toBe(random.estimate);
    expect(p.table.find((r) => r[0]?.startsWith('Responders'))?.[0]).toBe('Responders (30% RMDQ improvement) (higher is better)');
    expect(p.warnings.filter((w) => w.startsWith('responder'))).toEqual([]);
  });

  it('a misspelt key under "outcomes" is refused by the manifest schema', () => {
    expect(() => metaEntrySchema.parse({ data: DATA, outcomes: { responder: { directon: 'higher-is-better' } } })).toThrow(/directon/);
    expect(() => metaEntrySchema.parse({ data: DATA, outcomes: { responder: { direction: 'more' } } })).toThrow();
  });

  it('the conclusion never says "does not agree" of a result with no verdict, and writes a key as written', async () => {
    const p = await page('en');
    expect(p.conclusion).toMatch(/^rmdq at 3 months: /);
    expect(p.conclusion).toContain('The other result, responder at 3 months, has no verdict (no MCID: not judged).');
    expect(p.conclusion).not.toContain('does not agree');
  });
});
