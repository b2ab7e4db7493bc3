/**
 * `--json` is an output one may publish or archive (a CI job keeps it): `validate --json` and
 * `meta --json` name their inputs as `analyze --json` and a report's results.json do — by the last
 * name, a CPR-shaped number in it masked — never by a path of this machine (a home folder can name
 * a person: `Anna Jensen/OneDrive - Region Midtjylland/`). The text on the user's own terminal keeps
 * the path as typed, the number masked (docs/output-safety.md).
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';
import { ceaFixture } from '../support/cea-fixture.js';

function userFolder(): string {
  const dir = join(tempDir(), 'Anna Jensen', 'OneDrive - Region Midtjylland');
  mkdirSync(dir, { recursive: true });
  return dir;
}

describe('--json names inputs by their last names, masked', () => {
  it('validate --json: a valid export, and an invalid one\'s problems', async () => {
    const dir = userFolder();
    const csv = join(dir, 'udtræk 0101501234.csv');
    copyFileSync('data/synthetic/selfback-trial.csv', csv);
    const plan = join(dir, 'selfback.plan.json');
    copyFileSync('data/plans/selfback.plan.json', plan);
    const v = await runCli('validate', csv, '--plan', plan, '--json');
    expect(v.code, v.stderr).toBe(0);
    expect(JSON.parse(v.stdout).file).toBe('udtræk DDMMYY-XXXX.csv');
    expect(v.stdout).not.toMatch(/Anna|OneDrive|0101501234/);
    const text = await runCli('validate', csv, '--plan', plan);
    expect(text.stdout).not.toContain('0101501234');
    expect(text.stdout).toContain('udtræk DDMMYY-XXXX.csv: valid');

    const bad = join(dir, 'bad 0101501234.csv');
    // The bundled export with one item answer that is no answer (`x`): one problem, with its file.
    const lines = readFileSync('data/synthetic/selfback-trial.csv', 'utf8').split('\n');
    lines[1] = lines[1]!.replace(/^(SB0001,app,baseline,NO,33,M,)1,/, '$1x,');
    writeFileSync(bad, lines.join('\n'));
    const b = await runCli('validate', bad, '--plan', plan, '--json');
    expect(b.code).toBe(2);
    const problems = JSON.parse(b.stdout).problems as { file: string }[];
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) expect(p.file).toBe('bad DDMMYY-XXXX.csv');
    expect(b.stdout).not.toMatch(/Anna|OneDrive|0101501234/);
  });

  it('meta --json: the studies sheet and the plan', async () => {
    const dir = userFolder();
    const csv = join(dir, 'studier 0101501234.csv');
    copyFileSync('data/published/selfback-studies.csv', csv);
    const plan = join(dir, 'selfback.plan.json');
    copyFileSync('data/plans/selfback.plan.json', plan);
    const m = await runCli('meta', csv, '--plan', plan, '--json');
    expect(m.code, m.stderr).toBe(0);
    expect(JSON.parse(m.stdout).input).toMatchObject({ file: 'studier DDMMYY-XXXX.csv', plan: 'selfback.plan.json' });
    expect(m.stdout).not.toMatch(/Anna|OneDrive|0101501234/);
  });
});

describe('a cea report\'s results.json names the trial plan by its last name, masked', () => {
  it('a manifest in a person\'s folder, the cea plan naming its trial plan through that folder', async () => {
    const f = ceaFixture();
    const dir = join(f.dir, 'Anna Jensen', 'OneDrive - Region Midt', 'studie');
    mkdirSync(join(dir, 'data'), { recursive: true });
    copyFileSync(f.exportFile, join(dir, 'data', 'udtræk 0101501234.csv'));
    copyFileSync(join(f.dir, 'unit-costs.csv'), join(dir, 'data', 'unit-costs.csv'));
    copyFileSync(join(f.dir, 'trial.plan.json'), join(dir, 'data', 'plan 0101501234.json'));
    const cea = JSON.parse(readFileSync(f.plan, 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'data', 'cea.json'), JSON.stringify({ ...cea, trialPlan: '../../../OneDrive - Region Midt/studie/data/plan 0101501234.json' }));
    writeFileSync(join(dir, 'reports.json'), JSON.stringify({ reports: [{ id: 'c', kind: 'cea', out: 'out/c', lang: 'da', data: 'data/udtræk 0101501234.csv', plan: 'data/cea.json', replicates: 100 }] }));
    const out = join(f.dir, 'pub');
    const r = await runCli('report', '--manifest', join(dir, 'reports.json'), '--out', out, '--allow-outside');
    expect(r.code, r.stderr).toBe(0);
    const results = JSON.parse(readFileSync(join(out, 'out', 'c', 'results.json'), 'utf8')) as { input: { trialPlan: string } };
    expect(results.input.trialPlan).toBe('plan DDMMYY-XXXX.json');
    for (const file of readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())) {
      expect(readFileSync(join(file.parentPath, file.name), 'utf8'), file.name).not.toMatch(/Anna|OneDrive|0101501234/);
    }
  });
});
