/**
 * Which columns repeat the patient id (src/trial/repeated-id-columns.ts): by name with a visit
 * suffix (`record_id_3m`, Stata's `id3`) when their values are ids of the id column, however far
 * shifted; by value (equal to the id on most lines) whatever the name; never a column that only
 * shares a few values with the id (a 1/2 arm beside ids 1…n).
 */
import { describe, expect, it } from 'vitest';
import { parseCsvBytes } from '../../src/io/read-csv.js';
import { pastedOutOfStep, repeatedIdColumns } from '../../src/trial/repeated-id-columns.js';

/** `n` patients; `other(i)` is the repeated column's cell on patient i's line. */
function table(header: string, n: number, other: (i: number) => string) {
  const lines = [header];
  for (let i = 1; i <= n; i++) lines.push(`${i},${i % 2 ? 1 : 2},${20 + i},${other(i)},${i % 7}`);
  return parseCsvBytes(Buffer.from(lines.join('\n') + '\n'), 'x.csv');
}

describe('repeated id columns', () => {
  it('by name: record_id_3m and id3 shifted by five lines are found and their first difference named by lines', () => {
    for (const name of ['record_id_3m', 'Record_ID 3m']) {
      const t = table(`record_id,arm,age,${name},rmdq_3m`, 20, (i) => (i + 5 <= 20 ? String(i + 5) : ''));
      expect(repeatedIdColumns(t, 0)).toEqual([3]);
      const [p] = pastedOutOfStep(t, 0, [3]);
      expect(p).toMatchObject({ line: 2, column: 4, field: name, kind: 'id.pasted-out-of-step' });
      expect(p!.expected).toContain('on line 2 it holds the id that column "record_id" has on line 7');
      expect(p!.value).toBeUndefined();
    }
    const stata = table('id,arm,age,id3,rmdq3', 20, (i) => String(21 - i));
    expect(repeatedIdColumns(stata, 0)).toEqual([3]);
  });

  it('by value: any column equal to the id on most lines; aligned, it passes; ids compare but for case and leading zeros', () => {
    const t = table('id,arm,age,kopi,rmdq_3m', 20, (i) => (i === 9 ? '10' : String(i).padStart(4, '0')));
    expect(repeatedIdColumns(t, 0)).toEqual([3]);
    expect(pastedOutOfStep(t, 0, [3])).toHaveLength(1);
    const aligned = table('id,arm,age,kopi,rmdq_3m', 20, (i) => (i > 17 ? '' : String(i)));
    expect(pastedOutOfStep(aligned, 0, repeatedIdColumns(aligned, 0))).toEqual([]);
  });

  it("Excel's text marks are no part of an id: '002 and =\"002\" beside 002 are the same patient, in step", () => {
    const marks = [(i: string) => `'${i}`, (i: string) => `"=""${i}"""`];
    for (const mark of marks) {
      const t = table('id,arm,age,id_3m,rmdq_3m', 20, (i) => mark(String(i)));
      expect(repeatedIdColumns(t, 0)).toEqual([3]);
      expect(pastedOutOfStep(t, 0, [3])).toEqual([]);
      const shifted = table('id,arm,age,id_3m,rmdq_3m', 20, (i) => mark(String(i === 20 ? 1 : i + 1)));
      expect(pastedOutOfStep(shifted, 0, repeatedIdColumns(shifted, 0))).toHaveLength(1);
    }
  });

  it('not: a 1/2 arm, an age, a score, or a column named like the id holding no ids', () => {
    expect(repeatedIdColumns(table('id,arm,age,score,rmdq_3m', 20, (i) => String(i % 5)), 0)).toEqual([]);
    expect(repeatedIdColumns(table('id,arm,age,id_site,rmdq_3m', 20, (i) => `S${i % 3}`), 0)).toEqual([]);
  });
});
