import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAllowedItemValue, itemRangeOf } from '../../src/instruments/instrument.js';
import { wai, waiBand, was } from '../../src/instruments/work-ability.js';

describe('was', () => {
  it('is a 0–10 integer, higher-is-better, without a default MCID', () => {
    expect([was.range, was.integer, was.direction, was.defaultMcid]).toEqual([[0, 10], true, 'higher-is-better', undefined]);
  });
});

describe('wai', () => {
  it('declares 7 columns with their own dimension ranges', () => {
    expect(wai.items!.columns('wai')).toEqual(['wai_1', 'wai_2', 'wai_3', 'wai_4', 'wai_5', 'wai_6', 'wai_7']);
    const ranges = [0, 1, 2, 3, 4, 5, 6].map((i) => itemRangeOf(wai.items!, i));
    expect(ranges.map((r) => [r.min, r.max])).toEqual([[0, 10], [2, 10], [1, 7], [1, 6], [1, 5], [1, 7], [1, 4]]);
    expect(wai.defaultMcid).toBeUndefined();
  });

  it('dimension 2 moves in half points; dimension 6 takes only 1, 4 or 7', () => {
    const d2 = itemRangeOf(wai.items!, 1);
    const d6 = itemRangeOf(wai.items!, 5);
    expect([isAllowedItemValue(d2, 7.5), isAllowedItemValue(d2, 7.25), isAllowedItemValue(d2, 1.5)]).toEqual([true, false, false]);
    expect([1, 2, 4, 5, 7].map((v) => isAllowedItemValue(d6, v))).toEqual([true, false, true, false, true]);
  });

  it('sums the dimensions; lowest and highest answers give 7 and 49', () => {
    expect(wai.score!([7, 7, 5, 5, 3, 4, 3])).toBe(34);
    expect(wai.score!([7, 7.5, 5, 5, 3, 4, 3])).toBe(34.5);
    expect(wai.score!([0, 2, 1, 1, 1, 1, 1])).toBe(7);
    expect(wai.score!([10, 10, 7, 6, 5, 7, 4])).toBe(49);
  });

  it('any missing dimension makes WAI missing; no proration', () => {
    expect(wai.score!([7, 7, null, 5, 3, 4, 3])).toBeNull();
    expect(() => wai.score!([7, 7, 5, 5, 3, 4, 3], { maxMissingItems: 1 })).toThrow(/cannot be prorated/);
  });

  it('property: allowed answers give a total within 7–49', () => {
    const dims = [0, 1, 2, 3, 4, 5, 6].map((i) => {
      const r = itemRangeOf(wai.items!, i);
      return r.values ? fc.constantFrom(...r.values) : fc.integer({ min: r.min, max: r.max });
    });
    fc.assert(
      fc.property(fc.tuple(...dims), (items) => {
        const s = wai.score!(items) as number;
        return s >= 7 && s <= 49;
      }),
    );
  });
});

describe('waiBand (Tuomi et al. 1998)', () => {
  it.each([
    [7, 'poor'],
    [27, 'poor'],
    [27.5, 'poor'],
    [28, 'moderate'],
    [36, 'moderate'],
    [37, 'good'],
    [43, 'good'],
    [44, 'excellent'],
    [49, 'excellent'],
  ] as const)('%d → %s', (score, band) => {
    expect(waiBand(score)).toBe(band);
  });

  it('rejects scores outside 7–49', () => {
    expect(() => waiBand(6.5)).toThrow(/7-49, got 6.5/);
    expect(() => waiBand(50)).toThrow(/7-49/);
    expect(() => waiBand(Number.NaN)).toThrow(/7-49/);
  });
});
