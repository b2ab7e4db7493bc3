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
    const file = write('us-whole.csv', quotedCsv((c) => grouped(c, ',', '.', false)));
    const got = await primary(file);
    expect(got.code).toBe(2);
    expect(got.stderr).toContain('(income): "31,000" — expected a number that cannot be misread');
    expect(got.stderr).toContain('no number the plan reads (column "income", the other covariates, the outcomes) writes a decimal, so it does not show which');
    // The remedy that works for English Excel's file comes first: saving it again as CSV writes the same file.
    expect(got.stderr).toMatch(/does not show which \([^)]*\) — from English Excel, write these numbers without the 1000 separator \(Format Cells → Number, untick "Use 1000 Separator \(,\)": 1250\)/);
    // hta score computes nothing from the covariates: it writes the scored export.
    const out = join(tempDir(), 'scored.csv');
    const scored = await runCli('score', file, '--plan', PLAN, '--out', out);
    expect([scored.code, scored.stderr]).toEqual([0, expect.not.stringContaining('error')]);
  });

  // English Excel's "Number" format with "Use 1000 separator" and no decimals: incomes below
  // 1,000 bare, a million with two commas; a Danish export's fixed-format column writes every
  // cell with its decimals ("950,000"), its General format never "31,000".
  /** The export with the first patient's income `income` (both rows), as written without a separator. */
  const withIncome = (income: string) => rows.map((r, k) => (k > 0 && r[0] === rows[1]![0] ? [...r.slice(0, 5), income] : r));
  const quotedOf = (rs: string[][], cell: (c: string) => string) => rs.map((r, k) => r.map((c, j) => `"${k > 0 && j === 5 ? cell(c) : c}"`).join(',')).join('\r\n') + '\r\n';
  for (const [what, income, shown] of [
    ['a bare income below 1,000 ("950")', '950.00', 'the column writes other whole numbers without a separator ("950"), as English Excel does below 1,000'],
    ['an income of a million ("1,250,000")', '1250000.00', 'the column\'s "1,250,000" has two thousands commas'],
  ] as const) {
    it(`"31,000" beside ${what} is read as English Excel's thousands, with a note naming the column`, async () => {
      const rs = withIncome(income);
      const want = await primary(write('plain.csv', rs.map((r) => r.join(',')).join('\n') + '\n'));
      expect(want.df).toBe(55);
      const got = await primary(write('us-int.csv', quotedOf(rs, (c) => grouped(c, ',', '.', false))));
      expect([got.code, got.df, got.difference]).toEqual([0, 55, want.difference]);
      expect(got.stderr).toContain(`column "income": values with one comma and three digits after it, such as "45,250", were read as thousands (45250), as a comma-separated file writes them: ${shown}.`);
    });
  }

  it('"1,125" is fixed by the point of another number column of the plan (with the note), never by a text column\'s "2.1" or a clock time "9.07"', async () => {
    // Danish LibreOffice's crp 1.125 is written "1,125" as English Excel's 1125: only a number the plan reads may decide.
    const danish = (extra: string, cell: (k: number) => string) =>
      rows.map((r, k) => [...r.slice(0, 5), k === 0 ? 'crp' : `"1,${String(125 * (1 + (k % 6))).padStart(3, '0')}"`, k === 0 ? extra : cell(k)].join(',')).join('\n') + '\n';
    const plan = JSON.parse(readFileSync(PLAN, 'utf8'));
    plan.covariates = ['age', 'crp'];
    const planFile = write('plan-crp.json', JSON.stringify(plan));
    for (const [extra, cell] of [['version', () => '2.1'], ['klokken', (k: number) => `${8 + (k % 3)}.07`]] as const) {
      const got = await primary(write(`dk-${extra}.csv`, danish(extra, cell)), planFile);
      expect([extra, got.code]).toEqual([extra, 2]);
      expect(got.stderr).toContain('(crp): "1,250" — expected a number that cannot be misread');
    }
    // An age written with its decimals ("45.5") shows the point: crp is read as thousands, and said so.
    const ageShown = rows.map((r, k) => [...r.slice(0, 3), k === 1 ? `${r[3]}.5` : r[3], r[4], k === 0 ? 'crp' : `"1,${String(125 * (1 + (k % 6))).padStart(3, '0')}"`].join(',')).join('\n') + '\n';
    const got = await primary(write('dk-age.csv', ageShown), planFile);
    expect(got.code).toBe(0);
    expect(got.stderr).toContain('column "crp": values with one comma and three digits after it, such as "1,250", were read as thousands (1250), as a comma-separated file writes them: no value of the column shows its decimal mark; column "age" shows the decimal point');
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
