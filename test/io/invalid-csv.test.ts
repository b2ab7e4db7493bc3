/** csv-parse's syntax errors become messages that name the line but never repeat the cell (it may be a patient id). */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { invalidCsv } from '../../src/io/read-csv.js';

describe('invalidCsv', () => {
  it('a stray quote in the id field (a line read whole under the wrong separator): line and field, no id', () => {
    let err: unknown;
    try {
      parse('id,region\nR00106,Hovedstaden\nR00107|No""rdjylland|N003\n', { columns: false });
    } catch (e) {
      err = e;
    }
    expect((err as Error).message).toContain('R00107'); // what csv-parse says
    const e = invalidCsv('registry.csv', err);
    expect(e).toBeInstanceOf(HtaError);
    const text = `${e.message} ${JSON.stringify(e.problems)}`;
    expect(text).toContain('line 3');
    expect(text).toContain('field 0');
    expect(text).not.toContain('R00107');
  });
});
