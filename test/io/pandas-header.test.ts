// pandas writes a pivoted table's header on several lines (`,odi,odi,…` / `visit,Baseline,…` /
// `id,,,…`); plan init took the empty-named first column for the id (pandas-header.ts).
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { errorOf } from '../support/error-of.js';

const rows = '1001,40.0,28.0,7.0,7.0\n1002,58.0,52.0,7.0,4.0\n1003,33.0,,5.0,\n';

describe("pandas' header of a pivoted table", () => {
  it('is refused naming the extra header lines and the pandas fix (MultiIndex columns)', () => {
    const e = errorOf(() => parseCsvText(`,odi,odi,nrs,nrs\nvisit,Baseline,3 months,Baseline,3 months\nid,,,,\n${rows}`, 'multi.csv'));
    expect(e.message).toBe('multi.csv: lines 2–3 are more header rows written by pandas (columns of several levels, a MultiIndex, and the index "id" on a line of its own), not data');
    expect(e.problems[0]).toMatchObject({ line: 3, kind: 'header.pandas-levels', expected: expect.stringContaining("df.columns = ['_'.join(map(str, c)) for c in df.columns]; df.reset_index()") });
  });

  it('with one named level of columns too', () => {
    const e = errorOf(() => parseCsvText(`visit,Baseline,3 months,12 months,x\nid,,,,\n${rows}`, 'one.csv'));
    expect(e.message).toContain('line 2 is one more header row written by pandas');
  });

  it('leaves alone a patient row with only its id (its first cell has digits)', () => {
    expect(parseCsvText(`id,odi0,odi3,nrs0,nrs3\n1000,,,,\n${rows}`, 'ok.csv').records).toHaveLength(4);
  });
});
