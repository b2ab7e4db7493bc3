/**
 * The methods of a trial report say missing follow-ups "are examined in the sensitivity analysis"
 * only when the page has that section (a continuous primary outcome); otherwise what the
 * estimates do instead and why there is none, in English and Danish (docs/report-trial.md#order).
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { trialReportKind } from '../../src/report/kinds/trial-report.js';
import { reportEnv } from '../support/report-env.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const FIXTURE = 'test/fixtures/exports/redcap-arms';
const basePlan = JSON.parse(readFileSync(join(FIXTURE, 'plan.json'), 'utf8')) as Record<string, unknown>;

async function methods(lang: 'en' | 'da', plan: Record<string, unknown>) {
  const dir = tempDir();
  copyFileSync(join(FIXTURE, 'export.csv'), join(dir, 'export.csv'));
  writeFileSync(join(dir, 'plan.json'), JSON.stringify({ ...plan, $schema: undefined }));
  const c = await trialReportKind.build({ id: 'r', kind: 'trial', out: 'r', lang, data: 'export.csv', plan: 'plan.json', characteristics: [] } as never, reportEnv(dir, lang));
  return { text: c.page.sections.find((s) => s.id === 'methods')!.intro![0]!, sensitivity: c.page.sections.some((s) => s.id === 'sensitivity') };
}

describe('the methods on missing follow-ups', () => {
  it('no primary outcome: no sensitivity section, and the methods do not promise one', async () => {
    const en = await methods('en', basePlan);
    expect(en.sensitivity).toBe(false);
    expect(en.text).not.toContain('sensitivity analysis (MMRM and multiple imputation)');
    expect(en.text).toMatch(/each ANCOVA estimate uses the patients observed at that visit \(complete cases\), and missing follow-ups are not examined in a sensitivity analysis, as the plan names no primary outcome\.$/);
    const da = await methods('da', basePlan);
    expect(da.text).not.toContain('følsomhedsanalysen (MMRM');
    expect(da.text).toMatch(/hvert ANCOVA-estimat bruger de patienter, der blev observeret ved besøget \(analyse af patienter med komplette data\), og manglende opfølgninger undersøges ikke i en følsomhedsanalyse, da planen ikke angiver et primært effektmål\.$/);
  });

  it('a primary outcome with "sensitivity": false and multiple imputation: imputed, no sensitivity analysis beside', async () => {
    const plan = { ...basePlan, primary: { outcome: 'pain', time: '6m' }, missing: { method: 'mi', m: 2, seed: 1, sensitivity: false } };
    const en = await methods('en', plan);
    expect(en.sensitivity).toBe(false);
    expect(en.text).toMatch(/missing follow-ups are multiply imputed \(the rows of multiple imputation\); there is no sensitivity analysis beside them, as the plan leaves it out\.$/);
  });

  it('a continuous primary outcome: the sensitivity section, and the methods point to it', async () => {
    const plan = { ...basePlan, primary: { outcome: 'pain', time: '6m' }, missing: { method: 'complete-case', m: 2, seed: 1 } };
    const en = await methods('en', plan);
    expect(en.sensitivity).toBe(true);
    expect(en.text).toMatch(/; missing follow-ups are examined in the sensitivity analysis \(MMRM and multiple imputation\)\.$/);
    const da = await methods('da', plan);
    expect(da.text).toMatch(/; manglende opfølgninger undersøges i følsomhedsanalysen \(MMRM og multipel imputation\)\.$/);
  });
});

describe('yes/no outcomes only: no ANCOVA was run, and the page says what was', () => {
  /** 20 patients per arm, a yes/no answer at baseline and 3 months (4 missing at 3 months), and an optional rating 0–10. */
  async function page(lang: 'en' | 'da', withScore: boolean, extra: Record<string, unknown> = {}, answer?: (k: number) => string) {
    const dir = tempDir();
    const clustered = extra.clusters !== undefined;
    const lines = [`id,arm,time,anymed${withScore ? ',nrs' : ''}${clustered ? ',site' : ''}`];
    // With clusters: 8 sites, each within one arm.
    const site = (k: number) => (clustered ? `,S${k % 8}` : '');
    for (let k = 0; k < 40; k++) {
      const arm = k % 2 === 0 ? 'App' : 'Usual';
      lines.push(`P${k},${arm},baseline,${k % 3 === 0 ? 'Ja' : 'Nej'}${withScore ? `,${k % 9}` : ''}${site(k)}`);
      if (k >= 4) lines.push(`P${k},${arm},3m,${answer ? answer(k) : k % (arm === 'App' ? 4 : 2) === 0 ? 'Ja' : 'Nej'}${withScore ? `,${(k * 7) % 10}` : ''}${site(k)}`);
    }
    writeFileSync(join(dir, 'export.csv'), lines.join('\n') + '\n');
    const outcomes = [{ key: 'anymed', instrument: 'binary', answers: { Ja: 1, Nej: 0 }, direction: 'lower-is-better', label: { en: 'Any pain medication', da: 'Smertestillende medicin' } }, ...(withScore ? [{ key: 'nrs', instrument: 'nrs' }] : [])];
    writeFileSync(join(dir, 'plan.json'), JSON.stringify({ arms: { intervention: 'App', control: 'Usual' }, timepoints: ['3m'], outcomes, methods: ['ancova'], missing: { sensitivity: false }, ...extra }));
    const c = await trialReportKind.build({ id: 'r', kind: 'trial', out: 'r', lang, data: 'export.csv', plan: 'plan.json', characteristics: [] } as never, reportEnv(dir, lang));
    const section = (id: string) => c.page.sections.find((s) => s.id === id)!;
    return { methods: section('methods').intro!, sof: section('summary-of-findings').tables![0]!.caption! };
  }

  it('the summary of findings and the methods name the risk difference and ratio, not ANCOVA, and the denominators', async () => {
    const en = await page('en', false);
    expect(en.sof).toBe('Table 1. Summary of findings: risk ratio and risk difference at each planned follow-up');
    expect(en.methods[0]).toBe("Between-group differences (app − usual care) with 95% CIs: the risk difference (Newcombe) and risk ratio for yes/no outcomes. Each difference is judged against the outcome's MCID by the rules in the footnotes of the table of all effect estimates; each arm's share is over the patients who answered at that visit (complete cases), and missing follow-ups are not examined in a sensitivity analysis, as the plan names no primary outcome.");
    expect(en.methods[1]).toMatch(/^Risk ratio and risk difference at each planned follow-up\. /);
    expect(en.methods.join(' ')).not.toContain('ANCOVA');
    const da = await page('da', false);
    expect(da.sof).toBe('Tabel 1. Evidensprofil (resumé af resultater): relativ risiko og risikodifference ved hver planlagt opfølgning');
    expect(da.methods[0]).toContain('risikodifference (Newcombe) og relativ risiko for ja/nej-effektmål.');
    expect(da.methods[0]).toContain('hver gruppes andel er af de patienter, der svarede ved besøget (analyse af patienter med komplette data)');
  });
  it('a cluster-randomised trial: the linear probability model\'s difference, no Newcombe interval or ratio', async () => {
    const en = await page('en', false, { clusters: 'site' });
    expect(en.methods[0]).toMatch(/^Between-group differences \(app − usual care\) with 95% CIs: the risk difference for yes\/no outcomes, from the linear probability model with a cluster-robust SE\. /);
    expect(en.methods[0]).not.toMatch(/Newcombe|risk ratio/);
    const da = await page('da', false, { clusters: 'site' });
    expect(da.methods[0]).toContain('risikodifference for ja/nej-effektmål fra den lineære sandsynlighedsmodel med klyngerobust SE.');
    // The summary's caption and its sentence in the methods name no ratio either.
    expect(en.sof).toMatch(/: risk difference \(linear probability model, cluster-robust SE\) at each planned follow-up$/);
    expect(en.methods.join(' ')).not.toMatch(/Risk ratio and risk difference/);
    expect(da.sof).toMatch(/: risikodifference \(lineær sandsynlighedsmodel, klyngerobust SE\) ved hver planlagt opfølgning$/);
  });
  it('a risk ratio not estimable (no event in either arm) is said under the methods; none when every ratio is estimated', async () => {
    const en = await page('en', false, {}, () => 'Nej');
    expect(en.methods).toContain('A risk ratio shown as "—" cannot be estimated: no patient had the event in either arm, or every patient had it in both.');
    expect((await page('en', false)).methods.join(' ')).not.toContain('cannot be estimated');
    expect((await page('da', false, {}, () => 'Nej')).methods).toContain('En relativ risiko vist som "—" kan ikke estimeres: ingen patient havde hændelsen i nogen af grupperne, eller alle havde den i begge.');
  });
  it('beside a continuous outcome: ANCOVA as before, and a sentence on the yes/no denominators', async () => {
    const en = await page('en', true);
    expect(en.sof).toBe('Table 1. Summary of findings: primary analysis (ANCOVA) at each planned follow-up');
    expect(en.methods[0]).toMatch(/each ANCOVA estimate uses the patients observed at that visit/);
    expect(en.methods[1]).toBe("Yes/no outcomes: each arm's share is over the patients who answered at that visit (complete cases).");
  });
});
