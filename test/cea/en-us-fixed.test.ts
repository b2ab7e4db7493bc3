/**
 * enUsFixed (src/cea/en-us-fixed.ts) writes what toLocaleString('en-US') with a fixed count of
 * decimals writes, character for character: the Monte Carlo warning's numbers stay as they were.
 */
import { describe, expect, it } from 'vitest';
import { enUsFixed, enUsGrouped } from '../../src/cea/en-us-fixed.js';

// toLocaleString's own formatter, made once per count of decimals (a new one per call is slow).
const formats = Array.from({ length: 7 }, (_, d) => new Intl.NumberFormat('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }));
const intl = (x: number, digits: number) => formats[digits]!.format(x);

describe('enUsFixed', () => {
  it('rounds the shortest decimal half away from zero, as Intl (not as toFixed)', () => {
    expect(enUsFixed(1.005, 2)).toBe('1.01');
    expect((1.005).toFixed(2)).toBe('1.00');
    expect(intl(1.005, 2)).toBe((1.005).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
    expect(enUsFixed(-2.5, 0)).toBe('-3');
    expect(enUsFixed(999.9995, 3)).toBe('1,000.000');
    expect(enUsFixed(-0.001, 2)).toBe('-0.00');
    expect(enUsFixed(-0, 0)).toBe('-0');
    expect(enUsFixed(1234567.891, 0)).toBe('1,234,568');
    expect(enUsFixed(1.5e25, 1)).toBe('15,000,000,000,000,000,000,000,000.0');
  });

  it('agrees with toLocaleString on ties, extremes and 10,000 numbers of every size', () => {
    const xs = [0, 0.5, 1.5, 2.675, 0.125, 0.045, 8.345, 9999.5, 99999.95, 1e21, 5e-324, 1.7976931348623157e308, Infinity, NaN];
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 10000; i++) {
      const x = (next() - 0.5) * 10 ** (Math.floor(next() * 30) - 12);
      // Every third one a tie at its last decimal (…5 one place further).
      xs.push(i % 3 === 0 ? Math.round(x * 10 ** (i % 7)) / 10 ** (i % 7) + 5 * 10 ** -((i % 7) + 1) : x);
    }
    const wrong: string[] = [];
    for (const x of xs) for (const v of [x, -x]) for (let d = 0; d <= 6; d++) if (enUsFixed(v, d) !== intl(v, d)) wrong.push(`${v} (${d}): ${enUsFixed(v, d)} ≠ ${intl(v, d)}`);
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});

describe('enUsGrouped', () => {
  it("writes what toLocaleString('en-US') writes: the pages' counts, replicates and thresholds", () => {
    const plain = new Intl.NumberFormat('en-US');
    for (const x of [0, -0, 7, 999, 1000, 5000, 23250, -23250, 1234567, 2 ** 53, 1e21, 1e22, 12.5, 0.1234, -1234.5678, NaN, Infinity]) {
      expect(enUsGrouped(x), String(x)).toBe(plain.format(x));
    }
    expect(enUsGrouped(23250)).toBe('23,250');
  });
});
