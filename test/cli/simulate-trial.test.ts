import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

describe('hta simulate trial', () => {
  it('regenerates the bundled export byte for byte with the default seed', async () => {
    const out = join(tempDir(), 't.csv');
    const r = await runCli('simulate', 'trial', '--out', out);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync('data/synthetic/selfback-trial.csv', 'utf8'));
  });
  it('same seed, same bytes; another seed, other bytes', async () => {
    const dir = tempDir();
    await runCli('simulate', 'trial', '--seed', '5', '--out', join(dir, 'a.csv'));
    await runCli('simulate', 'trial', '--seed', '5', '--out', join(dir, 'b.csv'));
    await runCli('simulate', 'trial', '--seed', '6', '--out', join(dir, 'c.csv'));
    const [a, b, c] = ['a', 'b', 'c'].map((n) => readFileSync(join(dir, `${n}.csv`), 'utf8'));
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
  it('rejects a non-integer seed', async () => {
    const r = await runCli('simulate', 'trial', '--seed', '1.5', '--out', join(tempDir(), 'x.csv'));
    expect(r.code).toBe(2);
  });
});
