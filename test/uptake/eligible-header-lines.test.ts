/**
 * The eligible file's header line inside it — two files joined with `cat`, or a header pasted
 * under the rows (docs/input-registry.md "Several eligible files"). Read as a row, the wide
 * `Region;2024;2025` was a region "Region" with 2,024 and 2,025 eligible people: exit 0, the whole
 * country's denominator grown by them. Now said as the registry says it, in every layout, and left
 * out with --exclude-invalid; a header in another order or with other years is always refused.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eligibleHeaderLinesNote } from '../../src/uptake/eligible-header-lines.js';
import { readEligibleFile } from '../../src/uptake/read-registry.js';
import { runUptake } from '../../src/uptake/run-uptake.js';
import { parseUptakePlan } from '../../src/uptake/uptake-plan.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

function file(lines: string[], name = 'eligible.csv'): string {
  const path = join(tempDir(), name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

const WIDE = ['Region;2024;2025', 'Hovedstaden;40.000;40.500', 'Midtjylland;30.000;30.300'];
const LONG = ['Region;År;Antal', 'Hovedstaden;2024;40.000', 'Hovedstaden;2025;40.500', 'Midtjylland;2024;30.000', 'Midtjylland;2025;30.300'];
const LONG_COLUMNS = { columns: { year: 'År', eligible: 'Antal' } };
const ROWS = [
  { region: 'Hovedstaden', year: 2024, eligible: 40000 },
  { region: 'Hovedstaden', year: 2025, eligible: 40500 },
  { region: 'Midtjylland', year: 2024, eligible: 30000 },
  { region: 'Midtjylland', year: 2025, eligible: 30300 },
];

/** The one problem of a refused read. */
function problemOf(read: () => unknown): Record<string, unknown> {
  try {
    read();
  } catch (err) {
    const problems = (err as { problems: Record<string, unknown>[] }).problems;
    expect(problems).toHaveLength(1);
    return problems[0]!;
  }
  throw new Error('read, not refused');
}

