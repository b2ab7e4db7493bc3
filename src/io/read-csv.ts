/**
 * Reads a whole CSV export into memory with its dialect sniffed and every cell kept as text
 * (or null when missing), together with the physical line each record came from, so that
 * validation can point at file:line:column. Typing happens later, against explicit schemas:
 * clinical data must not be type-guessed. Bytes that are not UTF-8 are refused with their line.
 * Records are kept packed (one string each) to hold memory near the file size: docs/limits.md.
 */
import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { HtaError, type Problem } from '../errors.js';
import { CsvSyntaxError, scanCsv } from './csv-scan.js';
import { firstInvalidUtf8, notUtf8 } from './utf8.js';
import { type Dialect, sniffDecimalComma, sniffDelimiter } from './dialect.js';

export interface CsvRecord {
  /** 1-based physical line number of the record's first line. */
  line: number;
  /** Cell values in header order; null when empty, `NA` or `.`. */
  cells: (string | null)[];
  /** Cell texts exactly as read (trimmed), for writing the export back out unchanged. */
  raw: string[];
}

export interface CsvTable {
  file: string;
  header: string[];
  records: CsvRecord[];
  dialect: Dialect;
}

/** Cell texts that mean "missing" in the exports we see (R, SAS/Stata, Excel). */
export const MISSING_TOKENS: ReadonlySet<string> = new Set(['', 'NA', '.']);

/** The `input.unreadable` error for a file that could not be opened or read. */
export function unreadableFile(file: string, err: unknown): HtaError {
  const code = (err as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT' ? 'the file does not exist'
    : code === 'EISDIR' ? 'it is a folder, not a file'
    : code === 'ELOOP' ? 'it is a link that leads back to itself'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'ERR_FS_FILE_TOO_LARGE' ? 'the file is larger than 2 GB (see docs/limits.md)'
    : String((err as Error).message);
  return new HtaError('input.unreadable', `cannot read ${file}: ${reason}`);
}

/** csv-parse's syntax error as the `input.invalid` error naming the line. */
export function invalidCsv(file: string, err: unknown): HtaError {
  const e = err as Error & { lines?: number };
  return new HtaError('input.invalid', `${file} is not valid CSV`, [
    { file, line: e.lines, expected: `well-formed CSV (${e.message.replace(/^Invalid [^:]*: /, '')})` },
  ]);
}

/** Line breaks inside quoted fields of a record: the lines it spans beyond its first. */
export function lineBreaksInside(fields: readonly string[]): number {
  let n = 0;
  for (const f of fields) for (let i = f.indexOf('\n'); i >= 0; i = f.indexOf('\n', i + 1)) n++;
  return n;
}

export function readCsvFile(file: string): CsvTable {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw unreadableFile(file, err);
  }
  return parseCsvBytes(bytes, file);
}

export function parseCsvText(input: string, file: string): CsvTable {
  return parseCsvBytes(Buffer.from(input, 'utf8'), file);
}

/**
 * A record kept as the one string it was read from (or, when quoted, its field array): cells
 * are split out on each access. See csv-scan.ts for why; callers read each record's cells once.
 */
