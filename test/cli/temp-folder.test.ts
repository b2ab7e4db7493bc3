/**
 * hta's own temporary folder (DuckDB's spill folder, the CSV simulate converts to Parquet) cannot
 * be made under TMPDIR — missing, a file, read-only, full: the message says it is hta's temporary
 * folder under TMPDIR and to set TMPDIR to a writable folder, not "write somewhere else" about a
 * path the user never gave (src/io/temp-folder.ts; docs/output-safety.md).
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

const FX = 'test/uptake/fixtures';

/** Runs the CLI with TMPDIR set to `tmp` (os.tmpdir() reads it on every call), restored after. */
async function withTmpdir(tmp: string, ...argv: string[]) {
  const before = process.env.TMPDIR;
  process.env.TMPDIR = tmp;
  try {
    return await runCli(...argv);
  } finally {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
  }
}

describe.runIf(process.platform !== 'win32')('hta\'s temporary folder under TMPDIR cannot be made', () => {
  it('uptake (the SQL engine\'s spill folder) and simulate registry --format parquet name TMPDIR and what to set', async () => {
    const dir = tempDir();
    const missing = join(dir, 'no-such-tmp');
    const aFile = join(dir, 'tmp-is-a-file');
    writeFileSync(aFile, 'not a folder\n');
    for (const [tmp, reason] of [[missing, 'it does not exist'], [aFile, 'a part of the path is a file, where a folder is needed']] as const) {
      const uptake = await withTmpdir(tmp, 'uptake', `${FX}/registry-small.csv`, '--eligible', `${FX}/eligible-small.csv`, '--plan', 'data/plans/uptake.plan.json', '--csv-dir', join(dir, 'tables'));
      expect(uptake.code, uptake.stderr).toBe(2);
      expect(uptake.stderr).toBe(`error: cannot make hta's temporary folder in ${tmp} (TMPDIR): ${reason} — set TMPDIR to a writable folder with room to spare (TMPDIR=$HOME/tmp, say), or leave it unset\n`);
      const parquet = await withTmpdir(tmp, 'simulate', 'registry', '--rows', '10', '--format', 'parquet', '--out', join(dir, 'r.parquet'));
      expect(parquet.code, parquet.stderr).toBe(2);
      expect(parquet.stderr).toContain(`cannot make hta's temporary folder in ${tmp} (TMPDIR): ${reason} — set TMPDIR`);
    }
    // Nothing written: no tables folder, no Parquet file.
    expect(readdirSync(dir).sort()).toEqual(['tmp-is-a-file']);
  });
});
