/**
 * A Spark or Microsoft Fabric "Parquet file" is a folder (`udtræk.parquet/part-00000-….parquet`,
 * `_SUCCESS`): given where a file is read, it is named as such with how to make one file of it,
 * rather than "it is a folder" (docs/input-registry.md "Parquet"). hta reads one registry file:
 * every message names a row of it. Three kinds of folder get a command of their own:
 * - part files side by side: read together by name (`union_by_name`), the folders above left out
 *   of the columns (`hive_partitioning = false`: a `region=…` folder higher up would otherwise
 *   replace the files' own region column);
 * - a table split into folders by a column (`region=Hovedstaden/part-….parquet`, Spark's
 *   partitionBy): that column is only in the folder names, and is read from them;
 * - a Delta table (`_delta_log/`) or an Iceberg table (`metadata/`): its folder keeps the files of
 *   earlier versions too (rows since deleted or changed) until they are cleaned away, and only the
 *   table's log says which files are the table now. Reading every part file would bring the
 *   deleted rows back, so the table is read by its own reader. A part file of such a table is
 *   refused too (`parquetTablePartAdvice`): it is not the table.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { escapeGlob } from './glob-escape.js';
import { joinedFileName } from './joined-name.js';
import { sqlIdent, sqlText } from './sql-text.js';

/** The Parquet files directly in `dir` (sorted), or none when it cannot be listed. */
function parquetParts(dir: string): string[] {
  return entries(dir).filter((e) => e.isFile() && /\.parquet$/i.test(e.name)).map((e) => e.name).sort();
}

