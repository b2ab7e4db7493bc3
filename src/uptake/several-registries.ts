/**
 * `hta uptake a.csv b.csv`: two regions' exports given together. hta reads one registry file —
 * every message names a line of the user's own file, and each file may have its own encoding
 * and separator — so it says how to join them instead (docs/input-registry.md "Several
 * exports"): with the header line once. Rows that are in both files are then identical rows,
 * counted once.
 *
 * The suggested command writes a new file, never one of the inputs: `… > registry.csv` when
 * registry.csv is an input empties it before it is read. It uses awk, which ends every line it
 * prints with a line end, so a file whose last line has none is not glued to the next file's
 * first row.
 */
import { fileStart } from '../io/file-start.js';
import { shellWord } from '../io/shell-word.js';
import { resolve } from 'node:path';
import { HtaError } from '../errors.js';
import { escapeGlob } from '../io/glob-escape.js';
import { joinedFileName } from '../io/joined-name.js';
import { keepInstants } from '../io/parquet-folder.js';
import { sameFile, type Sameness } from '../io/same-file.js';
import { holdsQuote, reorderedHeaders, reorderJoinCommand, type Reordered } from './reorder-join.js';

/** Excel's separator hint line (io/separator-hint.ts), byte-order mark removed. */
const SEP_HINT = /^"?sep=[^\r\n]"?$/i;

/**
 * The header line of `file` (no BOM, no line end): its first line, or the second after Excel's
 * `sep=;` hint, which is no header (io/separator-hint.ts); `hint` says whether it had one.
 * Undefined when it cannot be read.
 */
function headerOf(file: string): { line: string; hint: boolean } | undefined {
  const text = fileStart(file, 65_536);
  if (text === undefined) return undefined;
  const lines = text.split(/\r?\n/, 2);
  if (SEP_HINT.test(lines[0]!) && lines.length > 1) return { line: lines[1]!, hint: true };
  return { line: lines[0]!, hint: false };
}

export { joinedFileName } from '../io/joined-name.js';
import { sqlText } from '../io/sql-text.js';

/**
 * The shell command that joins `files` into `out` with the first file's header line once: awk
 * prints line 1 of the first file and every line after the first of each file, each ending in a
 * line end — LF: a CR before it is dropped, so that a Windows (CRLF) export joined with a Linux
 * (LF) one does not give a file of both line ends (io/line-ends.ts). Later files' byte-order
 * marks go with their header lines. `hint`: some file starts with Excel's `sep=;` line, so each
 * file's header is the line after it there: the first file is printed whole (its hint and header),
 * the others from the line after their header (bytes: LC_ALL=C, so a byte-order mark before the
 * hint is matched as the bytes it is).
 */
export function joinCommand(files: readonly string[], out: string, hint = false): string {
  if (hint) {
    const program = 'FNR == 1 { h = /^(\\357\\273\\277)?"?[sS][eE][pP]=.?"?\\r?$/ ? 2 : 1 } NR == FNR || FNR > h { sub(/\\r$/, ""); print }';
    return `LC_ALL=C awk '${program}' ${files.map(shellWord).join(' ')} > ${shellWord(out)}`;
  }
  return `awk 'NR == 1 || FNR > 1 { sub(/\\r$/, ""); print }' ${files.map(shellWord).join(' ')} > ${shellWord(out)}`;
}

/** The usage error for several registry files: whether their headers agree, and how to join them. */
/** `int96`: the files' INT96 columns, which the DuckDB join command keeps instants (registry-folder.ts). */
export function severalRegistriesError(files: readonly string[], cwd = process.cwd(), int96: readonly string[] = []): HtaError {
  // One export given twice (or a copy of it): said as such, not as two exports to join.
  const twice = repeatedFiles(files, cwd);
  if (twice.length > 0) {
    const said = twice.map(([i, j, how]) => {
      const a = files[i]!, b = files[j]!;
      return how === 'identical copy' ? `${b} is a byte-identical copy of ${a}` : a === b ? `${a} is named twice` : `${b} is ${a} again`;
    }).join('; ');
    const again = new Set(twice.map(([, j]) => j));
    const once = files.filter((_f, j) => !again.has(j));
    const rest = once.length === 1
      ? `give it once: hta uptake ${shellWord(once[0]!)} … (docs/input-registry.md "Several exports")`
      : `each export once; of ${once.join(', ')}: ${joinAdvice(once, cwd, int96)}`;
    return new HtaError('usage.invalid', `hta uptake reads one registry export, and the same export was given twice (${said}): ${rest}`);
  }
  return new HtaError('usage.invalid', `hta uptake reads one registry export, and ${files.length} were given (${files.join(', ')}). ${joinAdvice(files, cwd, int96)}`);
}

