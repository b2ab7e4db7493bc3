import { describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import {
  indexFromLevels,
  indexRange,
  listValueSets,
  loadValueSet,
  VALUE_SET_DIR,
  valueSetSchema,
} from '../../src/instruments/valueset.js';
import { expectPrinted } from '../support/tolerance.js';

const dk5l = loadValueSet('dk-5l-2021');
const dk3l = loadValueSet('dk-3l-2009');

describe('loadValueSet', () => {
  it('finds the shipped sets in <package root>/data/valuesets/', () => {
    expect(VALUE_SET_DIR.replaceAll('\\', '/')).toMatch(/\/data\/valuesets\/$/);
    expect(listValueSets()).toEqual(expect.arrayContaining(['dk-3l-2009', 'dk-5l-2021']));
    expect(dk5l.instrument).toBe('eq5d5l');
    expect(dk3l.instrument).toBe('eq5d3l');
  });

  it('rejects an unknown id, listing the known ones', () => {
    expect(() => loadValueSet('uk-5l-2099')).toThrow(/unknown EQ-5D value set "uk-5l-2099".*dk-3l-2009, dk-5l-2021/);
  });

  it('never treats the id as a path', () => {
    expect(() => loadValueSet('../valuesets/dk-5l-2021')).toThrow(HtaError);
    expect(() => loadValueSet('dk-5l-2021.json')).toThrow(HtaError);
  });
});

describe('valueSetSchema', () => {
  const valid = structuredClone(dk3l);

  it('accepts a shipped file', () => {
    expect(valueSetSchema.safeParse(valid).success).toBe(true);
  });

  it('rejects a level-1 decrement other than 0', () => {
    const bad = structuredClone(valid);
    bad.decrements.mo = [0.01, 0.053, 0.411];
    expect(valueSetSchema.safeParse(bad).success).toBe(false);
  });

  it('rejects a decrement count that does not match the version', () => {
    const bad = structuredClone(valid);
    bad.decrements.pd = [0, 0.062, 0.396, 0.5, 0.6];
    const result = valueSetSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['decrements', 'pd']);
  });

  it('rejects negative decrements, other models and unknown fields', () => {
    expect(valueSetSchema.safeParse({ ...valid, constant: -0.1 }).success).toBe(false);
    expect(valueSetSchema.safeParse({ ...valid, model: 'multiplicative' }).success).toBe(false);
    expect(valueSetSchema.safeParse({ ...valid, n3: 0.269 }).success).toBe(false);
  });
});

// Published index values. Danish 5L: Jensen et al. 2021 (doi:10.1007/s40258-021-00639-3),
// coefficients of the hybrid model; index = 1 − Σ decrements.
describe('indexFromLevels, Danish EQ-5D-5L (Jensen 2021)', () => {
  it.each([
    ['11111', '1'],
    ['11123', '0.761'], // 1 − PD2 0.048 − AD3 0.191
    ['13224', '0.439'], // 1 − 0.050 − 0.033 − 0.048 − 0.430
    ['55555', '-0.758'], // worst state
  ])('%s → %s', (profile, printed) => {
    expectPrinted(indexFromLevels(Array.from(profile, Number), dk5l), printed);
  });
});

// Danish 3L TTO: Wittrup-Jensen et al. 2009 (doi:10.1177/1403494809105287); the constant
// 0.114 applies to every state except 11111.
describe('indexFromLevels, Danish EQ-5D-3L (Wittrup-Jensen 2009)', () => {
  it.each([
    ['11111', '1'],
    ['11112', '0.818'], // 1 − 0.114 − AD2 0.068
    ['33333', '-0.624'],
  ])('%s → %s', (profile, printed) => {
    expectPrinted(indexFromLevels(Array.from(profile, Number), dk3l), printed);
  });

  it('rejects a 5L level on a 3L value set', () => {
    expect(() => indexFromLevels([1, 1, 1, 1, 4], dk3l)).toThrow(/AD level must be a whole number 1-3/);
    expect(() => indexFromLevels([1, 1, 1, 1], dk3l)).toThrow(/needs 5 levels/);
  });
});

describe('indexRange', () => {
  it('is [index of the worst state, 1], bit for bit equal to scoring that state', () => {
    const [lo, hi] = indexRange(dk5l);
    expect(hi).toBe(1);
    expect(lo).toBe(indexFromLevels([5, 5, 5, 5, 5], dk5l));
    expectPrinted(lo, '-0.758');
    expect(indexRange(dk3l)[0]).toBe(indexFromLevels([3, 3, 3, 3, 3], dk3l));
  });

  it('finds the worst state when a set is not monotone in level', () => {
    const odd = structuredClone(dk3l);
    odd.decrements.mo = [0, 0.5, 0.4];
    expect(indexRange(odd)[0]).toBe(indexFromLevels([2, 3, 3, 3, 3], odd));
  });
});
