/**
 * The trial report says how many REDCap repeating-instrument rows were not read, and of how many
 * patients (before, only stderr and `hta validate` said so), in Danish on a Danish page; every
 * count is exact, as every patient count on the trial page is (no "some rows").
 */
import { describe, expect, it } from 'vitest';
import { REPORT_TEXT } from '../../src/report/i18n.js';
import { passedOverNotes, trialReportKind } from '../../src/report/kinds/trial-report.js';
import type { TrialData } from '../../src/trial/trial-data.js';
import { reportEnv } from '../support/report-env.js';

const DIR = 'test/fixtures/exports/redcap-arms';

function build(lang: 'en' | 'da', data = 'export.csv') {
  return trialReportKind.build({ id: 'r', kind: 'trial', out: 'r', lang, data, plan: 'plan.json', characteristics: [] } as never, reportEnv(DIR, lang));
}

const methodsText = (c: Awaited<ReturnType<typeof build>>) => c.page.sections.find((s) => s.id === 'methods')!.intro!.join('\n');

describe('REDCap repeating-instrument rows on the trial page', () => {
  it('are counted in the methods section, in English and in Danish', async () => {
    // The fixture has 20 adverse-event rows of 10 patients beside its visit rows.
    expect(methodsText(await build('en'))).toContain('Not read: 20 rows of the export (10 patients) belonging to REDCap repeating instruments ("adverse_events") and holding none of the plan\'s columns.');
    expect(methodsText(await build('da'))).toContain('Ikke indlæst: 20 rækker i eksporten (10 patienter), som hører til gentagne REDCap-skemaer ("adverse_events") og ikke indeholder nogen af planens kolonner.');
  });
  it('small counts are said exactly, in rows and patients, singular for one; no such rows, no note', () => {
    const trial = (rows: number, patients: number) => ({ passedOver: { rows, patients, why: '', instruments: ['ae'] } }) as unknown as TrialData;
    const en = (k: 'passedOverNote') => REPORT_TEXT[k].en;
    const da = (k: 'passedOverNote') => REPORT_TEXT[k].da;
    expect(passedOverNotes(trial(4, 2), en, 'en')[0]).toMatch(/^Not read: 4 rows of the export \(2 patients\) belonging/);
    expect(passedOverNotes(trial(4, 2), da, 'da')[0]).toMatch(/^Ikke indlæst: 4 rækker i eksporten \(2 patienter\), som hører/);
    expect(passedOverNotes(trial(1, 1), en, 'en')[0]).toMatch(/^Not read: 1 row of the export \(1 patient\) belonging/);
    expect(passedOverNotes(trial(1, 1), da, 'da')[0]).toMatch(/^Ikke indlæst: 1 række i eksporten \(1 patient\), som/);
    expect(passedOverNotes(trial(1234, 600), da, 'da')[0]).toMatch(/^Ikke indlæst: 1\.234 rækker i eksporten \(600 patienter\)/);
    expect(passedOverNotes({} as TrialData, en, 'en')).toEqual([]);
  });
});
