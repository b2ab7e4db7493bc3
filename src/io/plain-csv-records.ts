/**
 * The data records of a CSV file without a single quote character, with their lines, read in one
 * pass over the file's text instead of through csv-parse. Without quotes a record is one line and
 * its cells are the line split at the delimiter, so this gives what the streamed registry reader
 * (uptake/read-registry.ts `registryRecordsWithLines`) gives — the same records and line numbers:
 * any line end (CRLF, LF, a lone CR) ends a record, a UTF-8 byte-order mark is dropped, blank
 * records and the header (the first non-blank record) are skipped and counted.
 *
 * Used where a registry file is read again only to find a few rows (engine/repeated-rows.ts):
 * csv-parse took ~0.25 CPU-s for the bundled 20,000-row registry in a fresh thread, this ~0.01
 * (docs/architecture.md "The cost of a cold regeneration"). It returns false, and the caller
 * streams as before, whenever the shortcut could read differently: a quote anywhere, bytes that are
 * not UTF-8 (the stream's check names them), an Excel separator hint on line 1.
 */
import { isUtf8 } from 'node:buffer';
import type { Delimiter } from './dialect.js';

const QUOTE = 0x22;
const LINE_END = /\r\n|\n|\r/;
const HINT_START = /^sep=/i;

/**
 * Calls `visit` with each data record of `bytes` (a whole file) and its 1-based line, in file
 * order; false, having visited nothing, when the file needs the full CSV reader.
 */
export function visitPlainCsvRecords(bytes: Buffer, delimiter: Delimiter, visit: (record: string[], line: number) => void): boolean {
  if (bytes.includes(QUOTE) || !isUtf8(bytes)) return false;
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (HINT_START.test(text)) return false;
  const lines = text.split(LINE_END);
  // A line end closing the file opens no record of its own.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  let header = true;
  for (let i = 0; i < lines.length; i++) {
    const record = lines[i]!.split(delimiter);
    if (record.length === 1 && record[0]!.trim() === '') continue;
    if (header) {
      header = false;
      continue;
    }
    visit(record, i + 1);
  }
  return true;
}
