/**
 * The trial report's methods say how the MMRM and the multiple imputation were done, not only
 * what the primary method adjusts for (docs/report-trial.md): the MMRM's visits (those of the
 * plan; an unscheduled visit left out by "ignoreTimepoints" is not named), unstructured
 * covariance, REML and Satterthwaite df; the imputation's method, m and Rubin's rules — in English
 * and Danish (docs/glossary-da.md).
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { trialReportKind } from '../../src/report/kinds/trial-report.js';
import { reportEnv } from '../support/report-env.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const plan = {
  title: { en: 'Back trial', da: 'Rygforsøget' },
  arms: { intervention: '1', control: '2' },
  columns: { id: 'record_id', time: 'redcap_event_name', arm: 'randomisering' },
  timeLabels: { baseline_arm_1: 'baseline', '3_months_arm_1': '3m', '9_months_arm_1': '9m' },
  timepoints: ['3m', '9m'],
  ignoreTimepoints: ['6_weeks_arm_1'],
  covariates: ['alder'],
  outcomes: [{ key: 'rmdq', instrument: 'rmdq' }],
  primary: { outcome: 'rmdq', time: '9m' },
  methods: ['ancova', 'mmrm'],
  missing: { method: 'mi', m: 3, seed: 1 },
};

async function methods(lang: 'en' | 'da') {
  const dir = tempDir();
  copyFileSync('test/fixtures/ignored-visit/redcap.csv', join(dir, 'redcap.csv'));
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
  const c = await trialReportKind.build({ id: 'r', kind: 'trial', out: 'r', lang, data: 'redcap.csv', plan: 'plan.json', characteristics: [] } as never, reportEnv(dir, lang));
  return c.page.sections.find((s) => s.id === 'methods')!.intro!.join('\n');
}

describe('the methods on MMRM and multiple imputation', () => {
  it('name the visits, covariance, estimation, df, and the imputation (what its model holds) and its pooling', async () => {
    const en = await methods('en');
    expect(en).toContain('The MMRM (mixed model for repeated measures) fits the follow-ups at 3 months and 9 months together, adjusted for the baseline score and age (years), with the arm difference and the baseline score\'s slope free at each visit, an unstructured covariance between the visits, restricted maximum likelihood (REML) and Satterthwaite degrees of freedom.');
    expect(en).toContain("The multiple imputation imputes the missing follow-ups 3 times by chained equations with predictive mean matching, from the arm, the baseline score and age (years), and the outcome at the other follow-up visits (one model for both arms; no other variables); the ANCOVA is fitted to each completed data set and the 3 estimates are pooled by Rubin's rules.");
    expect(en).toContain('Not analysed: 29 rows of the export (29 patients) at visits the analysis plan leaves out ("6_weeks_arm_1")');
    const da = await methods('da');
    expect(da).toContain('MMRM (mixed model for gentagne målinger) modellerer opfølgningerne efter 3 måneder og 9 måneder samlet, justeret for baselinescoren og alder (år), med forskellen mellem grupperne og baselinescorens hældning frie ved hvert besøg, en ustruktureret kovariansmatrix mellem besøgene, restringeret maksimum likelihood (REML) og Satterthwaite-frihedsgrader.');
    expect(da).toContain('Ved multipel imputation imputeres de manglende opfølgninger 3 gange ved kædede ligninger med prædiktiv middelværdimatchning (predictive mean matching, PMM) ud fra gruppen, baselinescoren og alder (år) samt effektmålet ved de øvrige opfølgninger (én model for begge grupper; ingen andre variable); ANCOVA-modellen estimeres i hvert udfyldt datasæt, og de 3 estimater samles efter Rubins regler.');
  });
});
