// REDCap's "CSV (labels)" export names every form's status column "Complete?" (a tester's export,
// test/fixtures/exports/redcap-labels-forms/): the reader refused the whole file for the repeated
// name although the plan reads none of those columns. Trial exports are now read with
// `duplicateNames: 'keep'`; a name the plan uses must still be one column (column-resolver.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

const DIR = 'test/fixtures/exports/redcap-labels-forms';

describe('a trial export with repeated column names', () => {
  it('is analysed when the plan uses none of the repeated names', async () => {
    const r = await runCli('analyze', `${DIR}/export.csv`, '--plan', `${DIR}/plan.json`, '--json');
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout).effects as { outcome: string; method: string; n: { intervention: number; control: number }; difference: number }[];
    const ancova = rows.find((x) => x.outcome === 'rmdq' && x.method === 'ancova');
    expect(ancova?.n).toEqual({ intervention: 28, control: 29 });
    // The tester's R lm on the same rows (headers renamed): −2.33.
    expect(ancova?.difference).toBeCloseTo(-2.3349, 4);
  });

  it('validate reads it too; plan init lists "Complete?" as a form status', async () => {
    expect((await runCli('validate', `${DIR}/export.csv`, '--plan', `${DIR}/plan.json`)).code).toBe(0);
    const init = await runCli('plan', 'init', `${DIR}/export.csv`);
    expect(init.stderr).toContain('not used: "Complete?", a REDCap form status');
    expect(init.stderr).not.toContain('a unique column name');
  });

  it('a repeated name the plan uses is refused (exit 2), naming every column of that name', async () => {
    const dir = tempDir();
    const plan = JSON.parse(readFileSync(`${DIR}/plan.json`, 'utf8'));
    plan.covariates.push('status');
    plan.columns.covariates.status = 'Complete?';
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    const r = await runCli('analyze', `${DIR}/export.csv`, '--plan', join(dir, 'plan.json'));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('one header column named "Complete?" for the plan\'s column: columns 10, 13, 14 are all named so');
  });

  it('other files keep refusing a repeated name (an eligible file, a studies file)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'studies.csv'), 'study,outcome,outcome,md\nA,rmdq,rmdq,1\n');
    const r = await runCli('meta', join(dir, 'studies.csv'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('a unique column name (also column 2)');
  });
});
