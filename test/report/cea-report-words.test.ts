/**
 * The cost-effectiveness page as a committee economist reads it (test/fixtures/cea-report-words:
 * arms `App`/`Kontrol` without labels, 24 months of follow-up, results also shown in EUR). One
 * analysis, shared by the English and Danish pages.
 */
import { describe, expect, it } from 'vitest';
import type { CeaResult } from '../../src/cea/cea-results-schema.js';
import { money, moneyLimit, pctText } from '../../src/cea/cea-phrases.js';
import { ceaReportKind } from '../../src/report/kinds/cea-report.js';
import { markdownPage } from '../../src/report/markdown-page.js';
import type { ReportContent } from '../../src/report/report-page.js';

type Lang = 'en' | 'da';
const DIR = 'test/fixtures/cea-report-words';
const memo = new Map<string, unknown>();
const env = (lang: Lang) => ({ input: (p: string) => p, lang, version: 'test', memo: <T>(k: string, compute: () => T): T => { if (!memo.has(k)) memo.set(k, compute()); return memo.get(k) as T; } });
const build = (lang: Lang): Promise<ReportContent> => ceaReportKind.build({ id: 'x', kind: 'cea', out: 'x', lang, data: `${DIR}/export.csv`, plan: `${DIR}/cea.plan.json` }, env(lang));
const pages: Record<Lang, Promise<ReportContent>> = { en: build('en'), da: build('da') };
const text = async (lang: Lang) => { const c = await pages[lang]; return markdownPage({ ...c.page, provenance: '' }, new Map(c.charts.map((x) => [x.name, { alt: x.alt }]))); };
const chart = async (lang: Lang, name: string) => JSON.stringify((await pages[lang]).charts.find((c) => c.name === name)!.spec);
const section = async (lang: Lang, id: string) => (await pages[lang]).page.sections.find((s) => s.id === id)!;

describe.each(['en', 'da'] as const)('the %s page of a trial of App against Kontrol with no arm labels', (lang) => {
  it('names the arms as the trial pages do, never "app" and "usual care", with the article where a sentence needs one', async () => {
    const page = await text(lang);
    expect(page).not.toMatch(/usual|vanlig/i);
    expect(page).not.toMatch(/\bthe app\b|\bappen\b/i);
    const conclusion = (await section(lang, 'conclusion')).intro![0]!;
    expect(conclusion).toContain(lang === 'en' ? ', the intervention saves money and gains health on average compared with control (' : ' sparer interventionen i gennemsnit penge og giver mere sundhed sammenlignet med kontrolgruppen (');
    expect(conclusion).toContain(lang === 'en' ? 'so the intervention is dominant' : 'så interventionen er dominerende');
    expect(conclusion).toContain(lang === 'en' ? 'the probability that the intervention is cost-effective is' : 'sandsynligheden for, at interventionen er omkostningseffektiv,');
    expect((await section(lang, 'results')).intro![0]).toMatch(lang === 'en' ? /^Intervention \(n = 50\) and control \(n = 50\), all patients; / : /^Interventionsgruppe \(n = 50\) og kontrolgruppe \(n = 50\), alle patienter; /);
    expect(await chart(lang, 'ce-plane')).toContain(lang === 'en' ? 'Incremental QALYs (intervention − control)' : 'Forskel i QALY (interventionsgruppe − kontrolgruppe)');
    expect(await chart(lang, 'ceac')).toContain(lang === 'en' ? 'Probability that the intervention is cost-effective' : 'Sandsynlighed for, at interventionen er omkostningseffektiv');
    expect(page).toContain(lang === 'en' ? '| Category | Intervention (n) | Control (n) |' : '| Kategori | Interventionsgruppe (n) | Kontrolgruppe (n) |');
  });
});

