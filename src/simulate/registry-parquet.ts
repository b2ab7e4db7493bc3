/**
 * The synthetic registry as Parquet (`hta simulate registry --format parquet`): the CSV lines of
 * `simulateRegistryLines` go to a private temporary file, and DuckDB converts them with typed
 * columns (dates as DATE, age as INTEGER) by `COPY … TO … (FORMAT parquet)` into the output's
 * staging file, renamed into place only when complete (docs/output-safety.md). Rows keep their
 * order, so the same seed gives the same rows as the CSV.
 */
import { join } from 'node:path';
import { inTempFolder, makeTempFolder } from '../io/temp-folder.js';
import { produceFileAtomic, writeLinesAtomic, type WriteOptions } from '../io/write-atomic.js';
import { discardStagingFolder, registerStagingFolder } from '../io/staging-files.js';
import { withDuckDb, sqlText } from '../uptake/engine/duckdb-session.js';
import { literalPath } from '../uptake/engine/literal-path.js';
import { simulateRegistryLines, type RegistrySimulationOptions } from './registry.js';

/** The Parquet column types of the registry (docs/input-registry.md). */
const PARQUET_COLUMNS = "{'id': 'VARCHAR', 'region': 'VARCHAR', 'clinic': 'VARCHAR', 'referred': 'DATE', 'activated': 'DATE', 'last_active': 'DATE', 'age': 'INTEGER', 'sex': 'VARCHAR', 'referrer': 'VARCHAR'}";

/** Writes the simulated registry to `path` as Parquet; returns the number of referrals. */
export async function writeRegistryParquet(path: string, options: RegistrySimulationOptions, limits: { memoryLimit?: string; threads?: number } = {}, write: WriteOptions = {}): Promise<number> {
  const dir = makeTempFolder('hta-simulate-');
  // Ctrl-C or kill while DuckDB converts removes the CSV's folder too (docs/output-safety.md).
  registerStagingFolder(dir);
  try {
    const csv = join(dir, 'registry.csv');
    const lines = await inTempFolder(dir, () => writeLinesAtomic(csv, simulateRegistryLines(options)));
    await produceFileAtomic(path, (staging) => withDuckDb(limits, async (db) => {
      // The engine's sessions let DuckDB reorder rows; here the file order is the output.
      await db.run('SET preserve_insertion_order = true');
      // The temporary folder's path may hold `[` (a user name): read literally (literal-path.ts).
      await db.run(`COPY (SELECT * FROM read_csv(${sqlText(await literalPath(db, csv))}, header = true, auto_detect = false, delim = ',', quote = '"', columns = ${PARQUET_COLUMNS}))
        TO ${sqlText(staging)} (FORMAT parquet, COMPRESSION zstd)`);
    }), write);
    return lines - 1;
  } finally {
    discardStagingFolder(dir);
  }
}
