/**
 * The dialect of a registry export, for the `--excluded-out` list `hta uptake` writes beside it:
 * the user opens that list in the spreadsheet the export came from, so it takes the export's
 * separator, line ends and (for Excel's UTF-8) byte-order mark, as the trial's list does
 * (io/write-csv.ts `spreadsheetDialectOf`, docs/input-registry.md "Dialects").
 *
 * Judged from the file's first 64 KiB before the run, on the same marks the registry's readers
 * use (UTF-16 and UTF-8 byte-order marks, Windows-1252 bytes, Excel's `sep=` line, the header's
 * separator). It only chooses a format: anything it cannot judge (a Parquet file, an unreadable
 * one, a hint the reader refuses) leaves hta's own CSV, and the run says what is wrong.
 */
import { isUtf8 } from 'node:buffer';
import { promises as fsp } from 'node:fs';
import { sniffTextDelimiter } from '../io/dialect.js';
import { separatorHint } from '../io/separator-hint.js';
import { decodeWindows1252 } from '../io/windows-1252.js';
import type { SpreadsheetDialect } from '../io/write-csv.js';

const SAMPLE = 65_536;

export async function registryCopyDialect(file: string): Promise<SpreadsheetDialect | undefined> {
  let bytes: Buffer;
  try {
    const handle = await fsp.open(file, 'r');
    try {
      const buf = Buffer.alloc(SAMPLE);
      const { bytesRead } = await handle.read(buf, 0, SAMPLE, 0);
      bytes = buf.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
  return copyDialectOfStart(bytes, bytes.length === SAMPLE);
}

/** The dialect from a file's first bytes; `cut`: the bytes stop inside the file (its last line may be cut). */
export function copyDialectOfStart(bytes: Buffer, cut: boolean): SpreadsheetDialect | undefined {
  if (bytes.subarray(0, 4).toString('latin1') === 'PAR1') return undefined;
  let text: string;
  let bom = false;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = bytes.subarray(2, bytes.length - (bytes.length % 2)).toString('utf16le');
    bom = true;
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const even = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)));
    text = even.swap16().toString('utf16le');
    bom = true;
  } else {
    // A cut sample may end inside a UTF-8 letter: judged up to its last whole line.
    const whole = cut ? bytes.subarray(0, bytes.lastIndexOf(0x0a) + 1) : bytes;
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      bom = true;
      text = bytes.subarray(3).toString('utf8');
    } else if (isUtf8(whole)) {
      text = bytes.toString('utf8');
    } else {
      // Excel's plain "CSV" (Windows-1252): Excel reads hta's UTF-8 copy right only with a BOM.
      bom = true;
      text = decodeWindows1252(bytes);
    }
  }
  const lineEnd = /\r\n|\r|\n/.exec(text);
  const eol = lineEnd?.[0] === '\r\n' ? '\r\n' : lineEnd?.[0] === '\r' ? '\r' : '\n';
  let delimiter;
  try {
    delimiter = separatorHint('registry', text)?.delimiter;
  } catch {
    return undefined;
  }
  if (delimiter === undefined) {
    delimiter = sniffTextDelimiter(text);
  }
  return { delimiter, eol, bom };
}
