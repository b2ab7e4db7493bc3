/**
 * A plan's missing-value codes are matched from one table, whatever their number: a plan (under
 * the 10 MB limit) with 400,000 `missingCodes` made `validate` take 115 s and 1.9 GB, since every
 * column built its own table of every plan-wide code (columns × codes). Measured against the same
 * run without the codes, so a loaded machine slows both alike.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

const data = new URL('../../data/synthetic/selfback-trial.csv', import.meta.url).pathname;
const plan = JSON.parse(readFileSync(new URL('../../data/plans/selfback.plan.json', import.meta.url), 'utf8')) as Record<string, unknown>;

async function validateSeconds(file: string): Promise<number> {
  const start = performance.now();
  const run = await runCli('validate', data, '--plan', file);
  expect(run.code, run.stderr).toBe(0);
  return (performance.now() - start) / 1000;
}

describe('a plan with 150,000 missing-value codes', () => {
  it('is read in a few times the time of the same plan without them, and its codes still apply', async () => {
    const dir = tempDir();
    const codes = Array.from({ length: 150_000 }, (_, i) => `x${i}`);
    writeFileSync(join(dir, 'plain.json'), JSON.stringify(plan));
    writeFileSync(join(dir, 'codes.json'), JSON.stringify({ ...plan, missingCodes: [...((plan.missingCodes as string[] | undefined) ?? []), ...codes] }));
    await validateSeconds(join(dir, 'plain.json')); // warm-up
    const plain = await validateSeconds(join(dir, 'plain.json'));
    const many = await validateSeconds(join(dir, 'codes.json'));
    expect(many / plain, `${plain.toFixed(2)} s, then ${many.toFixed(2)} s`).toBeLessThan(10);
  }, 240_000);
});
