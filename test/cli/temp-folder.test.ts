/**
 * hta's own temporary folder (DuckDB's spill folder, the CSV simulate converts to Parquet) cannot
 * be made under TMPDIR — missing, a file (read-only is checked by hand, as root can write anywhere) —
 * or the disk under it fills while hta writes there (a small tmpfs, when this test may mount one): the message says it is hta's temporary
 * folder under TMPDIR and to set TMPDIR to a writable folder, not "write somewhere else" about a
 * path the user never gave (src/io/temp-folder.ts; docs/output-safety.md).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { inTempFolder } from '../../src/io/temp-folder.js';
import { liveStagingFolders } from '../../src/io/staging-files.js';
import { HOST_TAG } from '../../src/io/stale-staging.js';
import { withDuckDb } from '../../src/uptake/engine/duckdb-session.js';
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

/** A tmpfs of 64 KiB at `dir`, already filled; false where this process may not mount one (not root, no tmpfs). */
function smallFullTmpfs(dir: string): boolean {
  mkdirSync(dir);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return false;
  }
  try {
    execFileSync('dd', ['if=/dev/zero', `of=${join(dir, 'fill')}`, 'bs=1k', 'count=70'], { stdio: 'ignore' });
  } catch {
    // dd fails once the file system is full: that is the point.
  }
  return true;
}

describe.runIf(process.platform !== 'win32')('the disk under hta\'s temporary folder fills while hta writes there', () => {
  it('a write that runs out of room in a temporary folder names TMPDIR and what to set', async () => {
    const dir = tempDir();
    const tmp = join(dir, 'hta-x-abc');
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', path: join(tmp, 'registry.csv') });
    const err = await inTempFolder(tmp, async () => { throw full; }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HtaError);
    expect((err as HtaError).message).toBe(`cannot write hta's temporary files in ${dir} (TMPDIR): the disk is full — set TMPDIR to a writable folder with room to spare (TMPDIR=$HOME/tmp, say), or leave it unset`);
    // Any other failure passes unchanged.
    const other = Object.assign(new Error('EACCES'), { code: 'EACCES' });
    expect(await inTempFolder(tmp, async () => { throw other; }).catch((e: unknown) => e)).toBe(other);
  });

  it('simulate --format parquet and uptake of a Latin-1 registry on a full TMPDIR (tmpfs; run as root only)', async () => {
    const dir = tempDir();
    const small = join(dir, 'small');
    if (!smallFullTmpfs(small)) return;
    try {
      const parquet = await withTmpdir(small, 'simulate', 'registry', '--rows', '1000', '--format', 'parquet', '--out', join(dir, 'sim.parquet'));
      expect(parquet.code, parquet.stderr).toBe(2);
      expect(parquet.stderr).toBe(`error: cannot write hta's temporary files in ${small} (TMPDIR): the disk is full — set TMPDIR to a writable folder with room to spare (TMPDIR=$HOME/tmp, say), or leave it unset\n`);
      expect(existsSync(join(dir, 'sim.parquet'))).toBe(false);
    } finally {
      execFileSync('umount', [small], { stdio: 'ignore' });
    }
  });

  it('uptake whose SQL engine spills onto a full TMPDIR (tmpfs; run as root only): TMPDIR named, not DuckDB\'s "max_temp_directory_size"', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    // 20,000 referrals: with --memory-limit 64MiB and one thread the engine offloads blocks to its
    // spill folder (2,000 did until the engine built its lookup types from the values it had decided).
    const sim = await runCli('simulate', 'registry', '--rows', '20000', '--out', join(dir, 'registry.csv'), '--eligible-out', join(dir, 'eligible.csv'));
    expect(sim.code, sim.stderr).toBe(0);
    const small = join(dir, 'small');
    if (!smallFullTmpfs(small)) return;
    try {
      const r = await withTmpdir(small, 'uptake', join(dir, 'registry.csv'), '--eligible', join(dir, 'eligible.csv'), '--plan', 'data/plans/uptake.plan.json', '--first-publication', '--memory-limit', '64MiB', '--threads', '1', '--csv-dir', join(dir, 'tables'));
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toBe(`error: cannot write hta's temporary files in ${small} (TMPDIR): the disk is full — set TMPDIR to a writable folder with room to spare (TMPDIR=$HOME/tmp, say), or leave it unset\n`);
      expect(existsSync(join(dir, 'tables'))).toBe(false);
      // The spill folder went with the run.
      expect(readdirSync(small)).toEqual(['fill']);
    } finally {
      execFileSync('umount', [small], { stdio: 'ignore' });
    }
  });
});

