/**
 * `hta analyze --json` and `hta cea --json`/`--out-dir` results.json are outputs one may publish:
 * they name the inputs as a report's page does — by the last name alone, a CPR-shaped number in
 * it masked (docs/output-safety.md "Personal identity numbers", src/report/published-name.ts).
 * Found by an explorer: `Hanne Jensen/udtræk_0101501234.csv` was in `input.file` as given.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { ceaFixture } from '../support/cea-fixture.js';

describe('input names in --json and results.json', () => {
  it('hta analyze --json: the export by its last name, the CPR-shaped number masked, the folder dropped', async () => {
    const f = ceaFixture();
    const folder = join(f.dir, 'Hanne Jensen');
    mkdirSync(folder);
    const data = join(folder, 'udtræk_0101501234.csv');
    copyFileSync(f.exportFile, data);
    // The fixture's trial plan with one quick method: this test is about the name, not the numbers.
    const plan = { ...JSON.parse(readFileSync(join(f.dir, 'trial.plan.json'), 'utf8')), methods: ['welch'], missing: { sensitivity: false } };
    writeFileSync(join(folder, 'plan.json'), JSON.stringify(plan));
    const run = await runCli('analyze', data, '--plan', join(folder, 'plan.json'), '--json');
    expect(run.code, run.stderr).toBeLessThan(2);
    expect(JSON.parse(run.stdout).input.file).toBe('udtræk_DDMMYY-XXXX.csv');
    expect(run.stdout).not.toMatch(/Hanne|0101501234/);
  });

  it('hta cea --out-dir: results.json names the export and plans the same way', async () => {
    const f = ceaFixture();
    const data = join(f.dir, 'sim_0101501234.csv');
    copyFileSync(f.exportFile, data);
    // The trial plan in a folder named for a person: results.json names it by its last name too.
    const plan = JSON.parse(readFileSync(f.plan, 'utf8'));
    mkdirSync(join(f.dir, 'Hanne Jensen'));
    copyFileSync(join(f.dir, plan.trialPlan), join(f.dir, 'Hanne Jensen', 'trial.plan.json'));
    writeFileSync(f.plan, JSON.stringify({ ...plan, trialPlan: 'Hanne Jensen/trial.plan.json' }));
    const out = join(f.dir, 'out');
    const run = await runCli('cea', data, '--plan', f.plan, '--out-dir', out, '--replicates', '100', '--json');
    expect(run.code, run.stderr).toBe(0);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(results.input).toMatchObject({ export: 'sim_DDMMYY-XXXX.csv', plan: 'cea.json', trialPlan: 'trial.plan.json' });
    expect(JSON.stringify(results)).not.toContain(f.dir);
    expect(JSON.stringify(results)).not.toContain('Hanne');
    expect(run.stdout).not.toMatch(/0101501234/);
  });
});
