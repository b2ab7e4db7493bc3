/**
 * An unquoted `;` in a citation (`JAMA Intern Med. 2021;181(10):1288-1296.` in a semicolon sheet)
 * adds a field to its row: every such line is named as a structural problem with the hint to
 * quote the cell (docs/input-studies.md), never read with its cells shifted a column — a row
 * ending in empty cells used to lose one of them unsaid. Excel's padding (no more fields than the
 * header line writes) is still read.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvFile } from '../../src/io/read-csv.js';
import { parseStudies } from '../../src/meta/read-studies.js';
import { errorOf } from '../support/error-of.js';

const fixture = (name: string) => resolve(__dirname, 'fixtures', name);
const read = (name: string) => readCsvFile(fixture(name), { beyondHeader: 'refuse' });

describe('a studies sheet with unquoted semicolons in its citations', () => {
  it.each([
    ['dk-unquoted-citations.csv', [2, 3, 4, 5, 6, 7]],
    ['dk-unq2.csv', [2, 3]],
  ])('%s: every line with 16 fields against the header\'s 15 is named, with the hint to quote', (file, lines) => {
    const ps = errorOf(() => read(file)).problems;
    expect(ps.map((p) => p.line)).toEqual(lines);
    for (const p of ps) {
      expect([p.kind, p.value]).toEqual(['csv.field-count', '16 fields']);
      expect(p.hint).toBe('a cell holding ";" (a citation\'s "2021;181(10)") must be in double quotes, or it splits into two cells');
    }
  });

  it('trailing separators as Excel pads a sheet (as many as the header line writes) are still read', () => {
    expect(parseStudies(read('padded.csv')).records.map((r) => r.study)).toEqual(['A 2020', 'B 2021']);
  });

  it('a trial export keeps the documented tolerance (the option is the studies readers\')', () => {
    expect(() => readCsvFile(fixture('dk-unq2.csv'))).not.toThrow();
  });
});
