import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rmdq, rmdq23 } from '../../src/instruments/rmdq.js';

const yesNo = (yes: number, n: number): number[] => Array.from({ length: n }, (_, i) => (i < yes ? 1 : 0));

describe('rmdq (24 items)', () => {
  it('declares prefix_1..prefix_24, 0/1 items, 0–24 lower-is-better, MCID 5 points or 30 %', () => {
    const cols = rmdq.items!.columns('rmdq');
    expect(cols).toHaveLength(24);
    expect([cols[0], cols[23]]).toEqual(['rmdq_1', 'rmdq_24']);
    expect([rmdq.items!.min, rmdq.items!.max, rmdq.range, rmdq.direction]).toEqual([0, 1, [0, 24], 'lower-is-better']);
    expect([rmdq.defaultMcid?.absolute, rmdq.defaultMcid?.percent]).toEqual([5, 30]);
  });

  it('counts yes answers', () => {
    expect(rmdq.score!(yesNo(0, 24))).toBe(0);
    expect(rmdq.score!(yesNo(7, 24))).toBe(7);
    expect(rmdq.score!(yesNo(24, 24))).toBe(24);
  });

  it('one missing item makes the score missing by default', () => {
    const items: (number | null)[] = yesNo(10, 24);
    items[3] = null;
    expect(rmdq.score!(items)).toBeNull();
  });

  it('prorates up to maxMissingItems: yes ÷ answered × 24', () => {
    // 22 answered, 11 yes, 2 missing → 11/22 × 24 = 12
    const items: (number | null)[] = [...yesNo(11, 22), null, null];
    expect(rmdq.score!(items, { maxMissingItems: 2 })).toBe(12);
    // 21 answered, 7 yes → 7/21 × 24 = 8; unrounded fractional case below
    expect(rmdq.score!([...yesNo(7, 21), null, null, null], { maxMissingItems: 3 })).toBeCloseTo(8, 12);
    expect(rmdq.score!([...yesNo(5, 22), null, null], { maxMissingItems: 2 })).toBeCloseTo((5 / 22) * 24, 12);
    // 3 missing but only 2 allowed
    expect(rmdq.score!([...yesNo(11, 21), null, null, null], { maxMissingItems: 2 })).toBeNull();
  });

  it('rejects a maxMissingItems that is not 0..23', () => {
    expect(() => rmdq.score!(yesNo(1, 24), { maxMissingItems: -1 })).toThrow(/maxMissingItems/);
    expect(() => rmdq.score!(yesNo(1, 24), { maxMissingItems: 24 })).toThrow(/0 to 23/);
    expect(() => rmdq.score!(yesNo(1, 24), { maxMissingItems: 1.5 })).toThrow(/maxMissingItems/);
  });

  it('rejects the wrong number of items', () => {
    expect(() => rmdq.score!(yesNo(1, 23))).toThrow(/expected 24 item answers, got 23/);
  });

  it('property: a complete form scores its number of yes answers', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 24, maxLength: 24 }), (items) => {
        return rmdq.score!(items) === items.filter((x) => x === 1).length;
      }),
    );
  });
});

describe('rmdq23 (Danish 23-item form)', () => {
  it('has 23 items and range 0–23', () => {
    expect(rmdq23.items!.columns('rmdq')).toHaveLength(23);
    expect(rmdq23.items!.columns('rmdq').at(-1)).toBe('rmdq_23');
    expect(rmdq23.range).toEqual([0, 23]);
    expect(rmdq23.score!(yesNo(23, 23))).toBe(23);
    expect(() => rmdq23.score!(yesNo(1, 24))).toThrow(/expected 23/);
  });

  it('prorates to 23 items: 5 yes of 22 answered → 5/22 × 23', () => {
    expect(rmdq23.score!([...yesNo(5, 22), null], { maxMissingItems: 1 })).toBeCloseTo(115 / 22, 12);
  });
});
