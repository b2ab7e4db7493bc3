/**
 * Reads a whole CSV export into memory with its dialect sniffed and every cell kept as text
 * (or null when missing), together with the physical line each record came from, so that
 * validation can point at file:line:column. Typing happens later, against explicit schemas:
 * clinical data must not be type-guessed.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { HtaError, MAX_PROBLEMS, type Problem } from '../errors.js';
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
  const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file does not exist' : String((err as Error).message);
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
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw unreadableFile(file, err);
  }
  return parseCsvText(text, file);
}

export function parseCsvText(input: string, file: string): CsvTable {
  const bom = input.charCodeAt(0) === 0xfeff;
  const text = bom ? input.slice(1) : input;
  if (text.trim() === '') {
    throw new HtaError('input.invalid', `${file} is empty`, [{ file, line: 1, expected: 'a header line naming the columns' }]);
  }
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = sniffDelimiter(firstLine);

  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    throw invalidCsv(file, err);
  }
  const [head, ...body] = rows;
  if (!head) throw new HtaError('input.invalid', `${file} has no header`, [{ file, line: 1, expected: 'a header line' }]);
  const header = head.record.map((h) => h.trim());
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  for (const [i, name] of header.entries()) {
    if (name === '') problems.push({ file, line: 1, column: i + 1, value: name, expected: 'a column name (the header has an empty name)' });
    const prev = seen.get(name);
    if (prev !== undefined && name !== '') {
      problems.push({ file, line: 1, column: i + 1, value: name, expected: `a unique column name (also column ${prev + 1})` });
    }
    seen.set(name, i);
  }

  // csv-parse reports the line a record ends on; a record's first line is one past the
  // previous record's end (blank lines are skipped, so walk forward from there).
  const records: CsvRecord[] = [];
  let prevEnd = head.info.lines;
  for (const row of body) {
    const endLine = row.info.lines;
    const span = lineBreaksInside(row.record);
    const line = Math.max(prevEnd + 1, endLine - span);
    prevEnd = endLine;
    if (row.record.length !== header.length) {
      problems.push({
        file,
        line,
        value: `${row.record.length} fields`,
        expected: `${header.length} fields as in the header (check the separator "${delimiter === '\t' ? '\\t' : delimiter}" and quoting)`,
      });
      continue;
    }
    records.push({ line, cells: row.record.map((c) => (MISSING_TOKENS.has(c) ? null : c)), raw: row.record });
  }
  if (problems.length > 0) throw new HtaError('input.invalid', `${file} has ${problems.length} structural problem(s)`, problems.slice(0, MAX_PROBLEMS));

  const decimalComma = sniffDecimalComma(delimiter, sampleCells(records));
  return { file, header, records, dialect: { delimiter, decimalComma, bom, crlf: /\r\n/.test(text.slice(0, firstLine.length + 2)) } };
}

function* sampleCells(records: CsvRecord[]): Generator<string> {
  for (const r of records) for (const c of r.cells) if (c !== null) yield c;
}
