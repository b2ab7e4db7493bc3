// R's write.table() separates cells by spaces by default; such a file failed on a quote ("expected
// the separator or a line end after a closing quote") instead of saying what it is (space-separated.ts).
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { errorOf } from '../support/error-of.js';

describe('a space-separated file (R write.table default)', () => {
  it('is refused saying so, with the R call that writes a CSV', () => {
    for (const text of ['"id" "arm" "odi"\n"1" 1001 "App" 40\n', 'id arm odi\n1001 App 40\n']) {
      const e = errorOf(() => parseCsvText(text, 'wt.txt'));
      expect(e.message).toBe("wt.txt is separated by spaces (R's write.table() writes so by default), which hta does not read");
      expect(e.problems[0]).toMatchObject({ line: 1, kind: 'csv.space-separated', expected: expect.stringContaining('write.csv(df, "export.csv", row.names = FALSE)') });
    }
  });

  it('leaves alone a one-column file whose name has spaces, and names with spaces in a CSV', () => {
    expect(parseCsvText('Patient id\n1001\n', 'one.csv').header).toEqual(['Patient id']);
    expect(parseCsvText('"Patient id" ,"arm"\n1,App\n', 'q.csv').header).toEqual(['Patient id', 'arm']);
    expect(parseCsvText('Patient id number\n1001\n', 'one.csv').header).toEqual(['Patient id number']);
  });
});
