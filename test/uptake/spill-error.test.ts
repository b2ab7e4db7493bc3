/**
 * DuckDB's own failures to spill into its folder under TMPDIR, said as hta's temporary-folder
 * failures are (src/uptake/engine/spill-error.ts). The messages are DuckDB's own, as it wrote them
 * when provoked (a full tmpfs as TMPDIR; the same tmpfs remounted read-only while DuckDB ran).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { withDuckDb } from '../../src/uptake/engine/duckdb-session.js';
import { onEngineWarning } from '../../src/uptake/engine/engine-warning.js';
import { runCli, tempDir } from '../support/run-cli.js';
import { duckdb } from '../../src/uptake/engine/duckdb-api.js';
import { isOutOfMemory, isSpillFailure, memoryError, spillError } from '../../src/uptake/engine/spill-error.js';

const TMP = '/data/tmp';
const SPILL = join(TMP, 'hta-duckdb-Ab12Cd');
const advice = 'set TMPDIR to a writable folder with room to spare (TMPDIR=$HOME/tmp, say), or leave it unset';

/** DuckDB 1.x, a full TMPDIR: max_temp_directory_size defaults to the room left on its drive. */
const OFFLOAD = `Out of Memory Error: failed to offload data block of size 256.0 KiB (0 bytes/14.3 KiB used).
This limit was set by the 'max_temp_directory_size' setting.
By default, this setting utilizes the available disk space on the drive where the 'temp_directory' is located.
You can adjust this setting, by using (for example) PRAGMA max_temp_directory_size='10GiB'

Possible solutions:
* Reducing the number of threads (SET threads=X)
* Disabling insertion-order preservation (SET preserve_insertion_order=false)
* Increasing the memory limit (SET memory_limit='...GB')

See also https://duckdb.org/docs/stable/guides/performance/how_to_tune_workloads`;
const READ_ONLY = `IO Error: Cannot open file "${SPILL}/duckdb_temp_storage_S32K-0.tmp": Read-only file system`;
const FULL_WRITE = `IO Error: Could not write file "${SPILL}/duckdb_temp_storage_S32K-0.tmp": No space left on device`;
/** DuckDB's COPY … TO an output on a full disk: the output's failure, not the spill folder's. */
const OUTPUT_FULL = `IO Error: Could not write file "/home/u/out/tmp_.reg.parquet.4242-1a2b3c4d-9f8e7d6c.0123456789abcdef.tmp": No space left on device`;
/** Memory exhausted for another reason (the spill folder there): no TMPDIR problem to name. */
const PIN = `Out of Memory Error: failed to pin block of size 256.0 KiB (7.4 MiB/7.6 MiB used)

Possible solutions:
* Reducing the number of threads (SET threads=X)`;

