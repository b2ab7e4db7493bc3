/**
 * A plan's missing-value codes are matched from one table, whatever their number: a plan (under
 * the 10 MB limit) with 400,000 `missingCodes` made `validate` take 115 s and 1.9 GB, since every
 * column built its own table of every plan-wide code (columns × codes). Measured against `plan
 * check` of the same plan, which reads and checks its codes once, so a loaded machine slows both
 * alike (without the fix: plan check 3.0 s, validate 30.7 s; with it about the same time).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

const data = new URL('../../data/synthetic/selfback-trial.csv', import.meta.url).pathname;
const plan = JSON.parse(readFileSync(new URL('../../data/plans/selfback.plan.json', import.meta.url), 'utf8')) as Record<string, unknown>;

async function seconds(...argv: string[]): Promise<number> {
  const start = performance.now();
  const run = await runCli(...argv);
  expect(run.code, run.stderr).toBe(0);
  return (performance.now() - start) / 1000;
}

describe('a plan with 150,000 missing-value codes', () => {
  it('is validated in a few times the time its plan is checked', async () => {
    const dir = tempDir();
    const codes = Array.from({ length: 150_000 }, (_, i) => `x${i}`);
    writeFileSync(join(dir, 'codes.json'), JSON.stringify({ ...plan, missingCodes: [...((plan.missingCodes as string[] | undefined) ?? []), ...codes] }));
    await seconds('validate', data, '--plan', join(dir, 'codes.json')); // warm-up
    const check = await seconds('plan', 'check', join(dir, 'codes.json'));
    const validate = await seconds('validate', data, '--plan', join(dir, 'codes.json'));
    expect(validate / check, `plan check ${check.toFixed(2)} s, validate ${validate.toFixed(2)} s`).toBeLessThan(4);
  }, 240_000);
});
