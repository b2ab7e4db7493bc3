// A plan's "decimalMark" (io/declared-mark.ts; docs/input-trial-export.md#declared-decimal-mark) is
// checked against the columns the analysis reads: a `;` export's text column with a version
// number `1.234` (either way) or a `2.5` (the other mark) is no number of the analysis and
// neither refuses nor decides the declaration. A column the plan reads still does, and the
// refusal says it is read.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const DIR = 'test/fixtures/exports/thousands-separators';
const PLAN = JSON.parse(readFileSync(`${DIR}/plan.json`, 'utf8'));
/** `id,arm,time,age,pain,income`, income `31000.00`. */
const rows = readFileSync(`${DIR}/export.csv`, 'utf8').trim().split('\n').map((l) => l.split(','));

/** The export as a `;` file with whole incomes and a text column `app_version` (`version(k)` on data line k). */
function semicolonExport(version?: (k: number) => string, income = (c: string, _k: number) => c.split('.')[0]!): string {
  return rows.map((r, k) => [...r.map((c, j) => (k > 0 && j === 5 ? income(c, k) : c)), ...(version ? [k === 0 ? 'app_version' : version(k)] : [])].join(';')).join('\r\n') + '\r\n';
}

function setup(csv: string, plan: object = { ...PLAN, decimalMark: '.' }): { dir: string; file: string; plan: string } {
  const dir = tempDir();
  writeFileSync(join(dir, 'export.csv'), csv);
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
  return { dir, file: join(dir, 'export.csv'), plan: join(dir, 'plan.json') };
}

async function ancova(file: string, plan: string): Promise<{ code: number; stderr: string; difference?: number }> {
  const r = await runCli('analyze', file, '--plan', plan, '--json');
  if (r.code !== 0) return { code: r.code, stderr: r.stderr };
  return { code: 0, stderr: r.stderr, difference: JSON.parse(r.stdout).effects.find((e: { method: string }) => e.method === 'ancova').difference };
}

describe('"decimalMark" and the columns the plan does not read', () => {
  it('a ";" export\'s version "1.234" in a text column does not refuse "decimalMark": "." (validate, analyze)', async () => {
    const plain = setup(semicolonExport());
    const want = await ancova(plain.file, plain.plan);
    expect(want.code, want.stderr).toBe(0);
    const versioned = setup(semicolonExport((k) => (k % 7 === 3 ? '1.234' : '2')));
    const v = await runCli('validate', versioned.file, '--plan', versioned.plan);
    expect(v.code, v.stderr).toBe(0);
    const got = await ancova(versioned.file, versioned.plan);
    expect([got.code, got.difference]).toEqual([0, want.difference]);
  });

  it('"decimalMark": "," is not contradicted by "2.5" in a text column, and the incomes read with the comma', async () => {
    // Every other income `31000,5`: the file shows the comma in a column the plan reads; the versions' points are more.
    const income = (c: string, k: number) => `${c.split('.')[0]}${k % 2 ? ',5' : ''}`;
    const commas = setup(semicolonExport(undefined, income), { ...PLAN, decimalMark: ',' });
    const want = await ancova(commas.file, commas.plan);
    expect(want.code, want.stderr).toBe(0);
    const versioned = setup(semicolonExport(() => '2.5', income), { ...PLAN, decimalMark: ',' });
    const got = await ancova(versioned.file, versioned.plan);
    expect([got.code, got.difference]).toEqual([0, want.difference]);
  });

  it('a column the plan reads still refuses it, named, and the refusal says the plan reads it', async () => {
    // The version's `1.234` comes first (line 2); the income `31.000` (line 3) is what the plan reads.
    const csv = semicolonExport((k) => (k === 1 ? '1.234' : '2')).replace(/^(P001;app;3m;\d+;\d+;)[^;]+/m, '$131.000');
    const { file, plan } = setup(csv);
    const r = await runCli('validate', file, '--plan', plan);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:3:6 (income): "31.000" — expected numbers with the declared decimal point: the plan declares "." but this file writes numbers with "," in a column the plan reads`);
    expect(r.stderr).not.toContain('app_version');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('hta report (Table 1 reads the covariates) writes the page of the versioned export', async () => {
    const { dir, file, plan } = setup(semicolonExport((k) => (k % 7 === 3 ? '1.234' : '2')));
    const manifest = { reports: [{ id: 't', kind: 'trial', out: 't', lang: 'en', data: 'export.csv', plan: 'plan.json' }] };
    writeFileSync(join(dir, 'reports.json'), JSON.stringify(manifest));
    const r = await runCli('report', '--manifest', join(dir, 'reports.json'), '--out', join(dir, 'out'));
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'out/t/index.html'), 'utf8')).toContain('Mac test');
    void file;
  });
});
