/**
 * A registry export grouped by region (SAS BY groups, an SSRS or Qlik table grouped on region): a
 * line holding only the region's name above that region's rows, whose own region cell is blank.
 * It is named as such, with what to do — not told to "fill down" as an Excel pivot is
 * (docs/input-registry.md "Regions").
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../src/errors.js';
import { draftUptakePlan } from '../../src/uptake/draft-uptake-plan.js';
import { FOOTNOTE_KIND } from '../../src/uptake/footnote-rows.js';
import { PIVOT_REGION_KIND, readRegistry, REGION_TITLE_KIND, REGION_TITLED_BLOCK_KIND } from '../../src/uptake/read-registry.js';
import { regionSet } from '../../src/uptake/regions.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const HEADER = 'PatientID;Region;Klinik;Henvist;Aktiveret;SidstAktiv;Alder;Køn;Henviser';
const REGIONS = ['Region Hovedstaden', 'Region Sjælland'];

/** The export, each region's rows under `title(region)` (a line, or none) with the region cell `cell(region)`. */
function grouped(title: (r: string) => string | undefined, cell: (r: string) => string): string {
  const lines = [HEADER];
  let i = 0;
  for (const r of REGIONS) {
    const t = title(r);
    if (t !== undefined) lines.push(t);
    for (let k = 0; k < 6; k++, i++) lines.push([`P${7000 + i}`, cell(r), `K${k % 2}`, `0${1 + (k % 9)}-03-2025`, '', '', String(40 + k), 'K', 'Egen læge'].join(';'));
  }
  const file = join(tempDir(), 'grouped.csv');
  writeFileSync(file, lines.join('\r\n') + '\r\n');
  return file;
}

const options = { regions: regionSet(REGIONS), columns: { id: 'PatientID', region: 'Region', clinic: 'Klinik', referred: 'Henvist', activated: 'Aktiveret', last_active: 'SidstAktiv', age: 'Alder', sex: 'Køn', referrer: 'Henviser' }, dateFormat: 'dd-mm-yyyy', exportDate: '2025-06-30', threads: 1 } as const;

async function problemsOf(file: string): Promise<Problem[]> {
  try {
    await readRegistry(file, options);
  } catch (err) {
    return (err as { problems: Problem[] }).problems;
  }
  throw new Error('read without a problem');
}

