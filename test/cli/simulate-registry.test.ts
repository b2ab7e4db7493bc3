import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateEligible, simulateRegistry } from '../../src/simulate/registry.js';
import { runCli, tempDir } from '../support/run-cli.js';

describe('hta simulate registry', () => {
  it('is deterministic: same seed, same bytes (registry and eligible), equal to the library output', async () => {
    const dir = tempDir();
    const run = (name: string, seed: string) =>
      runCli('simulate', 'registry', '--rows', '2500', '--seed', seed, '--out', join(dir, `${name}.csv`), '--eligible-out', join(dir, `${name}-eligible.csv`));
    expect((await run('a', '11')).code).toBe(0);
    expect((await run('b', '11')).code).toBe(0);
    expect((await run('c', '12')).code).toBe(0);
    const read = (f: string) => readFileSync(join(dir, f), 'utf8');
    expect(read('a.csv')).toBe(read('b.csv'));
    expect(read('a-eligible.csv')).toBe(read('b-eligible.csv'));
    expect(read('a.csv')).not.toBe(read('c.csv'));
    expect(read('a.csv')).toBe(simulateRegistry({ rows: 2500, seed: 11 }));
    expect(read('a-eligible.csv')).toBe(simulateEligible({ seed: 11 }));
    expect(read('a.csv').trimEnd().split('\n')).toHaveLength(2501);
  });

  it('the bundled data/synthetic files are what the documented command makes', () => {
    // data/README.md: hta simulate registry --rows 20000 --seed 20240101 --out … --eligible-out …
    expect(readFileSync('data/synthetic/registry.csv', 'utf8')).toBe(simulateRegistry({ rows: 20_000, seed: 20240101 }));
    expect(readFileSync('data/synthetic/eligible.csv', 'utf8')).toBe(simulateEligible({ seed: 20240101 }));
  });

  it('rejects bad --rows and --seed with exit 2 and writes nothing', async () => {
    const dir = tempDir();
    for (const args of [['--rows', '0'], ['--rows', '1.5'], ['--seed', 'x']]) {
      const r = await runCli('simulate', 'registry', ...args, '--out', join(dir, 'r.csv'));
      expect(r.code).toBe(2);
    }
    expect(existsSync(join(dir, 'r.csv'))).toBe(false);
  });
});
