/**
 * What the uptake report page calls things: the default title (no claim about the data's origin),
 * and the Danish words of docs/glossary-da.md.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uptakeReportKind } from '../../src/report/kinds/uptake-report.js';
import type { ReportContent } from '../../src/report/report-page.js';
import { uptakeSummary } from '../../src/cli/uptake.js';
import type { UptakeAnalysis } from '../../src/uptake/uptake-analysis.js';

const NO = 'test/fixtures/exports/registry-no';

function build(lang: 'en' | 'da', over: Record<string, unknown> = {}, dir = NO): Promise<ReportContent> {
  return uptakeReportKind.build(
    { id: 'x', kind: 'uptake', out: 'x', lang, registry: 'registry.csv', eligible: 'eligible.csv', plan: 'uptake.plan.json', ...over } as never,
    { input: (p: string) => join(dir, p), lang, version: 'test', memo: <T>(_k: string, f: () => T) => f() },
  );
}

describe('the uptake report page', () => {
  it('without a title in the manifest is headed "Uptake of the app by region": it does not claim synthetic data', async () => {
    for (const lang of ['en', 'da'] as const) {
      const { page } = await build(lang);
      expect(page.title).toBe(lang === 'en' ? 'Uptake of the app by region' : 'Optag af appen pr. region');
      expect(page.title).not.toMatch(/synthetic|syntetisk/);
    }
  });

  it('on one region\'s own registry and eligible file calls the total "Total (Oslo)", never "Whole country"; beside a whole-country eligible file it notes the regions without referrals', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hta-uptake-one-region-'));
    const [head, ...rows] = readFileSync(`${NO}/registry.csv`, 'utf8').trim().split('\n');
    writeFileSync(join(dir, 'registry.csv'), [head, ...rows.filter((l) => l.split(',')[1] === 'Oslo')].join('\n') + '\n');
    const [eHead, ...eRows] = readFileSync(`${NO}/eligible.csv`, 'utf8').trim().split('\n');
    writeFileSync(join(dir, 'oslo.csv'), [eHead, ...eRows.filter((l) => l.startsWith('Oslo,'))].join('\n') + '\n');
    copyFileSync(`${NO}/eligible.csv`, join(dir, 'eligible.csv'));
    // Without the plan's synonym for Viken (the Oslo-only eligible file has no Viken).
    const { regions: _r, ...plan } = JSON.parse(readFileSync(`${NO}/uptake.plan.json`, 'utf8')) as Record<string, unknown> & { priceModel: Record<string, unknown> };
    writeFileSync(join(dir, 'uptake.plan.json'), JSON.stringify({ ...plan, priceModel: { ...plan.priceModel, volumeScope: 'national' } }));

    for (const lang of ['en', 'da'] as const) {
      const own = await build(lang, { eligible: 'oslo.csv' }, dir);
      const text = JSON.stringify(own.page) + uptakeSummary(own.results as UptakeAnalysis, lang) + JSON.stringify(own.charts);
      expect(text).not.toMatch(/whole country|hele landet/i);
      expect(text).toContain(lang === 'en' ? 'Total (Oslo)' : 'I alt (Oslo)');
      expect(text).toContain(lang === 'en' ? 'volume counted over Oslo' : 'volumen opgjort for Oslo');
    }
    const all = await build('en', {}, dir);
    const notes = JSON.stringify(all.page);
    expect(notes).toContain('The registry has no referral from Viken, Vestland, Trøndelag and Nordland, which the eligible file lists: is it the whole country\'s export?');
    const da = await build('da', {}, dir);
    expect(JSON.stringify(da.page)).toContain('Registeret har ingen henvisninger fra Viken, Vestland, Trøndelag og Nordland');
  }, 60_000);
});

