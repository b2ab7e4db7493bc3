/**
 * The trial report says how many REDCap repeating-instrument rows were not read (before, only
 * stderr and `hta validate` said so), in Danish on a Danish page; a count under the publication
 * threshold is "some rows", never the number.
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
    // The fixture has 20 adverse-event rows beside its visit rows.
    expect(methodsText(await build('en'))).toContain('20 rows of the export belong to REDCap repeating instruments ("adverse_events") and hold none of the plan\'s columns: they were not read.');
    expect(methodsText(await build('da'))).toContain('20 rækker i eksporten hører til gentagne REDCap-skemaer ("adverse_events") og indeholder ingen af planens kolonner: de er ikke indlæst.');
  });
  it('a count under the publication threshold is "some rows"; no such rows, no note', () => {
    const trial = (rows: number) => ({ passedOver: { rows, why: '', instruments: ['ae'] } }) as unknown as TrialData;
    const en = (k: 'passedOverNote') => REPORT_TEXT[k].en;
    const da = (k: 'passedOverNote') => REPORT_TEXT[k].da;
    expect(passedOverNotes(trial(4), en, 'en')[0]).toMatch(/^Some rows of the export belong/);
    expect(passedOverNotes(trial(4), da, 'da')[0]).toMatch(/^Nogle rækker i eksporten hører/);
    expect(passedOverNotes(trial(5), en, 'en')[0]).toMatch(/^5 rows of the export/);
    expect(passedOverNotes(trial(1234), da, 'da')[0]).toMatch(/^1\.234 rækker/);
    expect(passedOverNotes({} as TrialData, en, 'en')).toEqual([]);
  });
});
