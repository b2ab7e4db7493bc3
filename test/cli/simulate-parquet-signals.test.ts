/**
 * `hta simulate registry --format parquet` writes its CSV into a private temporary folder
 * (`hta-simulate-…`) that DuckDB then converts: that folder is on the process-wide cleanup list
 * (io/staging-files.ts) for the whole conversion, so Ctrl-C or SIGTERM while DuckDB runs removes
 * it as it removes DuckDB's spill folder (docs/output-safety.md; the signal handling itself is
 * tested in test/io/staging-signals.test.ts). An interrupted run left the folder in TMPDIR.
 * (A test that signalled a 1,000,000-row conversion took ~12 s; this one checks the wiring.)
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../support/run-cli.js';

const seen = vi.hoisted(() => ({ registered: [] as string[], discarded: [] as { folder: string; held: string[] }[] }));

vi.mock('../../src/io/staging-files.js', async (original) => {
  const m = await original<typeof import('../../src/io/staging-files.js')>();
  return {
    ...m,
    registerStagingFolder: (folder: string) => {
      seen.registered.push(folder);
      m.registerStagingFolder(folder);
    },
    discardStagingFolder: (folder: string) => {
      // What the folder held while registered: the CSV DuckDB read.
      seen.discarded.push({ folder, held: readdirSync(folder) });
      m.discardStagingFolder(folder);
    },
  };
});

const { writeRegistryParquet } = await import('../../src/simulate/registry-parquet.js');

describe('hta simulate registry --format parquet', () => {
  it('keeps its CSV in a temporary folder registered for removal on a signal during the whole conversion, and removes it after', async () => {
    const out = join(tempDir(), 'registry.parquet');
    const rows = await writeRegistryParquet(out, { rows: 200, seed: 1 });
    expect(rows).toBe(200);
    expect(existsSync(out)).toBe(true);
    const simulate = seen.registered.filter((f) => basename(f).startsWith('hta-simulate-'));
    expect(simulate).toHaveLength(1);
    const folder = simulate[0]!;
    expect(seen.discarded.find((d) => d.folder === folder)?.held).toEqual(['registry.csv']);
    expect(existsSync(folder)).toBe(false);
  });
});