class PackedRecord implements CsvRecord {
  readonly line: number;
  readonly #packed: string | readonly string[];
  readonly #delimiter: string;
  constructor(line: number, packed: string | readonly string[], delimiter: string) {
    this.line = line;
    this.#packed = packed;
    this.#delimiter = delimiter;
  }
  get raw(): string[] {
    if (typeof this.#packed !== 'string') return [...this.#packed];
    const parts = this.#packed.split(this.#delimiter);
    for (let i = 0; i < parts.length; i++) parts[i] = trimCell(parts[i]!);
    return parts;
  }
  get cells(): (string | null)[] {
    // Quoted records were trimmed outside the quotes when scanned; blanks inside quotes are kept.
    const packed = typeof this.#packed === 'string';
    const parts: (string | null)[] = packed ? (this.#packed as string).split(this.#delimiter) : [...this.#packed];
    for (let i = 0; i < parts.length; i++) {
      const c = packed ? trimCell(parts[i]!) : parts[i]!;
      // Inline form of MISSING_TOKENS.has(c): this runs for every cell of the file.
      parts[i] = c === '' || c === 'NA' || c === '.' ? null : c;
    }
    return parts;
  }
}

/** trim() only when needed: most cells have no surrounding blanks, and trim() allocates. */
function trimCell(c: string): string {
  if (c.length === 0) return c;
  const a = c.charCodeAt(0);
  const b = c.charCodeAt(c.length - 1);
  // Blanks, controls, and any non-ASCII character (which may be a Unicode space) at either end.
  return a <= 0x20 || b <= 0x20 || a >= 0x7f || b >= 0x7f ? c.trim() : c;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function firstNonBlankLine(bytes: Buffer, start: number): string | undefined {
  let pos = start;
  while (pos < bytes.length) {
    let end = bytes.indexOf(0x0a, pos);
    if (end < 0) end = bytes.length;
    const line = bytes.toString('utf8', pos, Math.min(end, pos + 1_000_000));
    for (const part of line.split('\r')) if (part.trim() !== '') return part;
    pos = end + 1;
  }
  return undefined;
}

/** A CsvSyntaxError as the `input.invalid` error naming line and field; anything else unchanged. */
function syntaxError(file: string, err: unknown): unknown {
  if (!(err instanceof CsvSyntaxError)) return err;
  return new HtaError('input.invalid', `${file} is not valid CSV`, [{ file, line: err.line, column: err.field, expected: err.message }]);
}

export function parseCsvBytes(bytes: Buffer, file: string): CsvTable {
  if (!isUtf8(bytes)) {
    const at = firstInvalidUtf8(bytes);
    throw notUtf8(file, bytes, Math.max(0, at), 0, 0, true);
  }
  const bom = UTF8_BOM.every((b, i) => bytes[i] === b);
  const start = bom ? 3 : 0;

  // The header decides the separator; it is the first non-blank line, taken as raw text
  // (sniffDelimiter skips quoted stretches itself).
  const firstLine = firstNonBlankLine(bytes, start);
  if (firstLine === undefined) {
    const blank = bytes.length > start;
    throw new HtaError('input.invalid', `${file} is empty${blank ? ' (only blank lines)' : ''}`, [{ file, line: 1, expected: 'a header line naming the columns, then one line per row' }]);
  }
  const delimiter = sniffDelimiter(firstLine);

  let header: string[] | undefined;
  let headerLine = 1;
  let crlf = false;
  const problems: Problem[] = [];
  const records: CsvRecord[] = [];
  try {
    scanCsv(bytes, start, delimiter.charCodeAt(0), (r) => {
      if (header === undefined) {
        header = (r.fields ?? r.text!.split(delimiter)).map((h) => h.trim());
        headerLine = r.line;
        const after = bytes.indexOf(0x0a, start);
        crlf = after > 0 && bytes[after - 1] === 0x0d;
        return;
      }
      if (r.count !== header.length) {
        problems.push({
          file,
          line: r.line,
          value: `${r.count} fields`,
          expected: `${header.length} fields as in the header (check the separator "${delimiter === '\t' ? '\\t' : delimiter}" and quoting)`,
          kind: 'csv.field-count',
        });
        return;
      }
      records.push(new PackedRecord(r.line, r.text ?? r.fields!, delimiter));
    });
  } catch (err) {
    throw syntaxError(file, err);
  }
  if (!header) throw new HtaError('input.invalid', `${file} has no header`, [{ file, line: 1, expected: 'a header line' }]);
  // A first line of values means the header line was lost: say so once, and print none of its
  // cells (they are a patient's row, id included).
  const numeric = header.filter((h) => /^[+-]?\d+([.,]\d+)?$/.test(h.trim())).length;
  if (header.length > 1 && numeric * 2 >= header.length) {
    throw new HtaError('input.invalid', `${file} has no header line`, [
      { file, line: headerLine, expected: `a header line naming the columns; the first line holds values (${numeric} of its ${header.length} cells are numbers) — add the header line the export was written with` },
    ]);
  }
  const seen = new Map<string, number>();
  const headerProblems: Problem[] = [];
  for (const [i, name] of header.entries()) {
    if (name === '') headerProblems.push({ file, line: headerLine, column: i + 1, value: name, expected: 'a column name (the header has an empty name)' });
    const prev = seen.get(name);
    if (prev !== undefined && name !== '') {
      headerProblems.push({ file, line: headerLine, column: i + 1, value: name, expected: `a unique column name (also column ${prev + 1})`, kind: 'header.duplicate' });
    }
    seen.set(name, i);
  }
  problems.unshift(...headerProblems);
  if (problems.length > 0) throw new HtaError('input.invalid', `${file} has ${problems.length} structural problem(s)`, problems);

  const decimalComma = sniffDecimalComma(delimiter, sampleCells(records));
  return { file, header, records, dialect: { delimiter, decimalComma, bom, crlf } };
}

function* sampleCells(records: CsvRecord[]): Generator<string> {
  for (const r of records) for (const c of r.cells) if (c !== null) yield c;
}
