/**
 * An eligible file by municipality × age band × year (Statistikbanken's shape) is refused once,
 * naming the column that splits the rows and how to add them up — not with one "is also on line N"
 * per row (eligible-split-rows.ts; found in review: 272 such lines, the column never named).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HtaError, type Problem } from '../../src/errors.js';
import { readEligibleFile } from '../../src/uptake/read-registry.js';

const columns = { region: 'Kommune', year: 'År', eligible: 'Antal' };

describe('eligible rows split by another column', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hta-eligible-split-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const problemsOf = (text: string): Problem[] => {
    const file = join(dir, 'e.csv');
    writeFileSync(file, text);
    try {
      readEligibleFile(file, { columns });
    } catch (e) {
      expect(e).toBeInstanceOf(HtaError);
      return (e as HtaError).problems;
    }
    throw new Error('not refused');
  };

  it('names the age-band column once, with the sum advice', () => {
    const bands = ['18-29 år', '30-44 år', '45-59 år', '60-74 år', '75+ år'];
    const lines = ['Kommunekode;Kommune;Aldersgruppe;År;Antal'];
    for (const y of [2024, 2025]) for (const [kc, k] of [[253, 'Greve'], [259, 'Køge']] as const) for (const b of bands) lines.push(`${kc};${k};${b};${y};1.200`);
    const problems = problemsOf(lines.join('\n') + '\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 3, column: 3, field: 'Aldersgruppe', value: '30-44 år' });
    expect(problems[0]!.expected).toBe('one row per region and year: the rows are split by "Aldersgruppe" ("18-29 år", "30-44 år", "45-59 år", "60-74 år", … (5 values); 16 rows repeat a Kommune and År, the first Greve 2024 on lines 2 and 3) — add the Antal of the "Aldersgruppe" rows up per Kommune and År: in Excel a pivot table with Kommune as rows, År as columns and the sum of Antal, saved as CSV (read as years as columns); or delete the "Aldersgruppe" column and sum the rows (only the bands of the app\'s target group, if the file has others)');
  });

  it('split by two columns (køn × alder, no one column telling the rows apart): both named once', () => {
    const lines = ['Kommune;Køn;Aldersgruppe;År;Antal'];
    for (const k of ['Greve', 'Køge']) for (const sex of ['K', 'M']) for (const b of ['18-29', '30-44']) lines.push(`${k};${sex};${b};2024;100`);
    const problems = problemsOf(lines.join('\n') + '\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 3, column: 2, field: 'Køn' });
    expect(problems[0]!.expected).toBe('one row per region and year: the rows are split by "Køn" and "Aldersgruppe" ("Køn": "K", "M"; "Aldersgruppe": "18-29", "30-44"; 6 rows repeat a Kommune and År, the first Greve 2024 on lines 2 and 3) — add the Antal of the "Køn" and "Aldersgruppe" rows up per Kommune and År: in Excel a pivot table with Kommune as rows, År as columns and the sum of Antal, saved as CSV (read as years as columns); or delete the "Køn" and "Aldersgruppe" columns and sum the rows (only the bands of the app\'s target group, if the file has others)');
  });

  it('columns that vary but do not tell two rows apart: each repeat refused on its line', () => {
    const problems = problemsOf('Kommune;Køn;Kilde;År;Antal\nGreve;K;A;2024;100\nGreve;M;A;2024;100\nGreve;M;A;2024;100\nGreve;K;B;2024;100\n');
    expect(problems.map((p) => p.line)).toEqual([3, 4, 5]);
  });

  it('rows repeated with nothing to tell them apart: each refused on its line, as before', () => {
    const problems = problemsOf('Kommune;Kilde;År;Antal\nGreve;A;2024;100\nGreve;A;2024;100\nKøge;A;2024;90\n');
    expect(problems.map((p) => [p.line, p.expected])).toEqual([[3, 'one row per region and year (Greve 2024 is also on line 2)']]);
  });
});