describe.runIf(process.platform !== 'win32')('TMPDIR turns read-only while the SQL engine spills there', () => {
  it('the TMPDIR line, exit 2, no stack trace: removing the spill folder fails too, and that never replaces the error (tmpfs; run as root only)', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const tmp = join(dir, 'tmp');
    mkdirSync(tmp);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', tmp], { stdio: 'ignore' });
    } catch {
      return; // not root, or no tmpfs here
    }
    const before = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      const err = await withDuckDb({ memoryLimit: '64MiB', threads: 1 }, async (db) => {
        // As a user's TMPDIR does when its disk is remounted read-only meanwhile: the spill folder exists, nothing can be written or removed there.
        execFileSync('mount', ['-o', 'remount,ro', tmp], { stdio: 'ignore' });
        // Over 64 MiB of rows: DuckDB must offload blocks into its spill folder.
        await db.run('CREATE TABLE t AS SELECT range AS x, md5(range::VARCHAR) || md5((range + 1)::VARCHAR) AS y FROM range(3000000)');
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(HtaError);
      expect((err as HtaError).exitCode).toBe(2);
      expect((err as HtaError).message).toBe(`cannot write hta's temporary files in ${tmp} (TMPDIR): the file system is read-only — set TMPDIR to a writable folder with room to spare (TMPDIR=$HOME/tmp, say), or leave it unset`);
      // The spill folder could not be removed: it is left, and not tried again by the exit handler.
      expect(readdirSync(tmp)).toEqual([expect.stringMatching(/^hta-duckdb-/)]);
      expect(liveStagingFolders()).toEqual([]);
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
      execFileSync('umount', [tmp], { stdio: 'ignore' });
    }
  });
});

describe('temporary folders an earlier run could not remove (a TMPDIR turned read-only, kill -9)', () => {
  it('the next run that makes one removes those of its own pattern whose process is gone, and nothing else', async () => {
    const tmp = join(tempDir(), 'tmp');
    mkdirSync(tmp);
    // A process id that ran and has ended.
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    const old = new Date(Date.now() - 60 * 60 * 1000);
    const plant = (name: string, age = old) => {
      mkdirSync(join(tmp, name));
      writeFileSync(join(tmp, name, 'duckdb_temp_block-1.block'), 'patient rows');
      utimesSync(join(tmp, name), age, age);
      return name;
    };
    const stale = [plant(`hta-duckdb-${gone}_${HOST_TAG}_Ab12Cd`), plant(`hta-worker-${gone}_${HOST_TAG}_Ef34Gh`)];
    const kept = [
      plant(`hta-duckdb-${process.ppid}_${HOST_TAG}_Ab12Cd`), // its process runs
      plant(`hta-duckdb-${gone}_0badf00d_Ab12Cd`), // another machine's or container's
      plant('hta-duckdb-Ab12Cd'), // an earlier hta's: whose, it cannot say
      plant(`hta-duckdb-${gone}_${HOST_TAG}_Ij56Kl`, new Date()), // changed moments ago
      plant(`other-${gone}_${HOST_TAG}_Ab12Cd`), // not hta's
    ];
    writeFileSync(join(tmp, `hta-duckdb-${gone}_${HOST_TAG}_Mn78Op`), 'a file, not a folder');
    const elsewhere = join(tempDir(), 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'mine.txt'), 'mine');
    symlinkSync(elsewhere, join(tmp, `hta-duckdb-${gone}_${HOST_TAG}_Qr90St`));
    kept.push(`hta-duckdb-${gone}_${HOST_TAG}_Mn78Op`, `hta-duckdb-${gone}_${HOST_TAG}_Qr90St`);
    const before = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      let during: string[] = [];
      await withDuckDb({ threads: 1 }, async () => {
        during = readdirSync(tmp);
      });
      // The run's own folder says whose it is.
      expect(during.filter((n) => !kept.includes(n) && !stale.includes(n))).toEqual([expect.stringMatching(new RegExp(`^hta-duckdb-${process.pid}_${HOST_TAG}_[A-Za-z0-9]{6}$`))]);
      expect(readdirSync(tmp).sort()).toEqual([...kept].sort());
      expect(readdirSync(elsewhere)).toEqual(['mine.txt']);
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
  });
});
