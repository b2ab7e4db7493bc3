/**
 * A per-patient cost file merged into the export puts each patient's resource-use totals on the
 * last visit's row (test/fixtures/exports/cea-totals-last-visit/, a tester's file): the plan's
 * first period ("3m") had no count for anyone, so every total cost was missing and `hta cea`
 * stopped with "Column cost has only 0 observed values" and exit 1, naming neither the period
 * nor the fix (src/cea/empty-periods.ts).
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

const DIR = 'test/fixtures/exports/cea-totals-last-visit';

describe('hta cea with a period no patient has resource use for', () => {
  it('exits 2 naming the period, the columns and the "periods" to write', async () => {
    const r = await runCli('cea', `${DIR}/export.csv`, '--plan', `${DIR}/cea.plan.json`, '--replicates', '100');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('has resource use for period "3m"');
    expect(r.stderr).toContain('"Antal lægebesøg", "Antal fysioterapibehandlinger"');
    expect(r.stderr).toContain('list only that visit in "periods" (["6m"])');
    expect(r.stderr).not.toContain('observed values');
  });

  it('with "periods": ["6m"] the same files are analysed', async () => {
    const dir = tempDir();
    for (const f of ['export.csv', 'trial.plan.json']) copyFileSync(join(DIR, f), join(dir, f));
    const plan = JSON.parse(readFileSync(join(DIR, 'cea.plan.json'), 'utf8'));
    writeFileSync(join(dir, 'cea.plan.json'), JSON.stringify({ ...plan, periods: ['6m'] }));
    const r = await runCli('cea', join(dir, 'export.csv'), '--plan', join(dir, 'cea.plan.json'), '--replicates', '100', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).patients).toMatchObject({ intervention: 20, control: 20, missingCost: { intervention: 0, control: 0 } });
  });
});
