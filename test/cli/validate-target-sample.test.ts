/**
 * `hta validate --plan` reads the plan's target sample with analyze's checks
 * (docs/subgroups.md#inverse-odds-weights): before, a missing file, a "52 år" cell and levels the
 * trial does not have all passed "valid" (exit 0), and analyze then failed. A file that cannot be
 * read is named with the plan's field.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const FIXTURE = 'test/fixtures/subgroups';

/** The fixture's trial, plan and sample in a folder, the sample edited and the plan's sample file named `file`. */
function folder(edit: (sample: string) => string = (s) => s, file = 'target-sample.csv'): { trial: string; plan: string } {
  const dir = tempDir();
  copyFileSync(join(FIXTURE, 'trial.csv'), join(dir, 'trial.csv'));
  const plan = JSON.parse(readFileSync(join(FIXTURE, 'plan.json'), 'utf8'));
  plan.population.targetSample.file = file;
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
  writeFileSync(join(dir, 'target-sample.csv'), edit(readFileSync(join(FIXTURE, 'target-sample.csv'), 'utf8')));
  return { trial: join(dir, 'trial.csv'), plan: join(dir, 'plan.json') };
}

describe('hta validate --plan and the target sample', () => {
  it('a sample that reads: valid, with a note of its patients', async () => {
    const f = folder();
    const r = await runCli('validate', f.trial, '--plan', f.plan);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/note: target sample target-sample\.csv: \d+ target patients with every model value \(age, symptom_weeks, country\)/);
  });

  it('a missing file: refused (exit 2), naming population.targetSample.file', async () => {
    const f = folder(undefined, 'nonexistent.csv');
    const r = await runCli('validate', f.trial, '--plan', f.plan);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read');
    expect(r.stderr).toContain('"population.targetSample.file": "nonexistent.csv"');
  });

  it('a text cell in a number column, and a level the trial lacks: refused (exit 2), as analyze refuses them', async () => {
    const text = folder((s) => s.replace(/^(\d+),/m, '52 år,'));
    const a = await runCli('validate', text.trial, '--plan', text.plan);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('"52 år" — expected a number');
    const level = folder((s) => s.replace(/,NO\n/, ',SE\n'));
    const b = await runCli('validate', level.trial, '--plan', level.plan);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('expected the levels of the trial\'s "country"');
  });
});
