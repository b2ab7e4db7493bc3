/**
 * `hta uptake a.csv b.csv`: two regions' exports given together. hta reads one registry file —
 * every message names a line of the user's own file, and each file may have its own encoding
 * and separator — so it says how to join them instead (docs/input-registry.md "Several
 * exports"): with the header line once. Rows that are in both files are then identical rows,
 * counted once.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { HtaError } from '../errors.js';

/** The first line of `file` (no BOM, no line end), or undefined when it cannot be read. */
function firstLine(file: string): string | undefined {
  let fd: number;
  try {
    // A named pipe would block the open: its first line is unknown (io/regular-file.ts).
    if (!statSync(file).isFile()) return undefined;
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const buf = Buffer.alloc(65_536);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const text = buf.subarray(0, n).toString('utf8').replace(/^\uFEFF/, '');
    return text.slice(0, text.search(/\r?\n|$/));
  } finally {
    closeSync(fd);
  }
}

/** The usage error for several registry files: whether their headers agree, and how to join them. */
export function severalRegistriesError(files: readonly string[]): HtaError {
  const heads = files.map(firstLine);
  const same = heads.every((h) => h !== undefined && h === heads[0]);
  // The paths as given, quoted for a shell where needed.
  const [first, ...rest] = files.map((f) => (/^[\w./:@+-]+$/.test(f) ? f : `'${f.replace(/'/g, `'\\''`)}'`));
  const join = `{ cat ${first}; ${rest.map((f) => `tail -n +2 ${f}`).join('; ')}; } > registry.csv`;
  const how = same
    ? `They have the same header line: join them into one file with that header line once — on Linux or macOS \`${join}\`; in Excel, paste the rows of the others (without their header) under the first file's — and give hta uptake that file. Rows in several files are then identical rows, counted once (docs/input-registry.md "Several exports")`
    : `Their first lines differ (a different header, or a file that is not an export of the same registry): export them with the same columns in the same order, then join them into one file with the header line once (docs/input-registry.md "Several exports")`;
  return new HtaError('usage.invalid', `hta uptake reads one registry export, and ${files.length} were given (${files.join(', ')}). ${how}`);
}
