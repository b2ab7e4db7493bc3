/**
 * The encodings of a registry export besides UTF-8 (docs/input-registry.md "Encodings"):
 * Windows-1252, as Danish Excel saves "CSV (semikolonsepareret)", and UTF-16 with a byte-order
 * mark, as Excel saves "Unicode text". The registry's readers (the header and row scan in
 * read-registry.ts, DuckDB's read_csv) take UTF-8 only, so such a file is transcoded once,
 * streaming, into a private temporary folder, and the unchanged pipeline reads the copy; every
 * message names the user's file. Single-byte and UTF-16 transcoding keep every line where it
 * was, so line numbers in messages are the user's.
 *
 * A file that is neither UTF-8 nor plausible Windows-1252 (windows-1252.ts says why: code page
 * 850 or Mac Roman letters, UTF-8 with a stray byte) is refused, naming the line and the byte.
 */
import { createReadStream, promises as fsp, readSync } from 'node:fs';
import { Transform } from 'node:stream';
import { HtaError } from '../errors.js';
import { withTransformedCopy } from '../io/private-copy.js';
import { utf16Of } from '../io/utf16.js';
import { decodeWindows1252, mixedEncodings, notWindows1252, Windows1252Check, type Implausible } from '../io/windows-1252.js';

export type RegistryEncodingName = 'windows-1252' | 'utf-16le' | 'utf-16be';

/** How a registry that was not UTF-8 was read: the encoding and the non-ASCII characters seen. */
export interface RegistryEncoding {
  encoding: RegistryEncodingName;
  /** Distinct non-ASCII characters, in order of first appearance. */
  characters: string[];
}


/** The file's UTF-16 byte-order mark, read from its first two bytes (undefined if unreadable: the reader says why). */
export async function utf16OfFile(file: string): Promise<'utf-16le' | 'utf-16be' | undefined> {
  let handle;
  try {
    handle = await fsp.open(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return utf16Of(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/** Whether `err` is the "not UTF-8" refusal of a read (utf8.ts `notUtf8`). */
export function isNotUtf8(err: unknown): err is HtaError {
  return err instanceof HtaError && err.problems[0]?.kind === 'encoding.utf8';
}

/** Runs every byte of `file` through the Windows-1252 plausibility check. */
export async function checkWindows1252File(file: string): Promise<Windows1252Check> {
  const check = new Windows1252Check();
  const input = createReadStream(file, { highWaterMark: 4 << 20 });
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      check.add(chunk);
      if (check.implausible) break;
    }
  } finally {
    input.destroy();
  }
  check.finish();
  return check;
}

/** The same check, reading an open file synchronously (for `hta plan init --uptake`). */
export function checkWindows1252Fd(fd: number): Windows1252Check {
  const check = new Windows1252Check();
  const buf = Buffer.alloc(4 << 20);
  for (let pos = 0; !check.implausible; ) {
    const n = readSync(fd, buf, 0, buf.length, pos);
    if (n === 0) break;
    check.add(buf.subarray(0, n));
    pos += n;
  }
  check.finish();
  return check;
}

const SAVE_UTF8 = 'save it from Excel as "CSV UTF-8" (Danish: "CSV UTF-8 (kommasepareret)"), or export it as UTF-8';

/**
 * The refusal of a file that is neither UTF-8 nor plausible Windows-1252: the CSV readers' own
 * (io/read-csv.ts), naming the user's file. UTF-8 with Windows-1252 bytes in it is named at its
 * first byte that is not UTF-8 (`utf8`, the "not UTF-8" error), where the other encoding came in.
 */
export function notRegistryText(utf8: HtaError, label: string, i: Implausible): HtaError {
  if (i.utf8) return mixedEncodings(new HtaError(utf8.code, utf8.message, [{ ...utf8.problems[0]!, file: label }]), i);
  return notWindows1252(label, i);
}

/** The refusal of a file whose byte-order mark says UTF-16 and whose bytes are not. */
export function notUtf16(label: string): HtaError {
  return new HtaError('input.invalid', `${label} is not valid UTF-16 text`, [
    { file: label, expected: `UTF-16 text, as the byte-order mark at its start says (a lone surrogate or an odd number of bytes was found); or ${SAVE_UTF8}` },
  ]);
}

const MAX_CHARACTERS = 200;

/** Collects distinct non-ASCII characters of decoded text (a bounded list). */
export function characterCollector(): { add(text: string): void; list: string[] } {
  const seen = new Set<string>();
  const list: string[] = [];
  return {
    add(text) {
      if (list.length >= MAX_CHARACTERS || !/[^\x00-\x7f]/.test(text)) return;
      for (const m of text.matchAll(/[^\x00-\x7f]/gu)) {
        if (seen.has(m[0])) continue;
        seen.add(m[0]);
        list.push(m[0]);
        if (list.length >= MAX_CHARACTERS) return;
      }
    },
    list,
  };
}

/** Bytes of `encoding` → UTF-8 bytes, chunk by chunk; `seen` sees the decoded text. */
function toUtf8(encoding: RegistryEncodingName, label: string, seen: (text: string) => void): Transform {
  const utf16 = encoding === 'windows-1252' ? undefined : new TextDecoder(encoding, { fatal: true });
  const decode = (bytes: Uint8Array, stream: boolean): string => {
    if (!utf16) return decodeWindows1252(bytes);
    try {
      return utf16.decode(bytes, { stream }); // drops the byte-order mark
    } catch {
      throw notUtf16(label);
    }
  };
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      try {
        const text = decode(chunk, true);
        seen(text);
        done(null, Buffer.from(text, 'utf8'));
      } catch (err) {
        done(err as Error);
      }
    },
    flush(done) {
      try {
        const text = decode(new Uint8Array(0), false);
        done(null, text === '' ? undefined : Buffer.from(text, 'utf8'));
      } catch (err) {
        done(err as Error);
      }
    },
  });
}

/**
 * Transcodes `file` to UTF-8 in a private temporary folder (registered, so Ctrl-C or kill removes
 * it too: io/staging-files.ts), runs `read` on the copy, and removes the folder whatever happens.
 */
export function withUtf8Copy<T>(file: string, encoding: RegistryEncodingName, read: (copy: string, characters: string[]) => Promise<T>): Promise<T> {
  // Windows-1252's characters come from its check; UTF-16's are collected as it is decoded.
  const chars = characterCollector();
  const seen = encoding === 'windows-1252' ? () => {} : chars.add;
  return withTransformedCopy(file, 'registry-utf8.csv', toUtf8(encoding, file, seen), (copy) => read(copy, chars.list));
}
