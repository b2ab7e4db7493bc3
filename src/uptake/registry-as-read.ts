/**
 * A registry export's content as hta reads it, for telling whether two files of one manifest are
 * the same registry (docs/disclosure-control.md "Two reports of one registry in one manifest").
 * Their bytes are not the test: an Excel re-save of the same export writes CRLF line ends, a
 * byte-order mark, another separator or encoding, or other quoting — the same rows as read, so the
 * same counts on both pages, which a reader subtracts as from one file.
 *
 * `content` is a hash of the records as the CSV parser returns them (line ends, byte-order mark,
 * Excel's `sep=` line, quoting, blank lines and the separator gone; Windows-1252 and UTF-16 read
 * as the analysis reads them), each field trimmed; a Parquet file's is its bytes' hash. `sample`
 * is the smallest hashes of the data rows (a bottom-k sketch): two files that share rows (an
 * October and a November extract of one registry, or a re-save that rewrote some values) share
 * some of them, two registries of different patients none.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { fileSha256 } from '../io/file-sha256.js';
import { isNotUtf8, utf16OfFile, withUtf8Copy } from './registry-encoding.js';
import { registryRecords, sniffFileDelimiter } from './read-registry.js';
import type { Delimiter } from '../io/dialect.js';

export interface RegistryAsRead {
  /** Equal for two files of the same records (as read). */
  content: string;
  /** The SAMPLE_SIZE smallest row hashes, sorted; empty where rows are not read (Parquet, a file the analysis will refuse). */
  sample: readonly string[];
}

/** Rows in the sketch: enough that two extracts sharing most rows share many, few enough to keep in memory for any export. */
const SAMPLE_SIZE = 64;


/** Hashes the records of a UTF-8 CSV file. */
async function recordsAsRead(file: string, label: string, delimiter: Delimiter): Promise<RegistryAsRead> {
  const content = createHash('sha256');
  const sample: string[] = [];
  let header = true;
  for await (const record of registryRecords(createReadStream(file, { highWaterMark: 1 << 20 }), label, delimiter)) {
    const line = JSON.stringify(record.map((f) => f.trim()));
    content.update(`${line}\n`);
    if (header) { header = false; continue; }
    const h = createHash('sha256').update(line).digest('hex').slice(0, 24);
    if (sample.length === SAMPLE_SIZE && h >= sample[SAMPLE_SIZE - 1]!) continue;
    const at = sample.findIndex((s) => s >= h);
    if (sample[at] === h) continue;
    sample.splice(at === -1 ? sample.length : at, 0, h);
    if (sample.length > SAMPLE_SIZE) sample.pop();
  }
  return { content: `csv:${content.digest('hex')}`, sample };
}

/**
 * The registry as read. A file the analysis will refuse (not CSV, not text, unreadable) is its
 * bytes' hash here: its own analysis says what is wrong with it.
 */
export async function registryAsRead(file: string): Promise<RegistryAsRead> {
  const bytes = (): RegistryAsRead => ({ content: `bytes:${fileSha256(file)}`, sample: [] });
  if (/\.parquet$/i.test(file)) return bytes();
  try {
    const utf16 = await utf16OfFile(file);
    if (utf16) return await withUtf8Copy(file, utf16, async (copy) => recordsAsRead(copy, file, await sniffFileDelimiter(copy, file)));
    const delimiter = await sniffFileDelimiter(file);
    try {
      return await recordsAsRead(file, file, delimiter);
    } catch (err) {
      if (!isNotUtf8(err)) throw err;
      return await withUtf8Copy(file, 'windows-1252', (copy) => recordsAsRead(copy, file, delimiter));
    }
  } catch {
    return bytes();
  }
}

/** Whether two sketches share a row. */
export const shareRows = (a: RegistryAsRead, b: RegistryAsRead): boolean => a.sample.some((h) => b.sample.includes(h));