describe('region block titles above each region\'s rows', () => {
  it('a title line of one field, or in the region column with the other cells blank: the titles and their blocks named, no "fill down"', async () => {
    const one = await problemsOf(grouped((r) => r, () => ''));
    const inColumn = await problemsOf(grouped((r) => `;${r};;;;;;;`, () => ''));
    for (const problems of [one, inColumn]) {
      expect(problems.filter((p) => p.kind === PIVOT_REGION_KIND)).toEqual([]);
      const titles = problems.filter((p) => p.kind === REGION_TITLE_KIND);
      expect(titles.map((p) => [p.line, p.value])).toEqual([[2, 'Region Hovedstaden'], [9, 'Region Sjælland']]);
      expect(titles[0]!.expected).toContain('a block title above that region\'s rows (a report grouped by region) — export the rows ungrouped, the region in column "Region" on every row');
      const block = problems.filter((p) => p.kind === REGION_TITLED_BLOCK_KIND);
      expect(block.map((p) => p.line)).toEqual([3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15]);
      expect(block.every((p) => p.column === 2 && p.value === '')).toBe(true);
      expect(block[0]!.expected).toContain('under a region title (a line holding only a region\'s name, such as "Region Hovedstaden" on line 2), its own "Region" cell blank');
      // Nothing else is said of these lines: the title line is no referral with a dozen empty cells.
      expect(problems).toHaveLength(titles.length + block.length);
    }
  }, 30_000);

  it('SAS\'s BY line (`Region=Region Hovedstaden`, framed by dashes in the listing) is a title so too, not a footnote', async () => {
    const sas = await problemsOf(grouped((r) => `Region=${r}`, () => ''));
    const listing = await problemsOf(grouped((r) => `------ Region = ${r} ------`, () => ''));
    for (const [problems, first] of [[sas, 'Region=Region Hovedstaden'], [listing, '------ Region = Region Hovedstaden ------']] as const) {
      expect(problems.filter((p) => p.kind === FOOTNOTE_KIND)).toEqual([]);
      const titles = problems.filter((p) => p.kind === REGION_TITLE_KIND);
      expect(titles.map((p) => [p.line, p.column])).toEqual([[2, 1], [9, 1]]);
      expect(titles[0]!.value).toBe(first);
      expect(titles[0]!.expected).toContain('the line holds only a region\'s name (a SAS BY line, "variable=region"), a block title above that region\'s rows');
      expect(titles[0]!.expected).toContain('in SAS without the BY statement');
      const block = problems.filter((p) => p.kind === REGION_TITLED_BLOCK_KIND);
      expect(block.map((p) => p.line)).toEqual([3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15]);
      expect(block[0]!.expected).toContain(`such as "${first}" on line 2`);
      expect(problems).toHaveLength(titles.length + block.length);
    }
  }, 30_000);

  it('SAS\'s CSV of PROC PRINT with BY, the first BY line deleted as told: the next group\'s BY line is a title, its header line a repeated header', async () => {
    const rows = (r: string, first: number) => [0, 1, 2].map((k) => [`P${first + k}`, r, `K${k}`, `0${k + 1}-03-2025`, '', '', '50', 'K', 'Egen læge'].join(';'));
    const file = join(tempDir(), 'sas.csv');
    writeFileSync(file, [HEADER, ...rows('Region Hovedstaden', 7000), '', 'Region=Region Sjælland', '', HEADER, ...rows('Region Sjælland', 7003), ''].join('\r\n'));
    const problems = await problemsOf(file);
    expect(problems.map((p) => [p.line, p.kind ?? ''])).toEqual([[6, REGION_TITLE_KIND], [8, expect.anything()]]);
    expect(problems[1]!.expected).toContain('header');
  }, 30_000);

  it('a `name=value` line whose value is no region stays what it was (a footnote)', async () => {
    const problems = await problemsOf(grouped((r) => (r === 'Region Sjælland' ? 'Kilde=Landspatientregistret 2025' : r), () => ''));
    expect(problems.filter((p) => p.kind === REGION_TITLE_KIND).map((p) => p.line)).toEqual([2]);
    expect(problems.filter((p) => p.kind === FOOTNOTE_KIND).map((p) => [p.line, p.value])).toEqual([[9, 'Kilde=Landspatientregistret 2025']]);
  }, 30_000);

  it('plan init --uptake names the titles so too, not as footnotes', () => {
    for (const file of [grouped((r) => r, () => ''), grouped((r) => `;${r};;;;;;;`, () => ''), grouped((r) => `Region=${r}`, () => ''), grouped((r) => `------ Region=${r} ------`, () => '')]) {
      const { notes } = draftUptakePlan(file);
      expect(notes.filter((n) => n.includes('footnote'))).toEqual([]);
      expect(notes).toContainEqual(expect.stringContaining('lines 2, 9 hold only a region\'s name, block titles above their regions\' rows (a report grouped by region), not referrals'));
    }
  });

  it('plan init --uptake: words alone in the region column are a title whatever region they name; in another column, or with no region column, a footnote', () => {
    const rows = (first: number, region: string) => [0, 1, 2].map((k) => [`P${first + k}`, region, `K${k}`, `0${k + 1}-03-2025`, '', '', '50', 'K', 'Egen læge'].join(';'));
    const notesOf = (header: string, titles: [string, string], region = '') => {
      const file = join(tempDir(), 'titled.csv');
      writeFileSync(file, [header, titles[0], ...rows(7000, region), titles[1], ...rows(7010, region)].join('\r\n') + '\r\n');
      return draftUptakePlan(file).notes.join('\n');
    };
    const title = 'lines 2, 6 hold only a region\'s name', footnotes = 'lines 2, 6 are footnotes';
    expect(notesOf(HEADER, [';Helse Vest;;;;;;;', ';Helse Nord;;;;;;;'])).toContain(title);
    const first = notesOf(HEADER, ['Helse Vest;;;;;;;;', 'Helse Nord;;;;;;;;']);
    expect(first).toContain(footnotes);
    expect(first).not.toContain(title);
    // No region column: no title, be the line words or a lone code.
    const noRegion = notesOf(HEADER.replace('Region', 'Omraade'), ['Antal rækker: 6', 'Kilde: SP'], 'x');
    expect(noRegion).toContain(footnotes);
    expect(noRegion).not.toContain('only a region\'s name');
    expect(notesOf(HEADER.replace('Region', 'Omraade'), ['P7100;;;;;;;;', 'P7101;;;;;;;;'], 'x')).not.toContain('only a region\'s name');
  });

  it('the region on the first row of each block only (a pivot) is still told to fill down', async () => {
    let first = '';
    const problems = await problemsOf(grouped(() => undefined, (r) => (r === first ? '' : (first = r))));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.kind === PIVOT_REGION_KIND)).toBe(true);
  }, 30_000);
});
