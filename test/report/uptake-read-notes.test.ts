/**
 * What stderr says of how the files were read reaches the uptake page's "About the data" too, in
 * the page's language, as counts only: clinic names differing only in case counted as one, and
 * total rows left out of the eligible file — never a clinic name or a total row's label
 * (published outputs carry no characters read from the registry).
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportEnv } from '../support/report-env.js';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/run-cli.js';
import { uptakeReportKind } from '../../src/report/kinds/uptake-report.js';
import { uptakeResultsSchema } from '../../src/uptake/uptake-results-schema.js';

const F = 'test/fixtures/exports/registry-dk-totals';

/** The fixture (Windows-1252; "I alt" rows in the eligible file) with one clinic written in capitals on every other row. */
function fixture(): string {
  const dir = tempDir();
  const lines = readFileSync(`${F}/registry.csv`, 'latin1').split('\n');
  writeFileSync(join(dir, 'registry.csv'), lines.map((l, i) => (i % 2 ? l.replace(';Østerbro-Læge;', ';ØSTERBRO-LÆGE;') : l)).join('\n'), 'latin1');
  copyFileSync(`${F}/eligible.csv`, join(dir, 'eligible.csv'));
  // The registry's Excel total row is left out as invalid.
  writeFileSync(join(dir, 'plan.json'), JSON.stringify({ ...JSON.parse(readFileSync(`${F}/uptake.plan.json`, 'utf8')), invalidRows: 'exclude' }));
  return dir;
}

// One memo for the English and the Danish page, as `hta report` has: the analysis is computed once.
const memo = new Map<string, unknown>();
const build = (dir: string, lang: 'en' | 'da') => uptakeReportKind.build(
  { id: 'x', kind: 'uptake', out: 'x', lang, registry: 'registry.csv', eligible: 'eligible.csv', plan: 'plan.json' } as never,
  reportEnv(dir, lang, memo),
);

describe('the uptake page on a registry with case variants of a clinic and an eligible file with total rows', () => {
  it('says how many names became how many clinics, and how many total rows were left out, in English and Danish; no name, no label', { timeout: 60_000 }, async () => {
    const dir = fixture();
    for (const [lang, merged, totals] of [
      ['en', '2 clinic names differing only in upper/lower case, in æ, ø, å written ae, oe, aa, or (all-digit codes) in leading zeros were counted as one clinic.', '3 total rows in the eligible file, each equal to the sum of the regions\' counts, were left out (hta adds the regions up itself).'],
      ['da', '2 kliniknavne, der kun adskiller sig ved store og små bogstaver, ved æ, ø, å skrevet ae, oe, aa eller (koder af lutter cifre) ved foranstillede nuller, er talt som én klinik.', '3 totalrækker i filen med antal berettigede, hver lig med summen af regionernes antal, er udeladt (hta lægger selv regionerne sammen).'],
    ] as const) {
      const content = await build(dir, lang);
      const about = (content.page.sections as { id: string; intro?: string[] }[]).find((s) => s.id === 'about-data')!;
      expect(about.intro).toContain(merged);
      expect(about.intro).toContain(totals);
      // (The Danish budget table's own "I alt 2025–2027" is the page's word, not the file's "I alt" row.)
      expect(JSON.stringify(content.page)).not.toMatch(/ØSTERBRO|Østerbro|"I alt"|I alt 202[5-7]"/);
      expect(about.intro!.join(' ')).not.toMatch(/I alt|Region|line/);
      const results = content.results as { clinicCaseMerged?: unknown; eligibleTotalRows?: unknown };
      expect([results.clinicCaseMerged, results.eligibleTotalRows]).toEqual([{ names: 2, clinics: 1 }, 3]);
      expect(uptakeResultsSchema.safeParse(JSON.parse(JSON.stringify(content.results))).success).toBe(true);
    }
  });
});
