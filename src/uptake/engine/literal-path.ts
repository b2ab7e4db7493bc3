/**
 * A file's path as DuckDB's readers (read_csv, read_parquet) must be given it to read that one
 * file (docs/uptake-aggregates.md "Engine"). They take a path holding `*`, `?` or `[` as a glob
 * PATTERN: `udtræk [2025].csv` reads `udtræk 2.csv` beside it, `udtræk?.parquet` every
 * `udtrækX.parquet` too — other files' rows counted as the registry's. Such a path is written
 * with each of those characters as a one-character class (`[[]`, `[*]`, `[?]`), which matches
 * only itself, and the pattern's matches are then checked to be exactly the file named (same
 * device and inode): a path DuckDB cannot address literally (a `\` beside those characters —
 * DuckDB's glob splits a pattern at `\` as a folder separator; a path without pattern characters
 * is not split) stops the run rather than read another file.
 * `{` and `,` are not pattern characters to DuckDB (no brace expansion).
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { HtaError } from '../../errors.js';
import { doesNotExist } from '../../io/missing-file.js';
import { escapeGlob, hasGlobCharacter } from '../../io/glob-escape.js';

export { escapeGlob, hasGlobCharacter } from '../../io/glob-escape.js';
import { sqlText } from '../../io/sql-text.js';

/**
 * The file's real path: its folders' and its own names as the disk spells them (a Windows path
 * typed in another case, or through a link, would otherwise match nothing). The native call can
 * fail where the JavaScript one does not (some network drives): then that one, then the absolute
 * path as given — which is still escaped by the caller, never handed over raw.
 */
function realPath(file: string, abs: string, label: string): string {
  for (const real of [realpathSync.native, realpathSync]) {
    try {
      return real(abs);
    } catch {
      // next
    }
  }
  if (!existsSync(abs)) {
    throw new HtaError('input.unreadable', `cannot read ${label}: ${doesNotExist(file)}`);
  }
  return abs;
}


/**
 * The text to hand DuckDB for `file` so that it reads exactly that file; `label` names it in the
 * error. Always an absolute path: DuckDB expands a leading `~/` to the home folder and reads
 * `s3:/…`, `http:/…` as remote addresses, so a relative name as typed (a folder literally named
 * `~`) would read another file.
 */
export async function literalPath(db: DuckDBConnection, file: string, label = file): Promise<string> {
  const real = realPath(file, resolve(file), label);
  if (!hasGlobCharacter(real)) return real;
  const pattern = escapeGlob(real);
  const want = statSync(real);
  let matches: string[] = [];
  try {
    matches = ((await db.runAndReadAll(`SELECT file FROM glob(${sqlText(pattern)})`)).getRowsJS() as unknown[][]).map((r) => String(r[0]));
  } catch {
    matches = [];
  }
  const same = matches.length === 1 && (() => {
    try {
      const got = statSync(matches[0]!);
      return got.dev === want.dev && got.ino === want.ino;
    } catch {
      return false;
    }
  })();
  if (same) return pattern;
  throw new HtaError('input.invalid', `${label}: the SQL engine cannot open this file by its name, which holds ${[...new Set(real.match(/[*?[]/g))].join(' ')} (it would read its name as a pattern of file names)`, [
    { file: label, expected: 'a file name without [ * ? (and without \\): rename the file, or copy it to such a name, and run again' },
  ]);
}
