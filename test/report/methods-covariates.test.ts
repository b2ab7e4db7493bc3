/**
 * The methods of an adjusted analysis name what it adjusts for: the baseline score, the plan's
 * stratification factors as such, then its other covariates by their Table 1 labels, in English
 * and Danish (docs/plan-trial.md#stratification-factors). They once said only "adjusted for the
 * baseline score and the plan's covariates".
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPORT_TEXT, type Lang } from '../../src/report/i18n.js';
import { adjustedForList, trialReportKind } from '../../src/report/kinds/trial-report.js';
import { characteristicLabel, hasCommonLabel } from '../../src/report/table-one.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { errorOf } from '../support/error-of.js';
import { reportEnv } from '../support/report-env.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const ctx = (lang: Lang) => ({ lang, text: (k: keyof typeof REPORT_TEXT) => REPORT_TEXT[k][lang] });
const labels = new Map([['rmdq_strata', 'RMDQ at baseline (≤ 12 / > 12)']]);

describe('what the methods say an adjusted analysis adjusts for', () => {
  it('the baseline score, the stratification factors as such, then the other covariates by their labels', () => {
    const plan = { covariates: ['alder', 'site', 'rmdq_strata', 'koen'], stratificationFactors: ['site', 'rmdq_strata'] };
    expect(adjustedForList(ctx('en'), plan, labels)).toBe('the baseline score, the stratification factors of the randomisation (site and RMDQ at baseline (≤ 12 / > 12)), age (years) and sex');
    expect(adjustedForList(ctx('da'), plan, labels)).toBe('baselinescoren, randomiseringens stratifikationsfaktorer (forsøgssted og RMDQ at baseline (≤ 12 / > 12)), alder (år) og køn');
    expect(adjustedForList(ctx('en'), { covariates: ['stratum'], stratificationFactors: ['stratum'] }, new Map())).toBe('the baseline score and the stratification factor of the randomisation (stratum)');
    expect(adjustedForList(ctx('en'), { covariates: ['alder', 'site'] }, new Map())).toBe('the baseline score, age (years) and site');
    expect(adjustedForList(ctx('da'), { covariates: [] }, new Map())).toBe('baselinescoren');
  });
  it('a trial report\'s methods list them (the covariate "age" of column "alder")', async () => {
    const FIXTURE = 'test/fixtures/exports/redcap-arms';
    const plan = JSON.parse(readFileSync(join(FIXTURE, 'plan.json'), 'utf8')) as Record<string, unknown>;
    const dir = tempDir();
    copyFileSync(join(FIXTURE, 'export.csv'), join(dir, 'export.csv'));
    writeFileSync(join(dir, 'plan.json'), JSON.stringify({ ...plan, $schema: undefined, stratificationFactors: ['age'] }));
    for (const [lang, said] of [['en', 'ANCOVA adjusted for the baseline score and the stratification factor of the randomisation (age (years)) for continuous outcomes'], ['da', 'ANCOVA justeret for baselinescoren og randomiseringens stratifikationsfaktor (alder (år)) for kontinuerte effektmål']] as const) {
      const c = await trialReportKind.build({ id: 'r', kind: 'trial', out: 'r', lang, data: 'export.csv', plan: 'plan.json', characteristics: [] } as never, reportEnv(dir, lang));
      expect(c.page.sections.find((s) => s.id === 'methods')!.intro![0]).toContain(said);
    }
  });
  it('a Danish page with a covariate of no label says so, with the manifest entry to add; a site and a stratum have Danish labels', async () => {
    const FIXTURE = 'test/fixtures/exports/redcap-arms';
    const plan = JSON.parse(readFileSync(join(FIXTURE, 'plan.json'), 'utf8')) as Record<string, unknown>;
    const dir = tempDir();
    copyFileSync(join(FIXTURE, 'export.csv'), join(dir, 'export.csv'));
    writeFileSync(join(dir, 'plan.json'), JSON.stringify({ ...plan, $schema: undefined, covariates: ['age', 'meds___1'] }));
    const notes: string[] = [];
    const c = await trialReportKind.build({ id: 'r', kind: 'trial', out: 'r', lang: 'da', data: 'export.csv', plan: 'plan.json', characteristics: [] } as never, { ...reportEnv(dir, 'da'), note: (n: string) => notes.push(n) });
    expect(c.page.sections.find((s) => s.id === 'methods')!.intro![0]).toContain('justeret for baselinescoren, alder (år) og meds___1');
    expect(notes).toContain('plan.json: the covariate "meds___1" has no label: the Danish page names it by its key in Table 1 and the methods — add to the manifest entry "characteristics": [{ "column": "meds___1", "label": { "en": "…", "da": "…" } }]');
    expect(adjustedForList(ctx('da'), { covariates: ['site', 'stratum'] }, new Map())).toBe('baselinescoren, forsøgssted og stratum');
  });
  it('the site columns plan init drafts from an EDC (Castor\'s "Site Abbreviation", REDCap\'s data access group) are the site: "Forsøgssted" on the Danish page, no note', () => {
    for (const key of ['site_abbreviation', 'redcap_data_access_group', 'data_access_group', 'site_id', 'centernr']) {
      expect(characteristicLabel(key, 'da'), key).toBe('Forsøgssted');
      expect(characteristicLabel(key, 'en'), key).toBe('Site');
      expect(hasCommonLabel(key), key).toBe(true);
    }
    expect(adjustedForList(ctx('da'), { covariates: ['redcap_data_access_group', 'alder'], stratificationFactors: ['redcap_data_access_group'] }, new Map())).toBe('baselinescoren, randomiseringens stratifikationsfaktor (forsøgssted) og alder (år)');
    // A place that is no trial site keeps its key: a hospital's department, a municipality.
    expect(hasCommonLabel('site_visits')).toBe(false);
    expect(hasCommonLabel('kommune_kode')).toBe(false);
  });
  it('the plan refuses a stratification factor that is not a covariate', () => {
    const e = errorOf(() => parsePlan({ arms: { intervention: 'a', control: 'b' }, timepoints: ['3m'], covariates: ['alder'], stratificationFactors: ['site'], outcomes: [{ key: 'nrs', instrument: 'nrs' }] }));
    expect(e.problems).toEqual([expect.objectContaining({ field: 'stratificationFactors.0', value: 'site', expected: expect.stringContaining('add "site" to "covariates"') })]);
  });
});