describe.each(['en', 'da'] as const)('the %s page with results also shown in EUR (display rate 0.1341 per DKK)', (lang) => {
  it('gives the rate as the plan gives it and converts the incremental cost with its CI and the net monetary benefit', async () => {
    const r = (await pages[lang]).results as CeaResult;
    const eur = (x: number) => money(x * 0.1341, 'EUR', lang);
    const lim = (x: number) => moneyLimit(x * 0.1341, 'EUR', lang);
    const to = lang === 'en' ? 'to' : 'til';
    const note = (await section(lang, 'results')).notes!.find((n) => n.includes('0.1341') || n.includes('0,1341'))!;
    expect(note).toBeDefined();
    const th = r.thresholds[0]!;
    expect(note).toBe(lang === 'en'
      ? `In EUR at 0.1341 EUR per DKK: incremental cost ${eur(r.incrementalCost.estimate)} (95% CI ${lim(r.incrementalCost.ciLower)} to ${lim(r.incrementalCost.ciUpper)}); net monetary benefit at ${eur(th.threshold)} per QALY ${eur(th.nmb.estimate)} (95% CI ${lim(th.nmb.ciLower)} ${to} ${lim(th.nmb.ciUpper)}).`
      : `Omregnet til EUR med 0,1341 EUR pr. kr.: meromkostning ${eur(r.incrementalCost.estimate)} (95 %-KI ${lim(r.incrementalCost.ciLower)} til ${lim(r.incrementalCost.ciUpper)}); nettogevinst ved ${eur(th.threshold)} pr. QALY ${eur(th.nmb.estimate)} (95 %-KI ${lim(th.nmb.ciLower)} til ${lim(th.nmb.ciUpper)}).`);
    // −826 DKK at 0.1341 is −€111; at a rate rounded to 0.13 it would read −€107.
    expect(eur(r.incrementalCost.estimate)).not.toBe(money(r.incrementalCost.estimate * 0.13, 'EUR', lang));
  });
});

describe.each(['en', 'da'] as const)('the %s page of a 24-month trial with visits "3 mdr" … "24 mdr"', (lang) => {
  it('states the horizon from the plan\'s visit times, and draws the utilities in months with every report\'s "baseline"', async () => {
    const horizon = lang === 'en' ? '24 months' : '24 måneder';
    expect((await section(lang, 'conclusion')).intro![0]).toMatch(lang === 'en' ? /^Over 24 months, from a healthcare perspective, / : /^Over 24 måneder og i et sundhedssektorperspektiv sparer /);
    expect((await section(lang, 'results')).intro![0]).toContain(lang === 'en' ? `follow-up to ${horizon}.` : `opfølgning til ${horizon}.`);
    const spec = JSON.parse(await chart(lang, 'utilities')) as { encoding: { x: { field: string; title: string; axis: { values: number[]; labelExpr: string } } }; data: { values: Record<string, number | string>[] } };
    expect(spec.encoding.x.title).toBe(lang === 'en' ? 'Months since baseline' : 'Måneder efter baseline');
    expect(spec.encoding.x.axis.values).toEqual([0, 3, 6, 12, 24]);
    expect(spec.encoding.x.axis.labelExpr).toContain('"baseline"');
    expect(spec.data.values.find((v) => v.visit === '24 mdr')![spec.encoding.x.field]).toBe(24);
  });
});

describe.each(['en', 'da'] as const)('the %s page of a 24-month trial discounted at 3.5 %% a year', (lang) => {
  it('says in the captions of the mean costs and QALYs that they are discounted', async () => {
    const page = await text(lang);
    expect(page).toContain(lang === 'en'
      ? '**Table 2. Costs by category and arm (costs after the first year discounted at 3.5% a year)**'
      : '**Tabel 2. Omkostninger efter kategori og gruppe (omkostninger efter det første år diskonteret med 3,5 % om året)**');
    expect(page).toContain(lang === 'en'
      ? '**Table 3. Utilities and QALYs (QALYs after the first year discounted at 3.5% a year; the utilities are not)**'
      : '**Tabel 3. Nytteværdier og QALY (QALY efter det første år diskonteret med 3,5 % om året; nytteværdierne diskonteres ikke)**');
  });
});

describe.each(['en', 'da'] as const)('the %s page of a dominance read off the point estimates', (lang) => {
  it('says the app saves money only on average when the cost interval includes higher costs, with the share of replicates that cost more', async () => {
    const r = (await pages[lang]).results as CeaResult;
    expect(r.icer.kind).toBe('dominant');
    expect(r.incrementalCost.ciUpper).toBeGreaterThan(0);
    const more = pctText(r.quadrants.NE + r.quadrants.NW, lang);
    expect((await section(lang, 'conclusion')).intro![0]).toContain(lang === 'en'
      ? `), so the intervention is dominant on the point estimates, but the 95% CI of the incremental cost includes higher costs (${more} of the bootstrap replicates cost more). At the plan's threshold`
      : `), så interventionen er dominerende ifølge punktestimaterne, men 95 %-KI for meromkostningen omfatter højere omkostninger (${more} af bootstrap-replikationerne er dyrere). Ved planens tærskelværdi`);
  });
});

describe('the Danish unit-cost table of a DKK analysis', () => {
  it('names the price year as the council writes it, "2023-kr.", not "kr. 2023"', async () => {
    expect(await text('da')).toContain('| Ressource | Kategori | Enhedspris (2023-kr.) | Kilde |');
    expect(await text('en')).toContain('| Item | Category | Unit cost (DKK 2023) | Source |');
  });
});
