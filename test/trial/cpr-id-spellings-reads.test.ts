/**
 * oneCprSpelling reads each record's id cell alone (FieldReader), not every cell of every record
 * split into strings (docs/architecture.md#the-cost-of-a-cold-regeneration); the CPR numbers
 * written two ways are found as before.
 */
import { describe, expect, it, vi } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { oneCprSpelling } from '../../src/trial/cpr-id-spellings.js';

const text = ['cpr,arm,time,pain', '060369-0855,app,baseline,5', '070470-1234,usual,baseline,6', '0603690855,app,3m,3', '070470–1234,usual,3m,4', 'NA,app,3m,2', ''].join('\n');

describe('CPR numbers written two ways', () => {
  it('are found from the id cells alone', () => {
    const t = parseCsvText(text, 'e.csv');
    const cells = vi.spyOn(Object.getPrototypeOf(t.records[0]) as object, 'cells' as never, 'get');
    let patients: number;
    let calls: number;
    try {
      patients = oneCprSpelling(t.records, 0).patients;
      calls = cells.mock.calls.length;
    } finally {
      cells.mockRestore();
    }
    expect(patients).toBe(2);
    expect(calls).toBe(0);
    // Read under the first spelling met, the other cells as they were.
    expect([...oneCprSpelling(t.records, 0).records].map((r) => r.cells.join(','))).toEqual(['060369-0855,app,baseline,5', '070470-1234,usual,baseline,6', '060369-0855,app,3m,3', '070470-1234,usual,3m,4', ',app,3m,2']);
  });
});
