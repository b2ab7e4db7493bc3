/**
 * `hta uptake a.csv b.csv` where the exports have the same column names in another order (two
 * regions' systems, or one export re-saved): hta reads columns by name, so the files can be
 * joined by name — the shell command printed (several-registries.ts) writes every file's rows
 * in the first file's column order (docs/input-registry.md "Several exports").
 *
 * The command splits lines on the separator with awk, which knows no quotes: it is printed only
 * when no file holds a quote character, and only when the names are the same text in every
 * file (a name awk cannot find would put a whole line in a cell).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { type Delimiter, sniffDelimiter } from '../io/dialect.js';
import { shellWord } from '../io/shell-word.js';
import { headerKey } from './referral.js';

export interface Reordered {
  delimiter: Delimiter;
  /** Whether every file's names are the same text (awk compares them as written). */
  exact: boolean;
}

/**
 * Whether the header lines `heads` (BOM and line end removed) name the same columns, in some
 * other order; compared as hta compares names (case, spaces) and, for `exact`, as written.
 */
export function reorderedHeaders(heads: readonly (string | undefined)[]): Reordered | undefined {
  if (heads.some((h) => h === undefined)) return undefined;
  const delimiter = sniffDelimiter(heads[0]!);
  if (heads.some((h) => sniffDelimiter(h!) !== delimiter)) return undefined;
  const names = heads.map((h) => h!.split(delimiter).map((n) => n.trim()));
  const sorted = (xs: readonly string[]) => [...xs].sort().join('\u0000');
  const keys = names.map((ns) => sorted(ns.map(headerKey)));
  if (keys.some((k) => k !== keys[0]) || new Set(names[0]!.map(headerKey)).size !== names[0]!.length) return undefined;
  const exact = names.every((ns) => sorted(ns) === sorted(names[0]!)) && heads.every((h) => h!.split(delimiter).every((n) => n === n.trim()));
  return { delimiter, exact };
}

/** Whether `file` holds a double quote anywhere (read in 4 MiB chunks); true when it cannot be read. */
export function holdsQuote(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buf = Buffer.alloc(4 << 20);
    for (let pos = 0; ;) {
      const n = readSync(fd, buf, 0, buf.length, pos);
      if (n === 0) return false;
      const q = buf.indexOf(0x22);
      if (q !== -1 && q < n) return true;
      pos += n;
    }
  } catch {
    return true;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The shell command that joins `files` into `out` by column name: the first file's header line
 * (without its byte-order mark, and without Excel's `sep=;` line before it), then every file's rows with their cells in that order, each
 * line ending in LF. `LC_ALL=C`: bytes, so the mark is found and names compare as written.
 */
export function reorderJoinCommand(files: readonly string[], out: string, delimiter: Delimiter): string {
  const fs = delimiter === '\t' ? '\\t' : delimiter;
  const program = [
    'BEGIN { OFS = FS } { sub(/\\r$/, "") }',
    // Excel's `sep=;` line (io/separator-hint.ts) is skipped: the header is the line after it.
    'FNR == 1 { sub(/^\\357\\273\\277/, ""); h = 1; if ($0 ~ /^"?[sS][eE][pP]=.?"?$/) { h = 2; next } }',
    'FNR == h { for (i = 1; i <= NF; i++) at[$i] = i; if (!n) { n = NF; for (i = 1; i <= NF; i++) name[i] = $i; print } next }',
    '{ line = $(at[name[1]]); for (i = 2; i <= n; i++) line = line OFS $(at[name[i]]); print line }',
  ].join(' ');
  return `LC_ALL=C awk -F '${fs}' '${program}' ${files.map(shellWord).join(' ')} > ${shellWord(out)}`;
}
