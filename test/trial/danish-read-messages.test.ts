// A Danish run (`--lang da`) says the reader's own notes in Danish with Danish numbers: the
// Scientific-notation note's number with the thousands point and decimal comma
// (io/scientific-number.ts). R's NaN refusal is one Danish line (trial/nan-cells.ts, report/problem-text.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { danishNumber } from '../../src/io/scientific-number.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

function files(csv: string, plan: unknown): { file: string; plan: string } {
  const dir = tempDir();
  writeFileSync(join(dir, 'export.csv'), csv);
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
  return { file: join(dir, 'export.csv'), plan: join(dir, 'plan.json') };
}

describe('R\'s NaN refused on a Danish run', () => {
  const { file, plan } = files(readFileSync('test/fixtures/r-nan/trial.csv', 'utf8'), JSON.parse(readFileSync('test/fixtures/r-nan/plan.json', 'utf8')));
  // A refusal's line is Danish whole under --lang da (errors.ts formatError with the catalogue of
  // src/report/problem-text.ts): `expected`, the hint and the frame ("forventet"), never half of each.
  it('says its cause and remedies at the cell, the line wholly Danish after "fejl:" (exit 2)', async () => {
    const r = await runCli('analyze', file, '--plan', plan, '--lang', 'da');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`export.csv:3:7 (pain): "NaN" — forventet et helt tal fra 0 til 10 (Smerteintensitet (NRS 0–10)); "NaN" er ikke et tal, men det, R skriver for en værdi beregnet af ingen værdier`);
    expect(r.stderr).toMatch(/^fejl: .*export\.csv har 1 problem\(er\) i 1 række\(r\); intet er skrevet/);
    expect(r.stderr).not.toMatch(/— expected|is not a number|problem\(s\)|nothing was written/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it('in English otherwise', async () => {
    const r = await runCli('analyze', file, '--plan', plan);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"NaN" is not a number but what R writes for a value computed from no values');
  });
});

describe('the Scientific-notation note on a Danish run', () => {
  // English Excel's incomes in "Scientific" format: 31000.00 written 3.10E+04 (every income a multiple of 1000 shows no loss).
  const DIR = 'test/fixtures/exports/thousands-separators';
  const rows = readFileSync(`${DIR}/export.csv`, 'utf8').trim().split('\n').map((l) => l.split(','));
  const csv = rows.map((r, k) => r.map((c, j) => (k > 0 && j === 5 ? Number(c).toExponential(2).toUpperCase().replace(/E\+(\d)$/, 'E+0$1') : c)).join(',')).join('\n') + '\n';
  const { file, plan } = files(csv, JSON.parse(readFileSync(`${DIR}/plan.json`, 'utf8')));
  it('writes the number read with the thousands point (and the English note without)', async () => {
    const first = rows[1]![5]!;
    const value = Number(Number(first).toExponential(2));
    expect(value).toBeGreaterThanOrEqual(1000);
    const da = await runCli('analyze', file, '--plan', plan, '--lang', 'da');
    expect(da.code, da.stderr).toBe(0);
    expect(da.stderr).toMatch(new RegExp(`kolonne "income": \\d+ celler i Excels talformat "Videnskabelig" \\(fx "[^"]+", linje 2\\) er læst som det skrevne tal \\(${danishNumber(value).replace('.', '\\.')}\\)`));
    expect(danishNumber(value)).toMatch(/^\d{1,3}(\.\d{3})+$/);
    const en = await runCli('analyze', file, '--plan', plan);
    expect(en.stderr).toContain(`were read as the number written (${value})`);
  });
  it('danishNumber: thousands point, decimal comma, the sign and an exponent kept', () => {
    expect([danishNumber(491000), danishNumber(1234567.5), danishNumber(-4500), danishNumber(0.0015), danishNumber(4.5), danishNumber(1e-7)]).toEqual(['491.000', '1.234.567,5', '-4.500', '0,0015', '4,5', '1e-7']);
  });
});
