/** Years as column names (src/io/year-columns.ts): a header only where the eligible file asks for it. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsvFile } from '../../src/io/read-csv.js';
import { yearColumns } from '../../src/io/year-columns.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

describe('yearColumns', () => {
  it('finds the text and the year columns; any other number, a repeated or implausible year is none', () => {
    expect(yearColumns(['Region', '2024', '2025', ''])).toEqual({ text: [0], years: [1, 2], totals: [] });
    expect(yearColumns(['Region', 'Kode', '2024'])).toEqual({ text: [0, 1], years: [2], totals: [] });
    expect(yearColumns(['P001', '37', '2025'])).toBeUndefined();
    expect(yearColumns(['Region', '2024', '2024'])).toBeUndefined();
    expect(yearColumns(['Region', '1850'])).toBeUndefined();
    expect(yearColumns(['2024', '2025'])).toBeUndefined();
    expect(yearColumns(['Region', 'År', 'Antal'])).toBeUndefined();
  });

  it('readCsvFile takes such a header only with yearColumns; other readers still say "no header line"', () => {
    const file = join(tempDir(), 'wide.csv');
    writeFileSync(file, 'Region;2024;2025\nRegion Hovedstaden;37.200;37.600\n');
    expect(readCsvFile(file, { yearColumns: true }).header).toEqual(['Region', '2024', '2025']);
    expect(() => readCsvFile(file)).toThrow(/has no header line/);
  });
});
