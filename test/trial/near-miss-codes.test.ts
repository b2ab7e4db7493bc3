import { describe, expect, it } from 'vitest';
import { didYouMean, nearMiss } from '../../src/trial/near-miss.js';
import { ColumnCoder, formatRecodes } from '../../src/trial/value-codes.js';

describe('near-miss hints', () => {
  it('ignore case, spacing and accents, and allow up to two typos', () => {
    expect(nearMiss('selfback', ['Selfback', 'Kontrol'])).toBe('Selfback');
    expect(nearMiss('Self back', ['Selfback', 'Kontrol'])).toBe('Selfback');
    expect(nearMiss('kontról', ['Selfback', 'Kontrol'])).toBe('Kontrol');
    expect(nearMiss('Kontorl', ['Selfback', 'Kontrol'])).toBe('Kontrol');
    expect(didYouMean('pain_ag', ['pain_avg', 'rmdq'])).toBe('did you mean "pain_avg"?');
  });
  it('say nothing for far values, exact matches or ties', () => {
    expect(nearMiss('placebo', ['app', 'usual'])).toBeUndefined();
    expect(nearMiss('app', ['app', 'usual'])).toBeUndefined();
    expect(nearMiss('6m', ['3m', '9m'])).toBeUndefined();
    // Three edits away is not a near miss, even when it is the only candidate that close.
    expect(nearMiss('eq5d', ['pid', 'group', 'visit', 'site', 'odi'])).toBeUndefined();
    expect(nearMiss('eq5d', ['eq5d_i'])).toBe('eq5d_i');
  });
});

describe('answer and missing-value codes', () => {
  it('match numbers by value after decimal-comma normalisation and text exactly; answers win', () => {
    const c = new ColumnCoder({ '1': 1, '2': 0 }, [999, -9, 'Ved ikke', 1], true);
    expect(c.apply('1')).toEqual({ kind: 'answer', value: 1 });
    expect(c.apply('2,0')).toEqual({ kind: 'answer', value: 0 });
    expect(c.apply('999,0')).toEqual({ kind: 'missing' });
    expect(c.apply('-9')).toEqual({ kind: 'missing' });
    expect(c.apply('Ved ikke')).toEqual({ kind: 'missing' });
    expect(c.apply('ved ikke')).toEqual({ kind: 'unknown' });
    expect(c.apply('3')).toEqual({ kind: 'unknown' });
  });
  it('without answer codes other cells pass through as text', () => {
    const c = new ColumnCoder(undefined, ['4.5'], false);
    expect(c.apply('4.5')).toEqual({ kind: 'missing' });
    expect(c.apply('4,5')).toEqual({ kind: 'text', text: '4,5' });
    expect(c.apply('7')).toEqual({ kind: 'text', text: '7' });
  });
  it('formats counts per column', () => {
    expect(formatRecodes([{ column: 'q1', code: 'Ja', to: 1, count: 3 }, { column: 'q1', code: '999', to: null, count: 1 }])).toEqual(['q1: "Ja" → 1 × 3, "999" → missing × 1']);
  });
});
