/**
 * Thousands grouped by a space, as Danish Excel writes them (a no-break space U+00A0, or the
 * narrow U+202F; docs/input-trial-export.md "Numbers"): `216 426` is 216426, strictly in groups
 * of three, with the file's decimal mark after them. Read as text, such a cell made a numeric
 * covariate a category (every income its own level).
 */
import { describe, expect, it } from 'vitest';
import { readingOf, spacedNumberHint } from '../../src/io/decimal-mark.js';
import { parseNumber } from '../../src/io/parse-number.js';
import { decimalCommaOf } from '../../src/io/decimal-mark.js';
import { parseCsvText } from '../../src/io/read-csv.js';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('thousands grouped by a space', () => {
  it('are read with the no-break space or the narrow no-break space, one group or more', () => {
    for (const space of [NBSP, NNBSP]) {
      expect(parseNumber(`216${space}426`, true)).toBe(216426);
      expect(parseNumber(`216${space}426`, false)).toBe(216426);
      expect(parseNumber(`1${space}234${space}567`, true)).toBe(1234567);
      expect(parseNumber(`\u22123${space}000`, true)).toBe(-3000);
      expect(parseNumber(`-12${space}345`, false)).toBe(-12345);
    }
  });

  it('are read with a plain space only in two groups or more, never after a "+"', () => {
    expect(parseNumber('12 345 678', true)).toBe(12345678);
    expect(parseNumber('2 000 000', false)).toBe(2000000);
    expect(parseNumber('-1 234 567,5', true)).toBe(-1234567.5);
    expect(parseNumber('\u22121 234 567', false)).toBe(-1234567);
    // One plain-space group: two numbers in one cell as likely as 120100; a "+": a phone number.
    for (const t of ['120 100', '1 234', '-12 345', '1 234,5', '1 234.5', '+45 123 456', '+1 234 567']) {
      expect([t, parseNumber(t, true), parseNumber(t, false), readingOf(t)]).toEqual([t, undefined, undefined, null]);
    }
    expect(spacedNumberHint('120 100')).toMatch(/two numbers, or a thousands separator\? .*write 1234, or 1 234 with a no-break space/);
    expect(spacedNumberHint('+45 123 456')).toMatch(/never after a "\+"/);
    for (const t of ['12 kg', '120100', 'ukendt', `120${NBSP}100`]) expect(spacedNumberHint(t)).toBeUndefined();
  });

  it('take the file\'s decimal mark after them, and only it', () => {
    expect(parseNumber(`476${NBSP}579,5`, true)).toBe(476579.5);
    expect(parseNumber(`476${NBSP}579.5`, false)).toBe(476579.5);
    expect(parseNumber(`476${NBSP}579.5`, true)).toBeUndefined();
    expect(parseNumber(`476${NBSP}579,5`, false)).toBeUndefined();
  });

  it('group strictly by three after one to three digits, one kind of space per number', () => {
    for (const t of ['12 34', '1234 567', `0${NBSP}123`, `1${NBSP}234 567`, '1 2345', '12 kg', `1${NBSP}234.567,5`, ' ', `216${NBSP}${NBSP}426`]) {
      expect([t, parseNumber(t, true), parseNumber(t, false)]).toEqual([t, undefined, undefined]);
    }
  });

  it('vote for the decimal mark their decimals show', () => {
    expect(readingOf(`1${NBSP}234,5`)).toBe(',');
    expect(readingOf(`1${NBSP}234.5`)).toBe('.');
    // Beside a space as thousands separator, a three-digit tail is decimals.
    expect(readingOf(`1${NBSP}234,567`)).toBe(',');
    expect(readingOf(`216${NBSP}426`)).toBeNull();
    const t = parseCsvText(`id\tindkomst\nP1\t216${NBSP}426,5\nP2\t1.250\n`, 'export.txt');
    expect(decimalCommaOf(t)).toBe(true);
  });
});
