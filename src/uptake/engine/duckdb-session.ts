/**
 * One embedded DuckDB per run (docs/uptake-aggregates.md "Engine"): in memory, with a memory
 * limit and a thread count, spilling to a private temporary folder under the OS temp folder that
 * is removed when the run ends, also on error. Extensions are neither downloaded nor loaded: CSV,
 * Parquet and JSON are built into the binary, and a run must never reach the network.
 */
import { availableParallelism } from 'node:os';
import { makeTempFolder } from '../../io/temp-folder.js';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { duckdb } from './duckdb-api.js';
import { DEFAULT_MEMORY_LIMIT, type EngineLimits } from './engine-limits.js';
import { discardStagingFolder, registerStagingFolder } from '../../io/staging-files.js';
import { timingsWanted, withStatementTimings } from './statement-timings.js';
import { beginNativeWork } from '../../native-work.js';
import { memoryError, spillError } from './spill-error.js';

/** Opens the database, runs `work`, and closes it and removes its temporary folder whatever happens. */
export async function withDuckDb<T>(limits: EngineLimits, work: (db: DuckDBConnection) => Promise<T>): Promise<T> {
  let instance: DuckDBInstance | undefined;
  let connection: DuckDBConnection | undefined;
  // Whether the run itself failed: its error is the one to report, never a failure to close after it.
  let failed = false;
  // Counted while open, so that a stopping run interrupts it instead of terminating its worker
  // thread under it, which would abort the process (native-work.ts).
  const end = beginNativeWork({ interrupt: () => connection?.interrupt() });
  const spill = makeTempFolder('hta-duckdb-');
  // Ctrl-C or kill during a long run removes the spill folder too (docs/output-safety.md).
  registerStagingFolder(spill);
  try {
    instance = await duckdb.DuckDBInstance.create(':memory:', {
      memory_limit: limits.memoryLimit ?? DEFAULT_MEMORY_LIMIT,
      threads: String(limits.threads ?? availableParallelism()),
      temp_directory: spill,
      // No result depends on row order (every table is keyed, and sorted in TypeScript); keeping
      // the file's order would make DuckDB buffer rows it could otherwise stream.
      preserve_insertion_order: 'false',
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
      enable_external_access: 'true',
    });
    connection = await instance.connect();
    return await work(timingsWanted() ? withStatementTimings(connection) : connection);
  } catch (err) {
    failed = true;
    // DuckDB's failure to spill into its folder (a full or read-only TMPDIR), said as hta's own
    // temporary-folder failures are: TMPDIR and what to set (spill-error.ts).
    // Memory used up for any other reason: the user's --memory-limit and what to change.
    throw spillError(err, spill) ?? memoryError(err, limits.memoryLimit) ?? err;
  } finally {
    try {
      closeAll(connection, instance, failed);
    } finally {
      discardStagingFolder(spill);
      end();
    }
  }
}

/**
 * Closes the connection and the database, both tried whatever the first does. A failure to close
 * after a failed run is dropped: the run's own error (a full TMPDIR, a file DuckDB cannot read)
 * says what the user must fix, and a `finally` that threw would replace it with DuckDB's words
 * about closing. After a run that succeeded, the first failure to close is thrown.
 */
function closeAll(connection: DuckDBConnection | undefined, instance: DuckDBInstance | undefined, failed: boolean): void {
  let closeError: unknown;
  for (const c of [connection, instance]) {
    try {
      c?.closeSync();
    } catch (err) {
      closeError ??= err;
    }
  }
  if (closeError !== undefined && !failed) throw closeError;
}

export { sqlText } from '../../io/sql-text.js';
