// English Excel's "Use 1000 separator" writes an income as "31,000.00" (quoted in a comma file,
// bare in its tab-separated "Unicode text"). Read as text, such cells made the covariate a
// category of eight levels: the ANCOVA moved (−1.85 instead of −2.14) and the run said nothing
// (io/parse-number.ts; docs/input-trial-export.md#decimal-mark).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseNumber } from '../../src/io/parse-number.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const DIR = 'test/fixtures/exports/thousands-separators';
const PLAN = `${DIR}/plan.json`;
/** The export as written without a separator: `id,arm,time,age,pain,income`, income `31000.00`. */
const plain = readFileSync(`${DIR}/export.csv`, 'utf8');
const rows = plain.trim().split('\n').map((l) => l.split(','));

/** `31000.00` with a thousands `group` mark and a decimal `mark` (`31,000.00`, `31.000,00`); `decimals: false` → `31,000`. */
const grouped = (cell: string, group: string, mark: string, decimals = true): string => {
  const [whole, dec] = cell.split('.');
  const w = whole!.replace(/\B(?=(\d{3})+$)/g, group);
  return decimals ? `${w}${mark}${dec}` : w;
};

function write(name: string, text: string): string {
  const dir = tempDir();
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

/** Every field quoted, as Numbers and Excel for Mac write a comma CSV, with the income as `income(cell)`. */
const quotedCsv = (income: (cell: string) => string): string =>
  rows.map((r, k) => r.map((c, j) => `"${k > 0 && j === 5 ? income(c) : c}"`).join(',')).join('\r\n') + '\r\n';

async function primary(file: string, plan = PLAN): Promise<{ code: number; difference?: number; df?: number; stderr: string }> {
  const r = await runCli('analyze', file, '--plan', plan, '--json');
  if (r.code === 2) return { code: r.code, stderr: r.stderr };
  const e = JSON.parse(r.stdout).effects.find((x: { method: string }) => x.method === 'ancova');
  return { code: r.code, difference: e.difference, df: e.df, stderr: r.stderr };
}

describe('a numeric covariate with English thousands separators', () => {
  it('reads "31,000.00" and tab-separated 31,000.00 as the numbers the plain export holds', async () => {
    const want = await primary(`${DIR}/export.csv`);
    // One slope for income: 60 patients − (intercept, arm, baseline, age, income) = 55.
    expect(want.df).toBe(55);
    const files = [
      write('us.csv', quotedCsv((c) => grouped(c, ',', '.'))),
      write('unicode.txt', rows.map((r, k) => r.map((c, j) => (k > 0 && j === 5 ? grouped(c, ',', '.') : c)).join('\t')).join('\r\n') + '\r\n'),
    ];
    for (const f of files) {
      const got = await primary(f);
      expect([f, got.code, got.df]).toEqual([f, want.code, want.df]);
      expect(got.difference).toBe(want.difference);
    }
  });

  it('"31,000" in a comma file no number of which shows the mark is refused, not guessed: LibreOffice in a Danish locale writes 31.000 so too (decimal-mark.ts, rule 6)', async () => {
    const got = await primary(write('us-whole.csv', quotedCsv((c) => grouped(c, ',', '.', false))));
    expect(got.code).toBe(2);
    expect(got.stderr).toContain('(income): "31,000" — expected a number that cannot be misread');
    expect(got.stderr).toContain('no number in the file writes a decimal, so it does not show which');
  });

  it('in a decimal-comma file is refused at its cells naming the thousands separator, never typed categorical', async () => {
    // A `;` file whose other numbers write the comma (age `45,0`, weight `70,5`), with an English-formatted income column.
    const text = rows.map((r, k) => (k === 0 ? [...r, 'weight'].join(';') : [...r.slice(0, 3), `${r[3]},0`, r[4], grouped(r[5]!, ',', '.'), '70,5'].join(';'))).join('\n') + '\n';
    const r = await runCli('validate', write('mixed.csv', text), '--plan', PLAN);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('120 × ');
    expect(r.stderr).toContain('(income): "31,000.00"');
    expect(r.stderr).toContain("the cell writes its decimals with a point and its thousands with a comma (1,234.5), but the file uses the decimal comma");
    expect(r.stderr).toContain('without the 1000 separator');
  });

  it('keeps the decimal comma\'s reading: 1,234 with the comma is 1.234, with the point 1234', () => {
    expect(parseNumber('1,234', true)).toBe(1.234);
    expect(parseNumber('1,234', false)).toBe(1234);
    expect(parseNumber('31,000.00', false)).toBe(31000);
    expect(parseNumber('-1,234,567.5', false)).toBe(-1234567.5);
    // Not whole groups of three: no number.
    for (const t of ['1,23', '1,2345.5', '01,234', '1,234,56', '31,000.00', '1,234e3']) expect([t, parseNumber(t, t === '31,000.00')]).toEqual([t, undefined]);
  });
});
