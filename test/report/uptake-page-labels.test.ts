/**
 * What the uptake report page calls things: the default title (no claim about the data's origin),
 * and the Danish words of docs/glossary-da.md.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/run-cli.js';
import { uptakeReportKind } from '../../src/report/kinds/uptake-report.js';
import type { ReportContent } from '../../src/report/report-page.js';
import { uptakeSummary } from '../../src/cli/uptake.js';
import { uptakeActivationFunnelSpec } from '../../src/report/charts/uptake-funnel-activation.js';
import type { UptakeAnalysis } from '../../src/uptake/uptake-analysis.js';

const NO = 'test/fixtures/exports/registry-no';

/**
 * One analysis per set of input files, shared by the English and the Danish page as `hta report`
 * shares it (the keys name the files; no test here rewrites a file it has built from).
 */
const memos = new Map<string, unknown>();
const memo = <T>(k: string, f: () => T): T => {
  if (!memos.has(k)) memos.set(k, f());
  return memos.get(k) as T;
};

function build(lang: 'en' | 'da', over: Record<string, unknown> = {}, dir = NO): Promise<ReportContent> {
  return uptakeReportKind.build(
    { id: 'x', kind: 'uptake', out: 'x', lang, registry: 'registry.csv', eligible: 'eligible.csv', plan: 'uptake.plan.json', ...over } as never,
    { input: (p: string) => join(dir, p), lang, version: 'test', memo },
  );
}

describe('the uptake report page', () => {
  it('without a title in the manifest is headed "Uptake of the app by region": it does not claim synthetic data', async () => {
    for (const lang of ['en', 'da'] as const) {
      const { page } = await build(lang);
      expect(page.title).toBe(lang === 'en' ? 'Uptake of the app by region' : 'Optag af appen pr. region');
      expect(page.title).not.toMatch(/synthetic|syntetisk/);
    }
  }, 60_000); // the file's first analysis (and imports): past 30 s on a loaded 2-core machine

  it('on one region\'s own registry and eligible file calls the total "Total (Oslo)", never "Whole country"; beside a whole-country eligible file it notes the regions without referrals', async () => {
    const dir = tempDir();
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

  it('in Danish: "patienter i målgruppen", not "kandidater"; the notes under "Om data" (also without the monthly series); the rule in words, no docs/ path', async () => {
    const da = await build('da');
    const page = JSON.stringify(da.page) + uptakeSummary(da.results as UptakeAnalysis, 'da');
    expect(page).not.toMatch(/kandidat/i);
    expect(page).toContain('Optag pr. 1.000 patienter i målgruppen');
    expect(da.page.provenance).not.toContain('docs/');
    expect(da.page.provenance).toContain('Antal under 5 og alle tal, som de kunne regnes ud fra, vises som "diskretioneret".');
    // The conclusion (uptake-conclusion.ts), then "Om data".
    const [conclusion, first] = da.page.sections;
    expect(conclusion!.id).toBe('conclusion');
    expect(conclusion!.title).toBe('Konklusion');
    expect(first!.id).toBe('about-data');
    expect(first!.title).toBe('Om data');
    expect(first!.intro!.join('\n')).toContain('Registerudtrækkets dato');
    // The equity breakdowns off too: their suppression is most of an analysis's seconds here, and
    // what is checked is the page without the monthly series.
    const noMonths = await build('da', { plan: 'no-months.plan.json' }, await planDir({ publish: { months: false, equity: [] } }));
    expect(noMonths.page.sections.map((x) => x.id)).not.toContain('over-time');
    expect(noMonths.page.sections.find((x) => x.id === 'about-data')!.intro!.join('\n')).toMatch(/Ikke offentliggjort .*den månedlige serie/);
  }, 60_000);

  it('funnel labels never make a hidden number a noun: "146 (antal i risiko og andel: diskretioneret)", not "146 af diskretioneret i risiko (diskretioneret)"', () => {
    const row = {
      region: 'national', period: 'all', periodType: 'all', dimension: 'all', level: 'all',
      referrals: 300, activations: 176, activationRate: 'suppressed', retained4w: 146, atRisk4w: 'suppressed', retention4w: 'suppressed',
      retained12w: 40, atRisk12w: 142, retention12w: 'suppressed',
    };
    const spec = uptakeActivationFunnelSpec({ metrics: [row] } as never, { lang: 'da' });
    const labels = JSON.stringify(spec);
    expect(labels).toContain('176 (andel af henviste: diskretioneret)');
    expect(labels).toContain('146 (antal i risiko og andel: diskretioneret)');
    expect(labels).toContain('40 af 142 i risiko (andel: diskretioneret)');
    expect(labels).not.toMatch(/af diskretioneret|\(diskretioneret\)/);
  });
});

async function planDir(over: Record<string, unknown>): Promise<string> {
  const dir = tempDir();
  for (const f of ['registry.csv', 'eligible.csv']) copyFileSync(`${NO}/${f}`, join(dir, f));
  writeFileSync(join(dir, 'no-months.plan.json'), JSON.stringify({ ...JSON.parse(readFileSync(`${NO}/uptake.plan.json`, 'utf8')), ...over }));
  return dir;
}

