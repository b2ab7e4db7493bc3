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
