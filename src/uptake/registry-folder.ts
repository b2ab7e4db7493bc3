/**
 * The INT96 columns (Spark's timestamps: UTC instants) of Parquet files given as the registry in a
 * way hta does not read — a Spark folder, or several files — so that the DuckDB command hta prints
 * to write them as one file keeps them instants (io/parquet-folder.ts `keepInstants`). It needs
 * DuckDB, which the path checks of every command (cli/guard-output.ts) do not open: `hta uptake`
 * looks first, and its refusal is the one those checks would give, with the columns kept.
 */
import { statSync } from 'node:fs';
import { HtaError } from '../errors.js';
import { escapeGlob } from '../io/glob-escape.js';
import { parquetFolderAdvice, parquetFolderGlob } from '../io/parquet-folder.js';
import { sqlText } from '../io/sql-text.js';
import { withDuckDb } from './engine/duckdb-session.js';
import { int96Columns } from './engine/parquet-columns.js';

const int96Of = (paths: string) => withDuckDb({ threads: 1 }, (db) => int96Columns(db, paths));

/** The top-level INT96 columns of Parquet files `files` (none unless every one is named .parquet). */
export async function filesInt96(files: readonly string[]): Promise<string[]> {
  if (!files.every((f) => /\.parquet$/i.test(f))) return [];
  return int96Of(`[${files.map((f) => sqlText(escapeGlob(f))).join(', ')}]`);
}

/** The refusal of folder `dir` given as the registry, when it holds Parquet files or is a Delta or Iceberg table; undefined otherwise. */
export async function registryFolderError(dir: string): Promise<HtaError | undefined> {
  try {
    if (!statSync(dir).isDirectory()) return undefined;
  } catch {
    return undefined;
  }
  const glob = parquetFolderGlob(dir);
  const advice = parquetFolderAdvice(dir, '<registry>', process.cwd(), glob === undefined ? [] : await int96Of(glob));
  return advice === undefined ? undefined : new HtaError('input.unreadable', `cannot read <registry> ${dir}: ${advice}`);
}
