/**
 * The registry page reads a yes/no outcome as a summary of findings does (docs/observational.md,
 * "Relative and absolute effects of yes/no outcomes"; src/report/sof-registry-rows.ts): a table
 * under the effects table with each adjusted row's risk ratio (95% CI), adjusted risk without the
 * exposure per 1,000 — named by the estimand's population: under ATT the users' (a review found
 * it called the non-users' risk) — and absolute effect per 1,000 (95% CI), and the conclusion's sentence with
 * them — where the page gave a risk difference only. The expected cells are written from R's
 * numbers (test/reference/observational-risk-ratio.R), as the trial's summary of findings prints
 * them, in English and Danish.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { registryReportKind } from '../../src/report/kinds/registry-report.js';
import { reportEnv } from '../support/report-env.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

interface RefRow { method: string; rd: number; risks: { exposed: number; unexposed: number }; riskRatio: { estimate: number; ciLower: number; ciUpper: number } }
const refs = (JSON.parse(readFileSync('test/reference/observational-risk-ratio.json', 'utf8')) as { estimands: { ATE: RefRow[]; ATT: RefRow[]; ATO: RefRow[] } }).estimands;
const ref = refs.ATE;

const plan = {
  design: 'observational',
  observational: {
    exposure: { column: 'app', exposed: 'Ja', unexposed: 'Nej' },
    confounders: [{ name: 'age', type: 'numeric' }, { name: 'sex', type: 'categorical' }, { name: 'henviser', type: 'categorical' }],
    estimand: 'ATE',
    baselineAsConfounder: false,
  },
  armLabels: { intervention: { en: 'App users', da: 'brugere af appen' }, control: { en: 'Non-users', da: 'ikke-brugere' } },
  layout: 'wide',
  timepoints: ['3m'],
  primary: { outcome: 'opioid', time: '3m' },
  outcomes: [{ key: 'opioid', instrument: 'binary', direction: 'lower-is-better', answers: { Ja: 1, Nej: 0 }, label: { en: 'Any opioid redemption', da: 'Mindst én indløsning af opioider' } }],
};

async function page(lang: 'en' | 'da', estimand: 'ATE' | 'ATT' | 'ATO' = 'ATE', edit?: (csv: string) => string) {
  const dir = tempDir();
  if (edit) writeFileSync(join(dir, 'registry.csv'), edit(readFileSync('test/fixtures/observational/opioid-registry.csv', 'utf8')));
  else copyFileSync('test/fixtures/observational/opioid-registry.csv', join(dir, 'registry.csv'));
  writeFileSync(join(dir, 'plan.json'), JSON.stringify({ ...plan, observational: { ...plan.observational, estimand } }));
  const c = await registryReportKind.build({ id: 'r', kind: 'registry', out: 'r', lang, data: 'registry.csv', plan: 'plan.json' } as never, reportEnv(dir, lang));
  const section = (id: string) => c.page.sections.find((s) => s.id === id)!;
  return { c, section };
}

/** As the trial's summary of findings writes a ratio, a risk and a count per 1,000 (2 decimals; whole numbers; the language's marks). */
const fixed = (v: number, lang: 'en' | 'da') => (lang === 'da' ? v.toFixed(2).replace('.', ',') : v.toFixed(2));
const per1000 = (v: number, lang: 'en' | 'da') => {
  const n = Math.round(1000 * v);
  return `${Math.abs(n)} ${n < 0 ? (lang === 'da' ? 'færre' : 'fewer') : lang === 'da' ? 'flere' : 'more'}`;
};

