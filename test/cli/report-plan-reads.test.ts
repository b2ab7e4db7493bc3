/**
 * `hta report` checks its inputs before it builds anything: the files the entries name, the files
 * their plans name (io/input-files.ts), the plans' missing files and each report's input hashes.
 * Those walks asked the same plans again and again — for the bundled manifest ~25 reads of four
 * small plans on the main thread before the first report, and a CEA entry's plan again at each of
 * its en and da entries' prefetch and build (docs/architecture.md#the-cost-of-a-cold-regeneration).
 * Each plan is now read once by the checks and once by the CEA entries' confinement.
 */
import { readFileSync as realReadFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const reads = new Map<string, number>();
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const readFileSync = ((path: unknown, ...rest: unknown[]) => {
    if (typeof path === 'string' && path.endsWith('.json')) reads.set(path, (reads.get(path) ?? 0) + 1);
    return (fs.readFileSync as (...a: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.readFileSync;
  return { ...fs, default: { ...fs, readFileSync }, readFileSync };
});

const { ceaFixture } = await import('../support/cea-fixture.js');
const { runCli } = await import('../support/run-cli.js');

afterEach(() => reads.clear());

describe('hta report reads each plan once for its input checks', () => {
  it('a CEA plan and its trial plan named by an en and a da entry: each read a few times, not once per walk and entry', async () => {
    const f = ceaFixture();
    const manifest = join(f.dir, 'reports.json');
    writeFileSync(manifest, JSON.stringify({ reports: [
      { id: 'cea', kind: 'cea', out: 'cea', lang: 'en', data: 'export.csv', plan: 'cea.json', replicates: 100 },
      { id: 'cea-da', kind: 'cea', out: 'cea-da', lang: 'da', data: 'export.csv', plan: 'cea.json', replicates: 100 },
    ] }));
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
    // The pages are those of a run that read them as often (the same bytes: hta report --check).
    expect(realReadFileSync(join(f.dir, 'reports', 'cea', 'results.json'), 'utf8')).toContain('"replicates"');
  }, 120_000);
});
