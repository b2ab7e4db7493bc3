/**
 * A table from the SPSS Viewer (CROSSTABS or Custom Tables exported to CSV) as the eligible file
 * (docs/input-registry.md "The eligible file"). The separator was guessed from its one-cell title
 * line (","), and each refusal led to another: the footnote's comma ("2 fields — expected 1"),
 * then "lacks denominator columns (have: Region * År Krydstabulering)", then "the header has an
 * empty name". Found by the SPSS explorer, session 34: now refused once, saying what it is and which
 * lines and column to delete, or how to write the counts from SPSS as data.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { danishErrorMessage, danishProblemText } from '../../src/report/problem-text.js';
import { spssViewerTableError } from '../../src/uptake/eligible-stat-layouts.js';
import { readEligibleFile } from '../../src/uptake/read-registry.js';
import { tempDir } from '../support/run-cli.js';

const FIXTURE = 'test/fixtures/spss-viewer/eligible-crosstab.csv';
const lines = readFileSync(FIXTURE, 'utf8').split('\r\n');
const write = (text: string) => {
  const file = join(tempDir(), 'eligible.csv');
  writeFileSync(file, text);
  return file;
};
const refusal = (file: string) => { try { readEligibleFile(file); } catch (e) { if (e instanceof HtaError) return e; throw e; } throw new Error('expected a refusal'); };

describe('an SPSS Viewer crosstab as the eligible file', () => {
  it('the fixture has the Viewer\'s shape: a title alone, the years after two empty cells, a footnote with a comma', () => {
    expect(lines[0]).toBe('Region * År Krydstabulering');
    expect(lines[3]).toBe(';;2024;2025;2026;2027;2028;I alt');
    expect(lines[10]).toMatch(/^a\. Kilde: .*,/);
  });

  it('is refused once, naming the lines to delete, the total row to move and the footnote', () => {
    const err = refusal(FIXTURE);
    expect(err.message).toBe(`${FIXTURE} is a table from the SPSS Viewer (CROSSTABS or Custom Tables exported to CSV): its header over lines 1–4 (the years on line 4), and the row variable's name "Region" in a column of its own beside the regions, so no line names every column`);
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]).toMatchObject({ line: 4, expected: expect.stringContaining('keep line 4 (the years) as the header with its first cell named "Region" (Region;2024;2025;2026;…: read as years as columns; a total row and column are checked and left out) and delete lines 1–3, the first column and the footnote line 11 (first move the total row\'s "I alt", line 10, into its second cell); or write the counts from SPSS as data') });
  });

  it('a copy with some of the header lines deleted is refused the same way, at its own lines', () => {
    const noTitle = refusal(write(lines.slice(2).join('\r\n')));
    expect(noTitle.problems[0]).toMatchObject({ line: 2, expected: expect.stringContaining('delete line 1, the first column and the footnote line 9 (first move the total row\'s "I alt", line 8') });
    const yearsFirst = refusal(write(lines.slice(3).join('\r\n')));
    expect(yearsFirst.message).toContain('the years on line 1, and the row variable\'s name "Region"');
    expect(yearsFirst.problems[0]!.expected).toContain('and delete the first column and the footnote line 8 (');
  });

  it('the file edited as the refusal says is read: five regions, five years, the total row and column left out', () => {
    const edited = lines.slice(3, 10).map((l, k) => {
      const cells = l.split(';');
      if (k === 0) return ['Region', ...cells.slice(2)].join(';');
      return (cells[1] === '' ? [cells[0], ...cells.slice(2)] : cells.slice(1)).join(';');
    });
    const file = write(edited.join('\r\n') + '\r\n');
    expect(spssViewerTableError(file)).toBeUndefined();
    const read = readEligibleFile(file);
    expect(read.rows).toHaveLength(25);
    expect(read.rows.find((r) => r.region === 'Region Hovedstaden' && r.year === 2024)?.eligible).toBe(37272);
    expect(read.wide?.totalColumns).toEqual(['I alt']);
    expect(new Set(read.totals.map((t) => t.label))).toEqual(new Set(['I alt']));
  });

  it('a table of the plain kinds is no Viewer table', () => {
    expect(spssViewerTableError(write('Region;2024;2025\r\nHovedstaden;37.272;37.691\r\nSjælland;16.620;17.268\r\n'))).toBeUndefined();
    expect(spssViewerTableError(write('region;aar;antal\r\nHovedstaden;2024;37272\r\nSjælland;2024;16620\r\n'))).toBeUndefined();
  });

  it('under --lang da the refusal is Danish whole', () => {
    const err = refusal(FIXTURE);
    const message = danishErrorMessage(err.message);
    const expected = danishProblemText(err.problems[0]!.expected);
    expect(message).toBe(`${FIXTURE} er en tabel fra SPSS' Viewer (CROSSTABS eller Custom Tables eksporteret til CSV): overskriften fordelt over linje 1–4 (årstallene på linje 4), og rækkevariablens navn "Region" i sin egen kolonne ved siden af regionerne, så ingen linje navngiver alle kolonner`);
    expect(expected).toContain('og slet linje 1–3, den første kolonne og fodnotelinje 11 (flyt først totalrækkens "I alt", linje 10, over i dens anden celle)');
    expect(expected).not.toMatch(/\b(keep|delete|the first column|footnote|or write|read as years)\b/);
  });
});
