/**
 * `hta report` checks its inputs before it builds anything: the files the entries name, the files
 * their plans name (io/input-files.ts), the plans' missing files and each report's input hashes.
 * Those walks asked the same plans again and again — for the bundled manifest ~25 reads of four
 * small plans on the main thread before the first report, and a CEA entry's plan again at each of
 * its en and da entries' prefetch and build (docs/architecture.md#the-cost-of-a-cold-regeneration).
 * Each plan is now read once by the checks and once by the CEA entries' confinement.
 */
import fs, { readFileSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ceaFixture } from '../support/cea-fixture.js';
import { runCli } from '../support/run-cli.js';

// Reads are counted by patching node:fs and syncing its ESM exports (every module's
// `import { readFileSync } from 'node:fs'` sees the patch), not by vi.mock: the file runs in the
// shared module graph (vitest.config.ts), where a mock would miss the modules already imported.
const reads = new Map<string, number>();
const checkReads = new Map<string, number>();
const real = fs.readFileSync;
beforeAll(() => {
  Error.stackTraceLimit = 60;
  fs.readFileSync = ((path: unknown, ...rest: unknown[]) => {
    if (typeof path === 'string' && path.endsWith('.json')) reads.set(path, (reads.get(path) ?? 0) + 1);
    // The input checks' own reads: the walks over the files plans name and the value sets' (report.ts).
    if (typeof path === 'string' && path.endsWith('.json') && /\b(namedFilesOf|valueSetsOf)\b/.test(new Error().stack ?? '') && !/\bnestedInputPaths\b/.test(new Error().stack ?? '')) checkReads.set(path, (checkReads.get(path) ?? 0) + 1);
    return (real as (...a: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.readFileSync;
  syncBuiltinESMExports();
});
afterAll(() => {
  Error.stackTraceLimit = 10;
  fs.readFileSync = real;
  syncBuiltinESMExports();
});

describe('hta report reads each plan once for its input checks', () => {
  it('a CEA plan and its trial plan named by an en and a da entry: each read a few times, not once per walk and entry', async () => {
    const f = ceaFixture();
    const manifest = join(f.dir, 'reports.json');
    writeFileSync(manifest, JSON.stringify({ reports: [
      { id: 'cea', kind: 'cea', out: 'cea', lang: 'en', data: 'export.csv', plan: 'cea.json', replicates: 100 },
      { id: 'cea-da', kind: 'cea', out: 'cea-da', lang: 'da', data: 'export.csv', plan: 'cea.json', replicates: 100 },
    ] }));
    reads.clear();
    const r = await runCli('report', '--manifest', manifest, '--out', join(f.dir, 'reports'), '--no-cache');
    expect(r.code, r.stderr).toBe(0);
    const ceaPlan = reads.get(f.plan) ?? 0;
    const trialPlan = reads.get(join(f.dir, 'trial.plan.json')) ?? 0;
    // Read at all (the run is the one measured), and then: once by the checks, once for both
    // entries' confinement, once by the analysis (shared by the two entries) — with each walk and
    // entry reading them again, the CEA plan was read 11 times.
    expect(ceaPlan).toBeGreaterThan(0);
    expect(ceaPlan).toBeLessThanOrEqual(4);
    expect(trialPlan).toBeLessThanOrEqual(4);
    expect(readFileSync(join(f.dir, 'reports', 'cea', 'results.json'), 'utf8')).toContain('"replicates"');
  }, 120_000);

  it('report --check reads each plan once: the trial plan is asked for its EQ-5D value sets by the same reader as for the files it names', async () => {
    const f = ceaFixture();
    const manifest = join(f.dir, 'reports.json');
    writeFileSync(manifest, JSON.stringify({ reports: [
      { id: 'cea', kind: 'cea', out: 'cea', lang: 'en', data: 'export.csv', plan: 'cea.json', replicates: 100 },
      { id: 'cea-da', kind: 'cea', out: 'cea-da', lang: 'da', data: 'export.csv', plan: 'cea.json', replicates: 100 },
    ] }));
    const built = await runCli('report', '--manifest', manifest, '--out', join(f.dir, 'reports'), '--no-cache');
    expect(built.code, built.stderr).toBe(0);
    checkReads.clear();
    const r = await runCli('report', '--manifest', manifest, '--out', join(f.dir, 'reports'), '--check');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toMatch(/up to date/);
    // The checks' reads only (the build's and the CEA entries' confinement are their own): the
    // value sets' read of the trial plan had been a second one, beside namedFilesOnce's.
    expect(checkReads.get(f.plan)).toBe(1);
    expect(checkReads.get(join(f.dir, 'trial.plan.json'))).toBe(1);
  }, 120_000);
});
