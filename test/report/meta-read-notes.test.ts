/**
 * The notes `hta meta` prints on stderr — which columns were read as what, and a 95% CI split
 * from one column — reach the meta report page's "About the data" too, in the page's language.
 */
import { describe, expect, it } from 'vitest';
import { metaReportKind } from '../../src/report/kinds/meta-report.js';

const DK = 'test/fixtures/exports/studies-excel-dk';

async function dataNotes(data: string, lang: 'en' | 'da'): Promise<string[] | undefined> {
  const env = { input: (p: string) => p, lang, version: 't', memo: <T>(_k: string, f: () => T) => f() };
  const content = await metaReportKind.build({ id: 'm', kind: 'meta', out: 'm', lang, data, preset: 'metafor' }, env);
  return (content.page.sections as { id: string; notes?: string[] }[]).find((s) => s.id === 'data')?.notes;
}

describe('the meta page says how the studies file was read', () => {
  it('Danish column names and the CI split from one column, in English and in Danish', async () => {
    expect(await dataNotes(`${DK}/ki-en-kolonne.csv`, 'en')).toEqual([
      'Column 1 "Studie" was read as study.',
      'Column 2 "Effektmål" was read as outcome.',
      'Column 3 "Tid" was read as time.',
      'Column 4 "Forskel" was read as difference.',
      'The 95% CI in column 5 "95% KI" was split into its lower and upper limits (ci_lower and ci_upper) on 4 rows (line 2: "-1,51 til -0,06" as -1.51 and -0.06).',
      // A column hta meta does not read is named, not dropped unsaid.
      'Columns not read: "p-værdi" (column 6).',
    ]);
    const da = await dataNotes(`${DK}/ki-en-kolonne.csv`, 'da');
    expect(da?.[0]).toBe('Kolonne 1 "Studie" er læst som study.');
    expect(da?.[5]).toBe('Kolonner, der ikke er læst: "p-værdi" (kolonne 6).');
    expect(da?.[4]).toBe('95 %-KI i kolonne 5 "95% KI" er delt i nedre og øvre grænse (ci_lower og ci_upper) i 4 rækker (linje 2: "-1,51 til -0,06" som \u22121,51 og \u22120,06).');
    // A file read as the contract names it has no such section.
    expect(await dataNotes(`${DK}/studies-plain.csv`, 'en')).toBeUndefined();
  });
});
