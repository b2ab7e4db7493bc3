/**
 * The trial report's methods name the multiple imputation's auxiliary variables (by their Table 1
 * label, else their column) and say when each arm is imputed alone ("missing": { "auxiliary",
 * "byArm" }; docs/plan-trial.md#multiple-imputation), in English and Danish (hjælpevariable).
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { trialReportKind } from '../../src/report/kinds/trial-report.js';
import { reportEnv } from '../support/report-env.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const base = JSON.parse(readFileSync('test/fixtures/mi-aux/plan.json', 'utf8'));

async function methods(lang: 'en' | 'da', missing: Record<string, unknown>) {
  const dir = tempDir();
  copyFileSync('test/fixtures/mi-aux/trial.csv', join(dir, 'trial.csv'));
  writeFileSync(join(dir, 'plan.json'), JSON.stringify({ ...base, missing: { ...base.missing, m: 3, ...missing } }));
  const characteristics = [{ column: 'sessioner', label: { en: 'App sessions', da: 'App-sessioner' } }];
  const c = await trialReportKind.build({ id: 'r', kind: 'trial', out: 'r', lang, data: 'trial.csv', plan: 'plan.json', characteristics } as never, reportEnv(dir, lang));
  return c.page.sections.find((s) => s.id === 'methods')!.intro!.join('\n');
}

describe('the methods on the imputation model', () => {
  it('name the auxiliary variables and the imputation by arm', async () => {
    const en = await methods('en', { auxiliary: ['sessioner', 'arbejde'], byArm: true });
    expect(en).toContain("from the baseline score and age (years), the auxiliary variables app sessions and arbejde, which are not in the ANCOVA, and the outcome at the other follow-up visits (imputed separately in each arm; no other variables); the ANCOVA is fitted to each completed data set and the 3 estimates are pooled by Rubin's rules.");
    const da = await methods('da', { auxiliary: ['sessioner', 'arbejde'], byArm: true });
    expect(da).toContain('ud fra baselinescoren og alder (år), hjælpevariablene app-sessioner og arbejde, som ikke indgår i ANCOVA-modellen, samt effektmålet ved de øvrige opfølgninger (imputeret separat i hver gruppe; ingen andre variable)');
  });

  it('one auxiliary variable in one model for both arms', async () => {
    const en = await methods('en', { auxiliary: ['arbejde'] });
    expect(en).toContain('from the arm, the baseline score and age (years), the auxiliary variable arbejde, which is not in the ANCOVA, and the outcome at the other follow-up visits (one model for both arms; no other variables)');
  });
});
