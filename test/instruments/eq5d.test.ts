import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { eq5d3l, eq5d5l, eq5dFor, indexFromProfile, parseEq5dProfile } from '../../src/instruments/eq5d.js';
import { loadValueSet } from '../../src/instruments/valueset.js';
import { expectPrinted } from '../support/tolerance.js';

describe('parseEq5dProfile', () => {
  it('reads one level per dimension, MO SC UA PD AD', () => {
    expect(parseEq5dProfile('11123')).toEqual([1, 1, 1, 2, 3]);
    expect(parseEq5dProfile('33333', 'eq5d3l')).toEqual([3, 3, 3, 3, 3]);
  });

  it.each([
    ['1112', 'too short'],
    ['111234', 'too long'],
    ['11116', 'level 6'],
    ['11110', 'level 0'],
    ['1112a', 'non-digit'],
    [' 1111', 'leading space'],
    ['', 'empty'],
  ])('rejects %j (%s), quoting it', (profile) => {
    const err = (() => {
      try {
        parseEq5dProfile(profile);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(HtaError);
    expect((err as HtaError).code).toBe('input.invalid');
    expect((err as HtaError).message).toContain(JSON.stringify(profile));
  });

  it('rejects level 4 for 3L but not for 5L', () => {
    expect(() => parseEq5dProfile('11114', 'eq5d3l')).toThrow(/5 digits 1-3/);
    expect(parseEq5dProfile('11114', 'eq5d5l')).toEqual([1, 1, 1, 1, 4]);
  });
});

describe('eq5d5l / eq5d3l instruments', () => {
  it('score from the five dimension columns', () => {
    expect(eq5d5l.items?.columns('eq5d')).toEqual(['eq5d_mo', 'eq5d_sc', 'eq5d_ua', 'eq5d_pd', 'eq5d_ad']);
    expectPrinted(eq5d5l.score!([1, 3, 2, 2, 4]) as number, '0.439');
    expectPrinted(eq5d3l.score!([1, 1, 1, 1, 2]) as number, '0.818');
    expectPrinted(indexFromProfile('11123', loadValueSet('dk-5l-2021')), '0.761');
  });

  it('a missing dimension makes the index missing, and cannot be prorated', () => {
    expect(eq5d5l.score!([1, null, 1, 2, 3])).toBeNull();
    expect(() => eq5d5l.score!([1, 1, 1, 2, 3], { maxMissingItems: 1 })).toThrow(/cannot be prorated/);
  });

  it('range comes from the value set; items 1–5 / 1–3', () => {
    expectPrinted(eq5d5l.range[0], '-0.758');
    expect(eq5d5l.range[1]).toBe(1);
    expectPrinted(eq5d3l.range[0], '-0.624');
    expect([eq5d5l.items?.max, eq5d3l.items?.max]).toEqual([5, 3]);
    expect(eq5d5l.direction).toBe('higher-is-better');
  });

  it('default 5L MCID is (1 − (−0.758))/20 = 0.0879, unrounded; none for 3L', () => {
    expect(eq5d5l.defaultMcid?.absolute).toBeCloseTo(0.0879, 12);
    expect(eq5d3l.defaultMcid).toBeUndefined();
  });

  it('refuses a value set of the other version', () => {
    expect(() => eq5dFor('eq5d3l', 'dk-5l-2021')).toThrow(/dk-5l-2021 is for eq5d5l, not eq5d3l/);
    expect(() => eq5d5l.score!([1, 1, 1, 1, 1], { valueSet: 'dk-3l-2009' })).toThrow(HtaError);
    expect(eq5d5l.score!([1, 1, 1, 2, 3], { valueSet: 'dk-5l-2021' })).toBe(eq5d5l.score!([1, 1, 1, 2, 3]));
  });
});

describe('EQ-5D properties', () => {
  for (const [instrument, max] of [
    [eq5d5l, 5],
    [eq5d3l, 3],
  ] as const) {
    const levels = fc.array(fc.integer({ min: 1, max }), { minLength: 5, maxLength: 5 });

    it(`${instrument.key}: index stays within range`, () => {
      fc.assert(
        fc.property(levels, (l) => {
          const v = instrument.score!(l) as number;
          return v >= instrument.range[0] && v <= instrument.range[1];
        }),
      );
    });

    it(`${instrument.key}: raising any one level never raises the index`, () => {
      fc.assert(
        fc.property(levels, fc.integer({ min: 0, max: 4 }), (l, dim) => {
          fc.pre((l[dim] as number) < max);
          const worse = [...l];
          worse[dim] = (worse[dim] as number) + 1;
          return (instrument.score!(worse) as number) <= (instrument.score!(l) as number);
        }),
      );
    });
  }
});
