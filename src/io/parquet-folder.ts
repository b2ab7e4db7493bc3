/**
 * A Spark or Microsoft Fabric "Parquet file" is a folder (`udtræk.parquet/part-00000-….parquet`,
 * `_SUCCESS`): given where a file is read, it is named as such with how to make one file of it,
 * rather than "it is a folder" (docs/input-registry.md "Parquet"). hta reads one registry file:
 * every message names a row of it.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { escapeGlob } from './glob-escape.js';
import { joinedFileName } from './joined-name.js';
import { sqlText } from './sql-text.js';

/** The Parquet files directly in `dir` (sorted), or none when it cannot be listed. */
function parquetParts(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile() && /\.parquet$/i.test(e.name)).map((e) => e.name).sort();
  } catch {
    return [];
  }
}

/**
 * What to say of folder `dir` given as a file: undefined unless it holds Parquet files. `option`
 * names where it was given (`<registry>`, `--eligible`): the file made is to be given there.
 * The suggested command writes a file that does not exist (io/joined-name.ts: DuckDB's COPY
 * overwrites silently) and reads the folder's files by a pattern whose folder part is escaped
 * (io/glob-escape.ts: a `[` in the folder's name would match another folder).
 */
export function parquetFolderAdvice(dir: string, option = '<registry>', cwd = process.cwd()): string | undefined {
  const parts = parquetParts(dir);
  if (parts.length === 0) return undefined;
  const glob = sqlText(join(escapeGlob(dir), '*.parquet'));
  const out = joinedFileName([], cwd, 'parquet');
  const give = option.startsWith('<') ? `give that file as the ${option.slice(1, -1)}` : `give that file as ${option}`;
  return `it is a folder of ${parts.length} Parquet file${parts.length === 1 ? '' : 's'} (${parts.slice(0, 2).join(', ')}${parts.length > 2 ? ', …' : ''}), as Spark and Fabric write one table; hta reads one file — write them as one Parquet file, e.g. with DuckDB: COPY (SELECT * FROM read_parquet(${glob}, union_by_name = true)) TO ${sqlText(out)} (FORMAT parquet), and ${give}`;
}
