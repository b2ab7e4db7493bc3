// nrs.ts and binary.ts declare single-answer instruments; tested together.
import { describe, expect, it } from 'vitest';
import { binary } from '../../src/instruments/binary.js';
import { nrs } from '../../src/instruments/nrs.js';

describe('nrs', () => {
  it('is a 0–10 integer pain scale, lower-is-better, MCID 2 points or 30 %', () => {
    expect([nrs.range, nrs.integer, nrs.direction]).toEqual([[0, 10], true, 'lower-is-better']);
    expect([nrs.defaultMcid?.absolute, nrs.defaultMcid?.percent]).toEqual([2, 30]);
    expect(nrs.score).toBeUndefined();
  });
});

describe('binary', () => {
  it('is 0/1 of kind binary, lower-is-better by default', () => {
    expect([binary.kind, binary.range, binary.integer, binary.direction]).toEqual(['binary', [0, 1], true, 'lower-is-better']);
  });
});
