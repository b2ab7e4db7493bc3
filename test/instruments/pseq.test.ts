import { describe, expect, it } from 'vitest';
import { pseq } from '../../src/instruments/pseq.js';

describe('pseq', () => {
  it('declares 10 items 0–6, 0–60 higher-is-better, MCID 5.5', () => {
    expect(pseq.items!.columns('pseq')).toEqual(Array.from({ length: 10 }, (_, i) => `pseq_${i + 1}`));
    expect([pseq.items!.min, pseq.items!.max, pseq.range, pseq.direction]).toEqual([0, 6, [0, 60], 'higher-is-better']);
    expect(pseq.defaultMcid?.absolute).toBe(5.5);
  });

  it('sums the items', () => {
    expect(pseq.score!([6, 5, 4, 3, 2, 1, 0, 6, 5, 4])).toBe(36);
    expect(pseq.score!(Array(10).fill(6))).toBe(60);
    expect(pseq.score!(Array(10).fill(0))).toBe(0);
  });

  it('missing items: missing by default, prorated up to maxMissingItems', () => {
    const items = [6, 5, 4, 3, 2, 1, 0, 6, 3, null];
    expect(pseq.score!(items)).toBeNull();
    // 9 answered summing to 30 → 30/9 × 10 = 33.33…
    expect(pseq.score!(items, { maxMissingItems: 1 })).toBeCloseTo(100 / 3, 12);
    expect(pseq.score!([null, null, 6, 6, 6, 6, 6, 6, 6, 6], { maxMissingItems: 1 })).toBeNull();
    expect(pseq.score!([null, null, 6, 6, 6, 6, 6, 6, 6, 6], { maxMissingItems: 2 })).toBe(60);
  });
});
