/**
 * An eligible file written as an Excel pivot table (regions × years) and saved as "CSV
 * (semikolonsepareret)": Windows-1252, CRLF, thousands dots, the grand-total row and column
 * (`Hovedtotal`), and — with the pivot's field headers turned off — an empty top-left cell
 * (docs/input-registry.md "The eligible file"). It reads as the same file written long.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { yearColumns } from '../../src/io/year-columns.js';
import { eligiblePivotCaptionNote, eligibleWideNote, readEligibleFile } from '../../src/uptake/read-registry.js';
import { isTotalWord } from '../../src/uptake/total-rows.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const REGIONS: [string, number[]][] = [
  ['Region Hovedstaden', [37200, 37600, 38000]],
  ['Region Sjælland', [16800, 17000, 17400]],
  ['Region Syddanmark', [24300, 24500, 24700]],
];
const YEARS = [2024, 2025, 2026];
const dots = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, '.');

/** The bytes Danish Excel writes for the pivot: `corner` in the top-left cell, totals as the pivot adds them. */
function pivotFile(corner: string, edit: (lines: string[]) => string[] = (l) => l): string {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const lines = [
    [corner, ...YEARS, 'Hovedtotal'].join(';'),
    ...REGIONS.map(([r, n]) => [r, ...n.map(dots), dots(sum(n))].join(';')),
    ['Hovedtotal', ...YEARS.map((_, j) => dots(sum(REGIONS.map(([, n]) => n[j]!)))), dots(sum(REGIONS.flatMap(([, n]) => n)))].join(';'),
  ];
  const file = join(tempDir(), 'eligible.csv');
  writeFileSync(file, Buffer.from(edit(lines).join('\r\n') + '\r\n', 'latin1'));
  return file;
}

describe('an Excel pivot of the eligible population', () => {
  const long = REGIONS.flatMap(([region, n]) => YEARS.map((year, j) => ({ region, year, eligible: n[j]! })));

  it('with its top-left cell empty: the empty cell is the region column, the total row and column left out', () => {
    const read = readEligibleFile(pivotFile(''));
    expect(read.rows).toEqual(long);
    expect(read.totals.map((t) => [t.label, t.year])).toEqual(YEARS.map((y) => ['Hovedtotal', y]));
    expect(read.wide).toEqual({ years: YEARS, totalColumns: ['Hovedtotal'] });
    expect(eligibleWideNote('eligible.csv', read.wide)).toContain('the total column "Hovedtotal" left out');
  });

  it('with "Rækkenavne" in the corner (field headers on): the same', () => {
    expect(readEligibleFile(pivotFile('Rækkenavne')).rows).toEqual(long);
  });

  it("a total column that is not its row's sum is refused naming its cell", () => {
    const file = pivotFile('', (l) => l.map((line, i) => (i === 2 ? line.replace(/;[^;]*$/, ';51.300') : line)));
    expect(() => readEligibleFile(file)).toThrow(expect.objectContaining({
      problems: [expect.objectContaining({ line: 3, column: 5, value: '51.300', expected: expect.stringContaining('"Hovedtotal" is a total column (its 51.300 is not the sum of the row\'s years, 51.200) — delete the column') })],
    }));
  });

  it('with the pivot\'s value caption above the header (`Sum af Antal;Kolonnenavne`, English `Sum of Count;Column Labels`): line 1 skipped, said so, the lines the file\'s own', () => {
    const above = (caption: string) => (l: string[]) => [caption, ...l];
    for (const [corner, caption, shown] of [
      ['Rækkenavne', 'Sum af Antal;Kolonnenavne;;;', 'Sum af Antal;Kolonnenavne'],
      ['Row Labels', 'Sum of Count;Column Labels;;;', 'Sum of Count;Column Labels'],
      ['', 'Sum af Antal;;;;', 'Sum af Antal'], // field headers off: the caption alone, the corner empty
      ['Rækkenavne', 'Maks. af Antal;Kolonnenavne;;;', 'Maks. af Antal;Kolonnenavne'], // another summary function
    ] as const) {
      const read = readEligibleFile(pivotFile(corner, above(caption)));
      expect(read.rows).toEqual(long);
      expect(read.pivotCaption).toBe(shown);
      expect(read.totals.map((t) => t.line)).toEqual([6, 6, 6]);
      expect(eligiblePivotCaptionNote('eligible.csv', read.pivotCaption)).toBe(`eligible.csv: line 1 ("${shown}") is an Excel pivot table's caption above the header, not the header: skipped, the header read from line 2 (docs/input-registry.md "The eligible file")`);
    }
    // A refused cell is named on the file's own line (the caption counted).
    const file = pivotFile('Rækkenavne', (l) => above('Sum af Antal;Kolonnenavne;;;')(l.map((line, i) => (i === 2 ? line.replace(/;[^;]*$/, ';51.300') : line))));
    expect(() => readEligibleFile(file)).toThrow(expect.objectContaining({ problems: [expect.objectContaining({ line: 4, column: 5, value: '51.300' })] }));
  });

  it('a first line that is no pivot caption is not skipped', () => {
    const read = () => readEligibleFile(pivotFile('Rækkenavne', (l) => ['Sum af Antal;Region Hovedstaden;;;', ...l]));
    expect(read).toThrow();
    expect(readEligibleFile(pivotFile('Rækkenavne')).pivotCaption).toBeUndefined();
  });

  it('yearColumns: an empty first name is the label column only when no other name is text', () => {
    expect(yearColumns(['', '2024', '2025'])).toEqual({ text: [0], years: [1, 2], totals: [] });
    expect(yearColumns(['', '2024', 'Hovedtotal'], isTotalWord)).toEqual({ text: [0], years: [1], totals: [2] });
    // R's row-name column beside a named region column stays no column.
    expect(yearColumns(['', 'Region', '2024'])).toEqual({ text: [1], years: [2], totals: [] });
    expect(yearColumns(['', '2024', '37'])).toBeUndefined();
  });
});