describe.each(['en', 'da'] as const)('a registry page with a yes/no outcome (%s)', (lang) => {
  const to = lang === 'da' ? 'til' : 'to';
  const unit = lang === 'da' ? 'pr. 1.000' : 'per 1,000';

  it('has a table of the adjusted rows: RR (95% CI), the adjusted risk without the exposure (ATE: all analysed) and the absolute effect per 1,000', async () => {
    const { c, section } = await page(lang);
    const effects = section('effects');
    expect(effects.tables).toHaveLength(2);
    const t = effects.tables![1]!.table;
    expect(t.header).toEqual(lang === 'da'
      ? ['Effektmål', 'Opfølgning', 'Metode', 'Relativ effekt (95 %-KI)', 'Risiko uden eksponeringen blandt alle analyserede patienter (justeret)', 'Absolut effekt (95 %-KI)']
      : ['Outcome', 'Follow-up', 'Method', 'Relative effect (95% CI)', 'Risk without the exposure among all patients analysed (adjusted)', 'Absolute effect (95% CI)']);
    expect(t.rows.map((r) => r[2])).toEqual(lang === 'da' ? ['Vægtet regression (dobbelt robust)', 'AIPW (dobbelt robust)'] : ['Weighted regression (doubly robust)', 'AIPW (doubly robust)']);
    // The absolute effect is the row's own risk difference and CI (results.json, at the page's digits) × 1,000.
    const published = (c.results as { analyses: { effects: { method: string; ciLower: number; ciUpper: number }[] }[] }).analyses[0]!.effects;
    ref.forEach((r, i) => {
      const row = t.rows[i]!.map((x) => x.replace(/[\u00a0\u202f]/g, ' '));
      const e = published.find((x) => x.method === r.method)!;
      expect(row[3]).toBe(`RR ${fixed(r.riskRatio.estimate, lang)} (${fixed(r.riskRatio.ciLower, lang)} ${to} ${fixed(r.riskRatio.ciUpper, lang)})`);
      expect(row[4]).toBe(`${Math.round(1000 * r.risks.unexposed)} ${unit}`);
      expect(row[5]).toBe(`${per1000(r.rd, lang)} ${unit} (${per1000(e.ciLower, lang)} ${to} ${per1000(e.ciUpper, lang)})`);
    });
    expect(effects.notes!.some((n) => n.includes(lang === 'da' ? 'deltametoden på log-skala' : 'delta method on the log scale'))).toBe(true);
  });

  it('says them in the conclusion\'s sentence of the primary (yes/no) result', async () => {
    const { section } = await page(lang);
    const text = section('conclusion').intro![0]!.replace(/[\u00a0\u202f]/g, ' ');
    const wr = ref[0]!;
    const ci = lang === 'da' ? '95 %-KI' : '95% CI';
    const rr = `RR ${fixed(wr.riskRatio.estimate, lang)} (${ci} ${fixed(wr.riskRatio.ciLower, lang)} ${to} ${fixed(wr.riskRatio.ciUpper, lang)})`;
    const risk = `${Math.round(1000 * wr.risks.unexposed)} ${unit}`;
    expect(text).toContain(lang === 'da' ? `; ${rr}; ${per1000(wr.rd, lang)} ${unit} (${ci} ` : `; ${rr}; ${per1000(wr.rd, lang)} ${unit} (${ci} `);
    expect(text).toContain(lang === 'da' ? `i forhold til en justeret risiko på ${risk} uden eksponeringen blandt alle analyserede patienter` : `against an adjusted risk of ${risk} without the exposure among all patients analysed`);
  });

  it('under ATT names the adjusted μ₀ as the users\' risk without the exposure, not the non-users\' (their own risk is another number); under ATO the overlap\'s', async () => {
    const { section } = await page(lang, 'ATT');
    const t = section('effects').tables![1]!.table;
    expect(t.header[4]).toBe(lang === 'da' ? 'Risiko for brugere af appen uden eksponeringen (justeret)' : 'Risk for app users without the exposure (adjusted)');
    const risk = Math.round(1000 * refs.ATT[0]!.risks.unexposed);
    expect(t.rows[0]![4]!.replace(/[\u00a0\u202f]/g, ' ')).toBe(`${risk} ${unit}`);
    // The non-users' own (crude) risk in the export, which "among non-users" claimed.
    const rows = readFileSync('test/fixtures/observational/opioid-registry.csv', 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const nonUsers = rows.filter((r) => r[1] === '"Nej"');
    expect(Math.round((1000 * nonUsers.filter((r) => r[5] === '"Ja"').length) / nonUsers.length)).not.toBe(risk);
    const text = section('conclusion').intro![0]!.replace(/[\u00a0\u202f]/g, ' ');
    expect(text).toContain(lang === 'da' ? `i forhold til en justeret risiko på ${risk} ${unit} for brugere af appen uden eksponeringen` : `against an adjusted risk of ${risk} ${unit} for app users without the exposure`);
    expect(text).not.toMatch(/among non-users|blandt ikke-brugere/);
    const ato = (await page(lang, 'ATO')).section('effects').tables![1]!.table;
    expect(ato.header[4]).toBe(lang === 'da' ? 'Risiko uden eksponeringen, hvor grupperne overlapper (justeret)' : 'Risk without the exposure where the groups overlap (adjusted)');
  });

  it('with no user having the event the conclusion says "RR not estimable" in a sentence, not a bare "; Not estimable;"', async () => {
    // Every user's redemption written "Nej": 0 events among the users (a count of 0 is published).
    const noUserEvent = (csv: string) => csv.replace(/^("R\d+","Ja",.*)"Ja"$/gm, '$1"Nej"');
    const { section } = await page(lang, 'ATT', noUserEvent);
    const table = section('effects').tables![1]!.table;
    expect(table.rows[0]![3]).toBe(lang === 'da' ? 'Kan ikke estimeres' : 'Not estimable');
    const text = section('conclusion').intro![0]!;
    expect(text).toContain(lang === 'da' ? '; RR kan ikke estimeres; ' : '; RR not estimable; ');
    expect(text).not.toMatch(/; (Not estimable|Kan ikke estimeres);/);
  });
});
