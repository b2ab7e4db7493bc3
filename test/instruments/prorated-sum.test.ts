import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proratedSum } from '../../src/instruments/prorated-sum.js';

describe('proratedSum', () => {
  it('never scores an all-missing form, whatever is allowed', () => {
    expect(proratedSum('x', [null, null, null], 3, { maxMissingItems: 2 })).toBeNull();
  });

  it('property: a prorated score lies between n × min and n × max answered item', () => {
    const form = fc.array(fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }), { minLength: 10, maxLength: 10 });
    fc.assert(
      fc.property(form, fc.integer({ min: 0, max: 9 }), (items, k) => {
        const s = proratedSum('pseq', items, 10, { maxMissingItems: k });
        const answered = items.filter((x): x is number => x !== null);
        const missing = 10 - answered.length;
        if (missing > k || answered.length === 0) return s === null;
        return s !== null && s >= 10 * Math.min(...answered) - 1e-9 && s <= 10 * Math.max(...answered) + 1e-9;
      }),
    );
  });
});