function entries(dir: string) {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/** A folder named `key=value`, as hive partitioning names one (Spark skips names starting with _ or .). */
const PARTITION_FOLDER = /^([^=_.][^=]*)=(.*)$/;

/** How deep a partitioned table's folders are followed (Spark's partitionBy of a few columns). */
const MAX_PARTITION_DEPTH = 8;

/** The Parquet files in `dir`'s partition folders (`region=…/`, any depth), with the folders' keys; undefined if none. */
function partitionedParts(dir: string): { files: number; keys: string[]; folders: string[] } | undefined {
  const keys: string[] = [];
  let files = 0;
  const walk = (at: string, depth: number) => {
    for (const e of entries(at)) {
      const m = PARTITION_FOLDER.exec(e.name);
      if (e.isDirectory() && m && depth < MAX_PARTITION_DEPTH) {
        if (!keys.includes(m[1]!)) keys.push(m[1]!);
        walk(join(at, e.name), depth + 1);
      } else if (depth > 0 && e.isFile() && /\.parquet$/i.test(e.name)) files++;
    }
  };
  walk(dir, 0);
  const folders = entries(dir).filter((e) => e.isDirectory() && PARTITION_FOLDER.test(e.name)).map((e) => e.name).sort();
  return files > 0 ? { files, keys, folders } : undefined;
}

type TableFormat = { format: 'delta'; dir: string } | { format: 'iceberg'; dir: string; metadata: string | undefined };

/** `dir` as a Delta table (it holds `_delta_log/`) or an Iceberg one (`metadata/` with `….metadata.json`); an Iceberg table's `data/` folder names its table. */
function tableFormat(dir: string): TableFormat | undefined {
  if (isFolder(join(dir, '_delta_log'))) return { format: 'delta', dir };
  const metadata = icebergMetadata(dir);
  if (metadata !== undefined) return { format: 'iceberg', dir, metadata: metadata || undefined };
  if (basename(dir) === 'data') {
    const table = dirname(dir);
    const upper = icebergMetadata(table);
    if (upper !== undefined) return { format: 'iceberg', dir: table, metadata: upper || undefined };
  }
  return undefined;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The newest `metadata/….metadata.json` of an Iceberg table in `dir` (by its version number:
 * `v12.metadata.json`, `00012-….metadata.json`), '' when none is numbered; undefined when `dir`
 * holds none.
 */
function icebergMetadata(dir: string): string | undefined {
  const files = entries(join(dir, 'metadata')).filter((e) => e.isFile() && e.name.endsWith('.metadata.json')).map((e) => e.name);
  if (files.length === 0) return undefined;
  const version = (name: string) => Number(/^v?(\d+)[.-]/.exec(name)?.[1] ?? -1);
  const newest = files.sort((a, b) => version(b) - version(a) || (a < b ? -1 : 1))[0]!;
  return version(newest) >= 0 ? join(dir, 'metadata', newest) : '';
}

/** How to write table `t`'s current version as the one Parquet file `out`. */
function tableAdvice(t: TableFormat, out: string): string {
  if (t.format === 'delta') {
    return `a Delta table's folder keeps the part files of its earlier versions (rows since deleted or changed) until VACUUM removes them, and only its _delta_log/ says which files are the table now — hta reads one file: write the table's current version as one Parquet file, e.g. with DuckDB's delta extension: INSTALL delta; LOAD delta; COPY (SELECT * FROM delta_scan(${sqlText(t.dir)})) TO ${sqlText(out)} (FORMAT parquet); or in Spark (Databricks, Fabric): spark.read.format("delta").load(${JSON.stringify(t.dir)}).toPandas().to_parquet(${JSON.stringify(out)}) —`;
  }
  const scan = t.metadata !== undefined ? sqlText(t.metadata) : `'${join(t.dir, 'metadata')}/<the newest>.metadata.json'`;
  return `an Iceberg table's data/ folder keeps the files of its earlier snapshots (rows since deleted or changed) until they are expired, and only its metadata/ says which files are the table now — hta reads one file: write the table's current snapshot as one Parquet file, e.g. with DuckDB's iceberg extension: INSTALL iceberg; LOAD iceberg; COPY (SELECT * FROM iceberg_scan(${scan})) TO ${sqlText(out)} (FORMAT parquet); or in Spark: spark.table("<the table>").toPandas().to_parquet(${JSON.stringify(out)}) —`;
}

const tableName = (t: TableFormat) => (t.format === 'delta' ? `a Delta table (its _delta_log/ folder)` : `an Iceberg table (its metadata/ folder)`);

/**
 * What to say of folder `dir` given as a file: undefined unless it holds Parquet files or is a
 * Delta or Iceberg table. `option` names where it was given (`<registry>`, `--eligible`): the file
 * made is to be given there. The suggested command writes a file that does not exist
 * (io/joined-name.ts: DuckDB's COPY overwrites silently) and reads the folder's files by a pattern
 * whose folder part is escaped (io/glob-escape.ts: a `[` in the folder's name would match another
 * folder).
 */
export function parquetFolderAdvice(dir: string, option = '<registry>', cwd = process.cwd(), int96: readonly string[] = []): string | undefined {
  const out = joinedFileName([], cwd, 'parquet');
  const give = option.startsWith('<') ? `give that file as the ${option.slice(1, -1)}` : `give that file as ${option}`;
  const table = tableFormat(dir);
  if (table) return `it is ${tableName(table)}: ${tableAdvice(table, out)} and ${give}`;
  const parts = parquetParts(dir);
  if (parts.length > 0) {
    return `it is a folder of ${parts.length} Parquet file${parts.length === 1 ? '' : 's'} (${parts.slice(0, 2).join(', ')}${parts.length > 2 ? ', …' : ''}), as Spark and Fabric write one table; hta reads one file — write them as one Parquet file, e.g. with DuckDB: COPY (SELECT *${keepInstants(int96)} FROM read_parquet(${parquetFolderGlob(dir)}, union_by_name = true, hive_partitioning = false)) TO ${sqlText(out)} (FORMAT parquet), and ${give}`;
  }
  const partitioned = partitionedParts(dir);
  if (partitioned) {
    const { files, keys, folders } = partitioned;
    const by = keys.join(', ');
    return `it is a table of ${files} Parquet file${files === 1 ? '' : 's'} in folders by ${by} (${folders.slice(0, 2).join(', ')}${folders.length > 2 ? ', …' : ''}), as Spark's partitionBy writes one: the ${by} ${keys.length === 1 ? 'is' : 'are'} in the folder names, not in the files; hta reads one file — write them as one Parquet file with the folders' ${keys.length === 1 ? 'column' : 'columns'}, e.g. with DuckDB: ${partitionedCopy(dir, out, int96)}, and ${give}`;
  }
  return undefined;
}

/**
 * The pattern (an SQL string) of the Parquet files of folder `dir` that a suggested command reads:
 * its own part files, or those in its partition folders at any depth; undefined for a folder of
 * neither (a Delta or Iceberg table is read by its own reader).
 */
export function parquetFolderGlob(dir: string): string | undefined {
  if (tableFormat(dir)) return undefined;
  if (parquetParts(dir).length > 0) return sqlText(join(escapeGlob(dir), '*.parquet'));
  return partitionedParts(dir) ? sqlText(join(escapeGlob(dir), '**', '*.parquet')) : undefined;
}

/**
 * `SELECT *`'s REPLACE that keeps INT96 columns `int96` instants. DuckDB reads an INT96 timestamp
 * (Spark's UTC instant) as a clock time and writes it back as one: a Danish midnight would come out
 * as 22:00 or 23:00 of the day before (uptake/engine/parquet-columns.ts). Written as a TIMESTAMP
 * WITH TIME ZONE, it stays the instant it is.
 */
export function keepInstants(int96: readonly string[]): string {
  return int96.length === 0 ? '' : ` REPLACE (${int96.map((c) => `timezone('UTC', ${sqlIdent(c)}) AS ${sqlIdent(c)}`).join(', ')})`;
}

/**
 * The DuckDB command that writes the partitioned table in `root` as one file `out`, each folder's
 * `key=value` a column. Its values stay text (`hive_types_autocast = false`): a clinic folder
 * `klinik=007` is clinic `007`, not the number 7.
 */
function partitionedCopy(root: string, out: string, int96: readonly string[]): string {
  const glob = sqlText(join(escapeGlob(root), '**', '*.parquet'));
  return `COPY (SELECT *${keepInstants(int96)} FROM read_parquet(${glob}, hive_partitioning = true, hive_types_autocast = false, union_by_name = true)) TO ${sqlText(out)} (FORMAT parquet)`;
}

/** A folder `key=value` holding the file (directly, or through further such folders), and the table folder above them all. */
export interface HivePartition { key: string; value: string; root: string }

/** The `key=value` folders directly above `file` (`…/region=Syddanmark/year=2025/part-0.parquet`), outermost first. */
export function hivePartitions(file: string): HivePartition[] {
  const found: { key: string; value: string }[] = [];
  let dir = dirname(file);
  for (let m = PARTITION_FOLDER.exec(basename(dir)); m && dirname(dir) !== dir; m = PARTITION_FOLDER.exec(basename(dir))) {
    found.unshift({ key: m[1]!, value: m[2]! });
    dir = dirname(dir);
  }
  return found.map((f) => ({ ...f, root: dir }));
}

/** What to say of a registry column that is only in folder `p`'s name, not in `file`. */
export function partitionColumnHint(file: string, p: HivePartition, int96: readonly string[] = [], cwd = process.cwd()): string {
  const out = joinedFileName([], cwd, 'parquet');
  return `the ${p.key} is only in the folder name ${p.key}=${p.value} (a table split into folders by ${p.key}, as Spark's partitionBy writes one), which hta does not read: write the table as one Parquet file with the folders' columns, e.g. with DuckDB: ${partitionedCopy(p.root, out, int96)} (or read_parquet(${sqlText(escapeGlob(file))}, hive_partitioning = true, hive_types_autocast = false) for this folder's rows alone), and give that file`;
}

/**
 * What to say of `file` when it is a part file of a Delta or Iceberg table (its folder, or the
 * table folder above its partition folders, is one); undefined otherwise.
 */
export function parquetTablePartAdvice(file: string, cwd = process.cwd()): string | undefined {
  let dir = dirname(file);
  while (PARTITION_FOLDER.test(basename(dir)) && dirname(dir) !== dir && !existsSync(join(dir, '_delta_log'))) dir = dirname(dir);
  const table = tableFormat(dir);
  if (!table) return undefined;
  const what = table.format === 'delta' ? `the Delta table ${table.dir} (its _delta_log/ folder)` : `the Iceberg table ${table.dir} (its metadata/ folder)`;
  return `it is a part file of ${what}, not the table: ${tableAdvice(table, joinedFileName([], cwd, 'parquet'))} and give that file as the registry`;
}
