// A denominators file downloaded from Google Sheets (or saved from LibreOffice) in a Danish locale
// with "," as separator writes its counts as that locale formats them: `37.272` (thousands, no
// quotes), `"37.272,00"` or `"37272,00"` (two decimals). Each was refused, `"37.272,00"` with "a count
// has no decimals: format the column as Number with 0 decimals", whose result `37.272` was refused
// in turn. As a count each reads one way only (docs/input-registry.md "The eligible file").
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEligible } from '../../src/uptake/read-registry.js';
import { errorOf } from '../support/error-of.js';

const dir = mkdtempSync(join(tmpdir(), 'hta-elig-'));
const COUNTS: [string, number, number][] = [['Hovedstaden', 2024, 37272], ['Hovedstaden', 2025, 37691], ['Sjælland', 2024, 16804], ['Sjælland', 2025, 950]];
/** The counts as the spreadsheet's number format writes them (`fmt`), in a comma-separated file. */
const file = (name: string, fmt: (n: number) => string) => {
  const f = join(dir, name);
  writeFileSync(f, ['region,year,eligible', ...COUNTS.map(([r, y, n]) => `${r},${y},${fmt(n)}`)].join('\r\n') + '\r\n');
  return f;
};
const da = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, '.');
const read = (f: string) => readEligible(f).map((r) => [r.region, r.year, r.eligible]);
const plain = read(file('plain.csv', String));

describe('a comma-separated eligible file from a Danish-locale spreadsheet', () => {
  it('reads 37.272 (thousands format, unquoted) as 37272', () => {
    expect(read(file('thousands.csv', da))).toEqual(plain);
  });

  it('reads "37.272,00" (Number, two decimals) and "37272,00" (no grouping) as 37272', () => {
    expect(read(file('dec2.csv', (n) => `"${da(n)},00"`))).toEqual(plain);
    expect(read(file('dec2-plain.csv', (n) => `"${n},00"`))).toEqual(plain);
  });

  it('still reads English Excel\'s "37,272" and "37,272.00"', () => {
    expect(read(file('en.csv', (n) => (n >= 1000 ? `"${n.toLocaleString('en-US')}"` : String(n))))).toEqual(plain);
    expect(read(file('en2.csv', (n) => `"${n.toLocaleString('en-US')}.00"`))).toEqual(plain);
  });

  it('refuses a file mixing both locales, with the one remedy that reads in every file: 0 decimals, no 1000 separator', () => {
    const mixed = file('mixed.csv', (n) => (n === 37272 ? `"${n},00"` : n >= 1000 ? `"${n.toLocaleString('en-US')}"` : String(n)));
    const e = errorOf(() => readEligible(mixed));
    expect(e.problems[0]).toMatchObject({ line: 2, column: 3, value: '37272,00' });
    expect(e.problems[0]!.expected).toContain('writes its zero decimals with a comma (37272,00), as a decimal-comma locale writes them');
    expect(e.problems[0]!.expected).toContain('format the column as Number with 0 decimals and without the 1000 separator in the spreadsheet (37272)');
    expect(e.problems[0]!.expected).not.toContain('a count has no decimals');
  });
});
