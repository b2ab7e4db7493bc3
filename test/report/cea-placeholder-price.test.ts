/**
 * An app price read off an uptake plan whose price model is still plan init's placeholder
 * (`"placeholders": ["priceModel"]`) ran silently: exit 0, no warning. Now the warnings
 * (stderr, results.json), the page's conclusion and results, and the unit-cost table say the
 * price is not real — as `hta uptake` says its budget is not.
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

function fixture(placeholders: string[] | undefined) {
  const f = ceaFixture({ planExtra: { interventionCost: { uptakePlan: 'uptake.plan.json', nationalVolume: 5000 }, bootstrap: { replicates: 100, seed: 3 } } });
  writeFileSync(join(f.dir, 'uptake.plan.json'), JSON.stringify({
    currency: 'EUR',
    priceModel: { mode: 'marginal', volumeScope: 'national', tiers: [{ upTo: 2000, price: 150 }, { upTo: null, price: 100 }] },
    scenarios: { low: [0.02], base: [0.05], high: [0.08] },
    firstYear: 2025,
    ...(placeholders ? { placeholders } : {}),
  }));
  return f;
}

// One analysis per fixture, shared by its en and da pages (as `hta report` shares it).
const memos = new Map<string, unknown>();
function memo<T>(key: string, compute: () => T): T {
  if (!memos.has(key)) memos.set(key, compute());
  return memos.get(key) as T;
}

async function build(lang: 'en' | 'da', f: ReturnType<typeof fixture>): Promise<ReportContent> {
  const env = { input: (p: string) => p, lang, version: 'test', memo };
  return ceaReportKind.build({ id: 'x', kind: 'cea', out: 'x', lang, data: f.exportFile, plan: f.plan }, env);
}

const intro = (c: ReportContent, id: string) => c.page.sections.find((s) => s.id === id)!.intro!.join('\n');

describe('a placeholder app price', () => {
  it('is said in the warnings, the conclusion, the results and the unit-cost table, in both languages', async () => {
    const f = fixture(['priceModel']);
    const en = await build('en', f);
    const r = en.results as CeaResult;
    // 2000 × 150 + 3000 × 100 over 5000 patients: the placeholder tiers are still what is computed.
    expect(r.interventionPrice.price).toBeCloseTo(120, 9);
    expect(r.interventionPrice.tier?.placeholder).toBe(true);
    expect(r.warnings.join('\n')).toMatch(/^not a real price: the intervention's price comes from uptake\.plan\.json, whose price model is a placeholder/m);
    expect(intro(en, 'conclusion')).toContain('Not a real price: the price of the app comes from uptake.plan.json');
    expect(intro(en, 'results')).toContain('Not a real price');
    const unit = (c: ReportContent) => c.page.sections.find((s) => s.id === 'unit-costs')!.tables![0]!.table.rows[0]![3];
    expect(unit(en)).toMatch(/\(placeholder\)$/);
    const da = await build('da', f);
    expect(intro(da, 'conclusion')).toContain('Ikke en reel pris: prisen på appen kommer fra uptake.plan.json');
    expect(unit(da)).toMatch(/\(pladsholder\)$/);
  });

  it('says nothing once the plan lists only its scenarios as placeholders', async () => {
    const en = await build('en', fixture(['scenarios']));
    const r = en.results as CeaResult;
    expect(r.interventionPrice.tier?.placeholder).toBeUndefined();
    expect(r.warnings.join('\n')).not.toContain('not a real price');
    expect(intro(en, 'conclusion')).not.toContain('Not a real price');
  });
});
