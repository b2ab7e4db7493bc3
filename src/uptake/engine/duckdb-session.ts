/**
 * One embedded DuckDB per run (docs/uptake-aggregates.md "Engine"): in memory, with a memory
 * limit and a thread count, spilling to a private temporary folder under the OS temp folder that
 * is removed when the run ends, also on error. Extensions are neither downloaded nor loaded: CSV,
 * Parquet and JSON are built into the binary, and a run must never reach the network.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { makeTempFolder } from '../../io/temp-folder.js';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { duckdb } from './duckdb-api.js';
import { DEFAULT_MEMORY_LIMIT, type EngineLimits } from './engine-limits.js';
import { discardStagingFolder, registerStagingFolder } from '../../io/staging-files.js';
import { timingsWanted, withStatementTimings } from './statement-timings.js';
import { beginNativeWork } from '../../native-work.js';
import { memoryError, spillError } from './spill-error.js';
import { engineWarning } from './engine-warning.js';

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
    let closeError: unknown;
    try {
      closeError = closeAll(connection, instance);
    } finally {
      discardStagingFolder(spill);
      end();
    }
    // After a failed run the run's own error is the one reported; after one that succeeded, its
    // results are complete and stand, and the failure to close is a warning (closeWarning).
    if (closeError !== undefined && !failed) engineWarning(closeWarning(closeError, spill));
  }
}

/**
 * DuckDB's failure to close after a run that succeeded (typically it cannot remove its spill
 * files: a TMPDIR turned read-only): the run's results were read before, complete, so they stand
 * and the run goes on; the user hears what failed and, when the spill folder could not be
 * removed either, that a later run removes it (docs/output-safety.md).
 */
function closeWarning(err: unknown, spill: string): string {
  const reason = (err instanceof Error ? err.message : String(err)).split('\n')[0];
  const left = existsSync(spill)
    ? ` Its temporary folder ${spill} could not be removed (is TMPDIR read-only or full?): a later hta run removes it once the process that made it has ended and it has not changed for 5 minutes.`
    : '';
  return `warning: the SQL engine (DuckDB) failed to close after the run: ${reason}; the run's results are complete and are used.${left}\n`;
}

/**
 * Closes the connection and the database, both tried whatever the first does, and returns the
 * first failure. It is never thrown: after a failed run the run's own error (a full TMPDIR, a
 * file DuckDB cannot read) says what the user must fix, and a `finally` that threw would replace
 * it with DuckDB's words about closing; after a run that succeeded it is a warning.
 */
function closeAll(connection: DuckDBConnection | undefined, instance: DuckDBInstance | undefined): unknown {
  let closeError: unknown;
  for (const c of [connection, instance]) {
    try {
      c?.closeSync();
    } catch (err) {
      closeError ??= err;
    }
  }
  return closeError;
}

export { sqlText } from '../../io/sql-text.js';