describe('DuckDB\'s spill failures in hta\'s words', () => {
  it('a full TMPDIR (DuckDB: "failed to offload … max_temp_directory_size") names TMPDIR and what to set', () => {
    const err = spillError(new Error(OFFLOAD), SPILL);
    expect(err).toBeInstanceOf(HtaError);
    expect(err?.exitCode).toBe(2);
    expect(err?.message).toBe(`cannot write hta's temporary files in ${TMP} (TMPDIR): the disk is full — ${advice}`);
  });

  it('a spill file DuckDB cannot open or write: the system\'s reason, said of TMPDIR', () => {
    expect(spillError(new Error(READ_ONLY), SPILL)?.message).toBe(`cannot write hta's temporary files in ${TMP} (TMPDIR): the file system is read-only — ${advice}`);
    expect(spillError(new Error(FULL_WRITE), SPILL)?.message).toBe(`cannot write hta's temporary files in ${TMP} (TMPDIR): the disk is full — ${advice}`);
  });

  it('any other error passes unchanged: an output\'s path, memory exhausted, an HtaError', () => {
    expect(spillError(new Error(OUTPUT_FULL), SPILL)).toBeUndefined();
    expect(spillError(new Error(PIN), SPILL)).toBeUndefined();
    expect(spillError(new HtaError('input.invalid', 'x'), SPILL)).toBeUndefined();
    // A folder beside the spill folder whose name starts with its name is not inside it.
    expect(spillError(new Error(READ_ONLY.replace(SPILL, `${SPILL}x`)), SPILL)).toBeUndefined();
    expect(isSpillFailure(new Error(OFFLOAD))).toBe(true);
    expect(isSpillFailure(new Error(READ_ONLY))).toBe(true);
    expect(isSpillFailure(new Error(OUTPUT_FULL))).toBe(false);
    expect(isSpillFailure(new Error(PIN))).toBe(false);
  });

  it('withDuckDb says DuckDB\'s spill failure in these words (uptake and simulate --format parquet both run in it)', async () => {
    const err = await withDuckDb({ threads: 1 }, async () => {
      throw new Error(OFFLOAD);
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HtaError);
    expect((err as HtaError).message).toMatch(/^cannot write hta's temporary files in .* \(TMPDIR\): the disk is full — set TMPDIR/);
    // Anything else passes as it came.
    const other = new Error('Binder Error: no such column');
    expect(await withDuckDb({ threads: 1 }, async () => { throw other; }).catch((e: unknown) => e)).toBe(other);
  });

  it('memory used up for another reason (DuckDB: "could not allocate block", "failed to pin block") names --memory-limit and what to change, exit 2', () => {
    // DuckDB 1.5, as `hta uptake … --memory-limit 64MiB --threads 2` met it with room on TMPDIR.
    const ALLOC = `Out of Memory Error: could not allocate block of size 256.0 KiB (63.9 MiB/64.0 MiB used)

Possible solutions:
* Reducing the number of threads (SET threads=X)
* Disabling insertion-order preservation (SET preserve_insertion_order=false)
* Increasing the memory limit (SET memory_limit='...GB')`;
    for (const message of [ALLOC, PIN]) {
      const err = memoryError(new Error(message), '64MiB');
      expect(err).toBeInstanceOf(HtaError);
      expect(err?.exitCode).toBe(2);
      expect(err?.message).toBe('the SQL engine ran out of memory (--memory-limit 64MiB): raise --memory-limit or lower --threads');
      expect(isOutOfMemory(new Error(message))).toBe(true);
    }
    // A full TMPDIR stays spillError's; anything else passes.
    expect(memoryError(new Error(OFFLOAD), '64MiB')).toBeUndefined();
    expect(isOutOfMemory(new Error(OFFLOAD))).toBe(false);
    expect(memoryError(new Error('Binder Error: no such column'), '64MiB')).toBeUndefined();
    // A command without --memory-limit (simulate registry --format parquet) names no option it lacks.
    expect(memoryError(new Error(ALLOC), undefined)?.message).toBe('the SQL engine ran out of memory (its limit: 1GB)');
  });

  it('withDuckDb says a real out-of-memory in these words, not "internal error … a bug in hta"', { timeout: 60_000 }, async () => {
    // One list of 30 million numbers is one value: DuckDB cannot spill it, and 64 MiB cannot hold it.
    const err = await withDuckDb({ memoryLimit: '64MiB', threads: 1 }, async (db) => {
      await db.run('SELECT len(list(range)) FROM range(30000000)');
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HtaError);
    expect((err as HtaError).message).toBe('the SQL engine ran out of memory (--memory-limit 64MiB): raise --memory-limit or lower --threads');
  });

  it('a failure to close DuckDB after a failed run never hides the run\'s own error; after a good run it is a warning and the result stands; the database is closed either way', async () => {
    // Closing fails as it would on a broken spill folder: the connection's close, then the database's.
    const conn = duckdb.DuckDBConnection.prototype;
    const inst = duckdb.DuckDBInstance.prototype;
    const real = { conn: conn.closeSync, inst: inst.closeSync };
    let instanceClosed = 0;
    conn.closeSync = function (this: typeof conn) {
      real.conn.call(this);
      throw new Error('IO Error: could not close the connection');
    };
    inst.closeSync = function (this: typeof inst) {
      instanceClosed++;
      real.inst.call(this);
    };
    const warnings: string[] = [];
    onEngineWarning((t) => warnings.push(t));
    try {
      const own = new Error('Binder Error: no such column');
      expect(await withDuckDb({ threads: 1 }, async () => { throw own; }).catch((e: unknown) => e)).toBe(own);
      // A spill failure is still said in hta's words, not replaced by the failure to close.
      const spill = await withDuckDb({ threads: 1 }, async () => { throw new Error(OFFLOAD); }).catch((e: unknown) => e);
      expect((spill as HtaError).message).toMatch(/^cannot write hta's temporary files in .* \(TMPDIR\): the disk is full/);
      expect(warnings).toEqual([]);
      // Nothing else went wrong: the run's result is complete and returned; the failure to close is a warning.
      const closing = await withDuckDb({ threads: 1 }, async (db) => (await db.runAndReadAll('SELECT 41 + 1 AS n')).getRows()[0]![0]);
      expect(closing).toBe(42);
      expect(warnings).toEqual(["warning: the SQL engine (DuckDB) failed to close after the run: IO Error: could not close the connection; the run's results are complete and are used.\n"]);
      expect(instanceClosed).toBe(3);
    } finally {
      conn.closeSync = real.conn;
      inst.closeSync = real.inst;
      onEngineWarning((t) => process.stderr.write(t));
    }
  });

  it('through the CLI: simulate registry --format parquet whose DuckDB fails to close (a read-only TMPDIR) writes its file, warns, exit 0 — no internal error', async () => {
    const conn = duckdb.DuckDBConnection.prototype;
    const real = conn.closeSync;
    conn.closeSync = function (this: typeof conn) {
      real.call(this);
      throw new Error('IO Error: Could not remove file "/tmp/x/duckdb_temp_storage-0.tmp": Read-only file system');
    };
    try {
      const dir = tempDir();
      const out = join(dir, 'r.parquet');
      const r = await runCli('simulate', 'registry', '--rows', '50', '--format', 'parquet', '--out', out);
      expect(r.stderr).not.toMatch(/internal error|    at /);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/^warning: the SQL engine \(DuckDB\) failed to close after the run: IO Error: Could not remove file .*Read-only file system; the run's results are complete and are used\.\n/m);
      expect(statSync(out).size).toBeGreaterThan(0);
      expect(readdirSync(dir)).toEqual(['r.parquet']);
    } finally {
      conn.closeSync = real;
    }
  });
});