describe('the eligible file with its header line again', () => {
  it('years as columns, the header pasted under the rows: refused naming its line, not read as a region "Region" with counts 2024, 2025', () => {
    const f = file([...WIDE, 'Region;2024;2025']);
    const p = problemOf(() => readEligibleFile(f));
    expect(p).toMatchObject({ line: 4, kind: 'header.repeated' });
    expect(p.expected).toContain('line 4 repeats the header line (files joined?) — delete it');
    expect(p.expected).toContain('or --exclude-invalid leaves it out');
  });

  it('with --exclude-invalid the repeated header is left out, named for the note, and the counts are the file\'s own', () => {
    const read = readEligibleFile(file([...WIDE, 'Region;2024;2025']), { invalidRows: 'exclude' });
    expect(read.rows).toEqual(ROWS);
    expect(read.headerLines).toEqual([4]);
    expect(eligibleHeaderLinesNote('eligible.csv', read.headerLines!)).toBe(
      'eligible.csv: line 4 repeats the header line (files joined?): left out, not counted as an invalid row — the rows under it are read as the same columns (docs/input-registry.md "Several eligible files")',
    );
    // Without one, nothing is said.
    expect(readEligibleFile(file(WIDE, 'clean2.csv'), { invalidRows: 'exclude' }).headerLines).toBeUndefined();
  });

  it('one row per region and year, two files joined with cat: the header line is refused, not "År — expected a four-digit year"; with --exclude-invalid both files\' rows are read', () => {
    const joined = file([...LONG.slice(0, 3), ...LONG.slice(0, 1), ...LONG.slice(3)]);
    const p = problemOf(() => readEligibleFile(joined, LONG_COLUMNS));
    expect(p).toMatchObject({ line: 4, kind: 'header.repeated' });
    const read = readEligibleFile(joined, { ...LONG_COLUMNS, invalidRows: 'exclude' });
    expect(read.rows).toEqual(ROWS);
    expect(read.headerLines).toEqual([4]);
  });

  it('an Excel pivot joined with another: its caption line and header are left out together, the empty corner cell and the total column as in one pivot', () => {
    const pivot = (rows: string[]) => ['Sum af Antal;Kolonnenavne;;', 'Rækkenavne;2024;2025;Hovedtotal', ...rows];
    const joined = file([...pivot(['Hovedstaden;40.000;40.500;80.500']), ...pivot(['Midtjylland;30.000;30.300;60.300'])]);
    const p = problemOf(() => readEligibleFile(joined));
    // Line 1 is the caption read as such; lines 4–5 are the second pivot's caption and header.
    expect(p).toMatchObject({ line: 5, kind: 'header.repeated' });
    const read = readEligibleFile(joined, { invalidRows: 'exclude' });
    expect(read.headerLines).toEqual([4, 5]);
    expect([...read.rows].sort((a, b) => a.region.localeCompare(b.region) || a.year - b.year)).toEqual(ROWS);
    expect(read.wide).toEqual({ years: [2024, 2025], totalColumns: ['Hovedtotal'] });
  });

  it('a header in another column order is refused, also with --exclude-invalid: the rows under it would be read under the wrong columns', () => {
    const f = file([...LONG.slice(0, 3), 'År;Region;Antal', '2024;Midtjylland;30.000']);
    for (const invalidRows of ['fail', 'exclude'] as const) {
      expect(() => readEligibleFile(f, { ...LONG_COLUMNS, invalidRows })).toThrow(expect.objectContaining({
        message: expect.stringContaining('line 4 is the header line again, with the columns in another order than line 1'),
      }));
    }
  });

  it('per-year files joined (Region;2024 rows, then Region;2025 rows): refused naming line 4 as a second header with other years, not as Hovedstaden 2024 twice', () => {
    const f = file(['Region;2024', 'Hovedstaden;40.000', 'Midtjylland;30.000', 'Region;2025', 'Hovedstaden;40.500', 'Midtjylland;30.300']);
    for (const invalidRows of ['fail', 'exclude'] as const) {
      let err: { message: string; problems: Record<string, unknown>[] } | undefined;
      try {
        readEligibleFile(f, { invalidRows });
      } catch (e) {
        err = e as typeof err;
      }
      expect(err?.message).toBe(`${f}: line 4 is a second header line, for 2025 where line 1 is for 2024 (files joined?)`);
      expect(err?.problems).toEqual([expect.objectContaining({ line: 4, kind: 'header.other-years', expected: expect.stringContaining('one header line, Region;2024;2025, and one row per region') })]);
    }
  });

  it('the header line counts from the file\'s own lines: below a blank line it is line 2', () => {
    const f = file(['', ...LONG.slice(0, 3), 'År;Region;Antal']);
    expect(() => readEligibleFile(f, LONG_COLUMNS)).toThrow(expect.objectContaining({ message: expect.stringContaining('line 5 is the header line again, with the columns in another order than line 2') }));
  });

  it('a region whose counts look like years is a region, not a header', () => {
    const read = readEligibleFile(file(['Region;2024;2025', 'Bornholm;2024;2025', 'Hovedstaden;40.000;40.500']));
    expect(read.rows.filter((r) => r.region === 'Bornholm').map((r) => r.eligible)).toEqual([2024, 2025]);
    expect(read.headerLines).toBeUndefined();
  });

  it('a region twice in a file with years as columns is quoted by its region cell, not its year', () => {
    const p = problemOf(() => readEligibleFile(file(['Region;2024', 'Hovedstaden;40.000', 'Hovedstaden;40.500'])));
    expect(p).toMatchObject({ line: 3, column: 1, value: 'Hovedstaden', expected: 'one row per region and year (Hovedstaden 2024 is also on line 2)' });
  });
});

describe('hta uptake with an eligible file whose header repeats', () => {
  const FX = 'test/fixtures/exports/registry-dk-regional';
  const plan = parseUptakePlan({ ...JSON.parse(readFileSync(`${FX}/uptake.plan.json`, 'utf8')), publish: { months: false, clinics: false, equity: [] } });

  it('--exclude-invalid reads it as the file without that line, with the note; without it, the run stops', async () => {
    const lines = readFileSync(`${FX}/eligible.csv`, 'utf8').split('\n').filter((l) => l !== '');
    const joined = file([...lines.slice(0, 8), lines[0]!.replace(/^\ufeff/, ''), ...lines.slice(8)]);
    const eligible = readEligibleFile(`${FX}/eligible.csv`, LONG_COLUMNS).rows;
    // A few referrals are enough: the denominators are what this is about.
    const registry = file(readFileSync(`${FX}/registry.csv`, 'utf8').split('\n').slice(0, 30), 'registry.csv');
    const run = await runUptake({ registryFile: registry, eligibleFile: joined, plan, invalidRows: 'exclude' });
    // Every region's denominator is the file's own, none for a region "Region".
    const national = [2024, 2025].map((year) => ['national', year, eligible.filter((e) => e.year === year).reduce((s, e) => s + e.eligible, 0)]);
    expect(run.analysis.uptake.map((u) => [u.region, u.year, u.eligible])).toEqual([...eligible.filter((e) => e.year <= 2025).map((e) => [e.region, e.year, e.eligible]), ...national]);
    expect(run.notes).toContain(eligibleHeaderLinesNote(joined, [9]));
    await expect(runUptake({ registryFile: registry, eligibleFile: joined, plan })).rejects.toMatchObject({ problems: [expect.objectContaining({ line: 9, kind: 'header.repeated' })] });
  });
});
