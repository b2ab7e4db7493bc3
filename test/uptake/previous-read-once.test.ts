/**
 * `hta uptake <registry> --audit --previous a.json --previous b.json` read each earlier
 * publication three times (the run's known counts, the audit's known counts again, and the
 * audit's other cuts of the same extract). Each is now read and parsed once; the audit says the
 * same (docs/disclosure-control.md "Publishing again").
 */
import fs, { readFileSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

/**
 * Counts the whole-file reads of node:fs during `run`, by file. Patching the builtin and syncing
 * its ESM exports reaches every module's `import { readFileSync } from 'node:fs'` without a
 * vi.mock (which would need a module graph of this file's own: seconds of imports); restored after.
 */
async function countingReads<T>(run: () => Promise<T>): Promise<{ result: T; reads: Map<string, number> }> {
  const reads = new Map<string, number>();
  const real = { readFileSync: fs.readFileSync, readFile: fs.promises.readFile };
  const count = (file: unknown) => {
    if (typeof file === 'string') reads.set(resolve(file), (reads.get(resolve(file)) ?? 0) + 1);
  };
  fs.readFileSync = ((file: unknown, ...rest: unknown[]) => (count(file), (real.readFileSync as (...a: unknown[]) => unknown)(file, ...rest))) as typeof fs.readFileSync;
  fs.promises.readFile = ((file: unknown, ...rest: unknown[]) => (count(file), (real.readFile as (...a: unknown[]) => unknown)(file, ...rest))) as typeof fs.promises.readFile;
  syncBuiltinESMExports();
  try {
    return { result: await run(), reads };
  } finally {
    fs.readFileSync = real.readFileSync;
    fs.promises.readFile = real.readFile;
    syncBuiltinESMExports();
  }
}

const FIX = 'test/uptake/fixtures/same-extract';

describe('hta uptake --audit --previous', () => {
  it('reads each earlier publication once, and audits as before', async () => {
    const dir = tempDir();
    const plan = JSON.parse(readFileSync(join(FIX, 'plan.json'), 'utf8')) as Record<string, unknown>;
    const cuts = { monthly: { months: true, clinics: true, equity: [] }, equity: { months: false, clinics: false, equity: ['sex', 'ageBand'] } };
    for (const [name, publish] of Object.entries(cuts)) writeFileSync(join(dir, `${name}.plan.json`), JSON.stringify({ ...plan, publish }));
    const uptake = (cut: string, ...rest: string[]) => runCli('uptake', join(FIX, 'registry.csv'), '--eligible', join(FIX, 'eligible.csv'), '--plan', join(dir, `${cut}.plan.json`), ...rest);
    // a: the monthly cut; b: the yearly equity cut of the same extract, protected against a.
    const a = join(dir, 'a.json'), b = join(dir, 'b.json');
    const first = await uptake('monthly', '--json');
    expect(first.code, first.stderr).toBe(0);
    writeFileSync(a, first.stdout);
    const second = await uptake('equity', '--json', '--previous', a);
    expect(second.code, second.stderr).toBe(0);
    writeFileSync(b, second.stdout);
    const { result: r, reads } = await countingReads(() => uptake('monthly', '--audit', '--previous', a, '--previous', b));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Other cuts of the same extract (same export date), read with it as one publication: ${a}, ${b}.`);
    expect(r.stdout).toContain('Suppressed cells narrower than 5: 0 (none)');
    expect([reads.get(resolve(a)), reads.get(resolve(b))]).toEqual([1, 1]);
  }, 90_000);
});