/** How to join several different exports into one: by their header lines (same, reordered, or other). */
function joinAdvice(files: readonly string[], cwd: string, int96: readonly string[] = []): string {
  // Parquet files have no lines to join: a Parquet writer joins them (docs/input-registry.md "Several exports").
  if (files.some((f) => /\.parquet$/i.test(f))) return parquetJoinAdvice(files, cwd, int96);
  // The real header lines: Excel's `sep=;` lines alike say nothing of the columns.
  const read = files.map((f) => headerOf(resolve(cwd, f)));
  const heads = read.map((h) => h?.line);
  const hint = read.some((h) => h?.hint === true);
  const same = heads.every((h) => h !== undefined && h === heads[0]);
  const out = joinedFileName(files, cwd);
  const join = joinCommand(files, out, hint);
  const reordered = same ? undefined : reorderedHeaders(heads);
  const headerOnce = hint ? 'with the first file\'s separator line and header line once' : 'with that header line once';
  const excelRows = hint ? 'without their separator line and header' : 'without their header';
  return reordered
    ? reorderedAdvice(files, heads, reordered, out, cwd)
    : same
    ? `They have the same header line${hint ? ' (after Excel\'s "sep=" line)' : ''}: join them into one new file ${headerOnce} — on Linux or macOS \`${join}\` (your files are left as they are); in Excel, paste the rows of the others (${excelRows}) under the first file's and save it under a new name — and give hta uptake that file (hta uptake ${shellWord(out)} …). Rows in several files are then identical rows, counted once (docs/input-registry.md "Several exports")`
    : `Their header lines differ (a different header, or a file that is not an export of the same registry): export them with the same columns in the same order, then join them into one new file with the header line once (docs/input-registry.md "Several exports")`;
}

/** Several Parquet files (or Parquet and CSV): joined by a Parquet writer, not line by line. */
function parquetJoinAdvice(files: readonly string[], cwd: string, int96: readonly string[]): string {
  // Each name escaped: read_parquet takes [ * ? as a pattern (io/glob-escape.ts), which would add other files' rows.
  // Hive partitioning off: a folder `region=Syddanmark/` above a file would replace its own region column (io/parquet-folder.ts).
  const list = files.map((f) => sqlText(escapeGlob(f))).join(', ');
  const out = joinedFileName(files, cwd, 'parquet');
  return files.every((f) => /\.parquet$/i.test(f))
    ? `Parquet files are not joined line by line: write them as one Parquet file (e.g. with DuckDB: COPY (SELECT *${keepInstants(int96)} FROM read_parquet([${list}], union_by_name = true, hive_partitioning = false)) TO ${sqlText(out)} (FORMAT parquet)) and give hta uptake that file (docs/input-registry.md "Several exports")`
    : `Parquet and CSV files cannot be joined as text: export them all in one format, then join them (docs/input-registry.md "Several exports")`;
}

/** Pairs [first, again, how] of the indexes of `files` that are one file, or byte-identical copies. */
function repeatedFiles(files: readonly string[], cwd: string): [number, number, Sameness][] {
  const out: [number, number, Sameness][] = [];
  for (let j = 1; j < files.length; j++) {
    for (let i = 0; i < j; i++) {
      const how = sameFile(resolve(cwd, files[i]!), resolve(cwd, files[j]!));
      if (how) {
        out.push([i, j, how]);
        break;
      }
    }
  }
  return out;
}

/** The advice for exports with the same column names in another order (reorder-join.ts). */
function reorderedAdvice(files: readonly string[], heads: readonly (string | undefined)[], r: Reordered, out: string, cwd: string): string {
  const other = files.findIndex((_f, i) => heads[i] !== heads[0]);
  const said = `Their header lines name the same columns in another order (${files[0]}: ${heads[0]}; ${files[other]}: ${heads[other]}); hta reads columns by name, so they can be joined by name into one new file in the first file's column order`;
  const excel = `in Excel, move the columns of the others into the first file's order, paste their rows (without their header) under the first file's and save it under a new name`;
  const then = `and give hta uptake that file (hta uptake ${shellWord(out)} …). Rows in several files are then identical rows, counted once (docs/input-registry.md "Several exports")`;
  if (!r.exact) return `${said}: the names are written differently (case or spaces), so ${excel} — ${then}`;
  if (files.some((f) => holdsQuote(resolve(cwd, f)))) return `${said}: they have quoted fields, which a shell command cannot split safely, so ${excel} — ${then}`;
  return `${said} — on Linux or macOS \`${reorderJoinCommand(files, out, r.delimiter)}\` (your files are left as they are); ${excel} — ${then}`;
}
