// A plan's "decimalMark" is checked against the columns the plan reads every time, not only when
// the whole file contradicts it (src/io/decimal-mark.ts, decimalCommaOf; docs/input-trial-export.md
// #declared-decimal-mark). A `;` export's unread text column that agrees with the declaration
// (`2.5` under `"."`) must not hide a read column that contradicts it: the Danish thousands point of
// an income `31.000` read under the point is 31, a thousand times too small, in Table 1 and costs.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const DIR = 'test/fixtures/exports/thousands-separators';
const PLAN = { ...JSON.parse(readFileSync(`${DIR}/plan.json`, 'utf8')), decimalMark: '.' };
/** `id,arm,time,age,pain,income`, income `31000.00`. */
const rows = readFileSync(`${DIR}/export.csv`, 'utf8').trim().split('\n').map((l) => l.split(','));

/** The export as Danish Excel's `;` file, with `income(c)` for each income cell and, if given, an `app_version` column. */
function semicolonExport(income: (c: string) => string, version?: string): string {
  return rows.map((r, k) => [...r.map((c, j) => (k > 0 && j === 5 ? income(c) : c)), ...(version ? [k === 0 ? 'app_version' : version] : [])].join(';')).join('\r\n') + '\r\n';
}
/** `31000.00` → `31.000`: the Danish thousands point. */
const danishThousands = (c: string) => c.split('.')[0]!.replace(/(\d{3})$/, '.$1');

function setup(csv: string): { dir: string; file: string; plan: string } {
  const dir = tempDir();
  writeFileSync(join(dir, 'export.csv'), csv);
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(PLAN));
  return { dir, file: join(dir, 'export.csv'), plan: join(dir, 'plan.json') };
}

describe('"decimalMark": "." and an unread column that agrees with it', () => {
  it('a ";" export with incomes "31.000" is refused whether or not a text column writes "2.5" (validate, analyze)', async () => {
    const message = (file: string) => `${file}:2:6 (income): "31.000" — expected numbers with the declared decimal point: the plan declares "." but this file writes numbers with "," in a column the plan reads`;
    const without = setup(semicolonExport(danishThousands));
    const w = await runCli('validate', without.file, '--plan', without.plan);
    expect(w.code).toBe(2);
    expect(w.stderr).toContain(message(without.file));
    const versioned = setup(semicolonExport(danishThousands, '2.5'));
    for (const command of ['validate', 'analyze']) {
      const r = await runCli(command, versioned.file, '--plan', versioned.plan);
      expect(r.code, `${command}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toContain(message(versioned.file));
      expect(r.stderr).toContain('31.000 (31000 with the decimal comma, 31 with the point)');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('hta report writes no Table 1 with incomes a thousand times too small: refused, nothing written', async () => {
    const { dir } = setup(semicolonExport(danishThousands, '2.5'));
    const manifest = { reports: [{ id: 't', kind: 'trial', out: 't', lang: 'en', data: 'export.csv', plan: 'plan.json' }] };
    writeFileSync(join(dir, 'reports.json'), JSON.stringify(manifest));
    const r = await runCli('report', '--manifest', join(dir, 'reports.json'), '--out', join(dir, 'out'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"31.000"');
    expect(() => readFileSync(join(dir, 'out/t/index.html'))).toThrow();
  });

  it('incomes written with the point ("31000.5") and a text column "2.5" are read as declared', async () => {
    const pointed = setup(semicolonExport((c) => `${c.split('.')[0]}.5`, '2.5'));
    const r = await runCli('analyze', pointed.file, '--plan', pointed.plan, '--json');
    expect(r.code, r.stderr).toBe(0);
  });
});

describe('"decimalMark" refused at a column only the manifest\'s Table 1 reads', () => {
  it('says the report (Table 1) reads it, not the plan; hta analyze of the same file passes', async () => {
    // Whole incomes, a versioned text column, and a `bmi` the plan does not read, one of its cells `24,5`.
    const csv = semicolonExport((c) => c.split('.')[0]!, '2')
      .split('\r\n')
      .map((l, k) => (l === '' ? l : `${l};${k === 0 ? 'bmi' : k === 4 ? '24,5' : '27'}`))
      .join('\r\n');
    const { dir, file, plan } = setup(csv);
    const a = await runCli('analyze', file, '--plan', plan);
    expect(a.code, a.stderr).toBe(0);
    const manifest = { reports: [{ id: 't', kind: 'trial', out: 't', lang: 'en', data: 'export.csv', plan: 'plan.json', characteristics: [{ column: 'bmi', label: { en: 'BMI', da: 'BMI' } }] }] };
    writeFileSync(join(dir, 'reports.json'), JSON.stringify(manifest));
    const r = await runCli('report', '--manifest', join(dir, 'reports.json'), '--out', join(dir, 'out'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:5:8 (bmi): "24,5" — expected numbers with the declared decimal point: the plan declares "." but this file writes numbers with "," in a column the report (Table 1) reads`);
    expect(r.stderr).not.toContain('in a column the plan reads');
    expect(() => readFileSync(join(dir, 'out/t/index.html'))).toThrow();
  });
});
