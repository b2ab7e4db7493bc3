/**
 * CSV output: comma-separated, RFC 4180 quoting, `\n` line ends, empty cell for missing; text
 * that a spreadsheet would run as a formula is neutralised (csv-formula.ts).
 */
import { neutralizeFormula } from './csv-formula.js';

export type CsvCell = string | number | boolean | null | undefined;

export function csvCell(v: CsvCell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const s = neutralizeFormula(String(v));
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header.map(csvCell).join(',')];
  for (const r of rows) lines.push(r.map(csvCell).join(','));
  return lines.join('\n') + '\n';
}

/**
 * How a user's own export was written, for a file made for that user to open beside it (an
 * `--excluded-out` list): its separator, its line ends, and whether Excel needs a BOM to read the
 * copy's UTF-8 (the input had one, or was UTF-16 or Windows-1252, as Excel writes them) — the rule
 * `hta score` follows for its copy (trial/scored-export.ts).
 */
export interface SpreadsheetDialect {
  delimiter: string;
  eol: '\n' | '\r\n' | '\r';
  bom: boolean;
}

/** The dialect a copy for the user takes from an input read with `dialect` (io/dialect.ts). */
export function spreadsheetDialectOf(dialect: { delimiter: string; bom?: boolean; crlf?: boolean; cr?: boolean; utf16?: unknown; windows1252?: unknown }): SpreadsheetDialect {
  return {
    delimiter: dialect.delimiter,
    eol: dialect.crlf ? '\r\n' : dialect.cr ? '\r' : '\n',
    bom: dialect.bom === true || dialect.utf16 !== undefined || dialect.windows1252 !== undefined,
  };
}

/** One cell for a file in `delimiter`: quoted when it holds the separator, a quote or a line end. */
export function csvCellIn(v: CsvCell, delimiter: string): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const s = neutralizeFormula(String(v));
  return s.includes(delimiter) || /["\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** {@link toCsv} in a user's dialect (`SpreadsheetDialect`); the default is toCsv's own. */
export function toCsvIn(header: readonly string[], rows: readonly (readonly CsvCell[])[], d: SpreadsheetDialect | undefined): string {
  if (d === undefined) return toCsv(header, rows);
  const line = (cells: readonly CsvCell[]) => cells.map((c) => csvCellIn(c, d.delimiter)).join(d.delimiter);
  return (d.bom ? '\uFEFF' : '') + [line(header), ...rows.map(line)].join(d.eol) + d.eol;
}
