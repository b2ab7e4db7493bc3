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
