/**
 * Line ends of a CSV file: CRLF (Windows, Excel), LF (Linux, macOS), or both — two exports
 * joined (`awk … a.csv b.csv`, `cat`) where one region's system writes CRLF and another's LF.
 * An unquoted LF ends a line in every reader of hta (docs/input-registry.md "Line ends"):
 * csv-parse is told every line end (it would otherwise take the first one it meets as the only
 * one, and read the LF lines after a CRLF line as one record), and the SQL engine, which cannot
 * read CRLF lines followed by LF lines, reads a copy with LF line ends (`withLfCopy`: the same
 * lines, so every message names the user's own).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { Transform } from 'node:stream';
import { withTransformedCopy } from './private-copy.js';

/** csv-parse's `record_delimiter`: any of them ends a record (CRLF first, so that it is one line end). */
export const RECORD_DELIMITERS = ['\r\n', '\n', '\r'];

const QUOTE = 0x22, LF = 0x0a, CR = 0x0d;

/** Where a file's line ends change: the first line that ends in LF after lines that end in CRLF. */
export interface MixedLineEnds {
  /** 1-based line number of the first line ending in a bare LF (outside quotes). */
  firstLfLine: number;
}

/**
 * Whether `file`, whose first line ends in CRLF, has lines (outside quoted fields) that end in
 * a bare LF; undefined when not, or when its first line does not end in CRLF (a file of LF
 * lines with CRLF lines later is read by every reader as it is: a CR at a field's end is
 * trimmed). One pass in 4 MiB chunks; a bare LF inside quotes (an Excel cell with a line
 * break) does not count.
 */
export function mixedLineEnds(file: string): MixedLineEnds | undefined {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(4 << 20);
    let pos = 0, line = 1, quoted = false, prev = -1, crlfFirst: boolean | undefined;
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, pos);
      if (n === 0) return undefined;
      // Searched within the bytes read, and each quote found once: a file without quotes was
      // otherwise searched to the buffer's end for one on every line.
      const read = buf.subarray(0, n);
      let i = 0, nextQuote = read.indexOf(QUOTE);
      while (i < n) {
        const nextLf = read.indexOf(LF, i);
        const end = nextLf === -1 ? n : nextLf;
        // Quotes before the line end toggle the quoted state ("" toggles twice).
        for (; nextQuote !== -1 && nextQuote < end; nextQuote = read.indexOf(QUOTE, nextQuote + 1)) quoted = !quoted;
        if (end === n) break;
        const before = end > 0 ? read[end - 1] : prev;
        if (!quoted) {
          const crlf = before === CR;
          if (crlfFirst === undefined) {
            crlfFirst = crlf;
            if (!crlf) return undefined;
          } else if (!crlf) {
            return { firstLfLine: line };
          }
        }
        line++;
        i = end + 1;
      }
      prev = buf[n - 1]!;
      pos += n;
    }
  } finally {
    closeSync(fd);
  }
}

/** Drops each CR that comes right before an LF (a CR at a chunk's end waits for the next). */
function crlfToLf(): Transform {
  let held = false;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      let text = held ? Buffer.concat([Buffer.from([CR]), chunk]) : chunk;
      held = text.length > 0 && text[text.length - 1] === CR;
      if (held) text = text.subarray(0, text.length - 1);
      const out: Buffer[] = [];
      let from = 0;
      for (let i = text.indexOf(LF); i !== -1; i = text.indexOf(LF, i + 1)) {
        if (i > 0 && text[i - 1] === CR) {
          out.push(text.subarray(from, i - 1));
          from = i;
        }
      }
      out.push(text.subarray(from));
      done(null, Buffer.concat(out));
    },
    flush(done) {
      done(null, held ? Buffer.from([CR]) : undefined);
    },
  });
}

/** Runs `read` on a private copy of `file` with LF line ends (same lines), removed afterwards. */
export function withLfCopy<T>(file: string, read: (copy: string) => Promise<T>): Promise<T> {
  return withTransformedCopy(file, 'registry-lf.csv', crlfToLf(), read);
}

/** The note for a file read with both line ends (stderr): where they change, what to do. */
export function mixedLineEndsNote(file: string, mixed: MixedLineEnds): string {
  return `${file}: some lines end in CRLF (Windows) and others in LF (Linux, macOS), the first of them line ${mixed.firstLfLine} (exports joined?): each is read as a line end (docs/input-registry.md "Line ends")`;
}

/**
 * Where a header with line breaks inside its quoted cells ends (a header cell Excel wrapped with
 * Alt+Enter, `"Sidst\naktiv"`): the file's first `end` bytes and, in `prefix`, the same lines with
 * each such line break written as a space and the header's line end repeated once for each —
 * the header on one line, every later line where it was. Undefined when the header (found within
 * the first MiB) has no line break inside quotes. The SQL engine cannot take such a header in a
 * CRLF or CR file (it takes the quoted LF for the file's line end, and reads no rows): it reads
 * a copy with this prefix (`withOneLineHeader`). The engine reads columns by position, so the
 * header's text does not matter to it; the row check reads the user's file.
 */
export function wrappedHeader(file: string): { end: number; prefix: Buffer } | undefined {
  const fd = openSync(file, 'r');
  let n: number;
  const buf = Buffer.alloc(1 << 20);
  try {
    n = readSync(fd, buf, 0, buf.length, 0);
  } finally {
    closeSync(fd);
  }
  const out = Buffer.from(buf.subarray(0, n));
  let quoted = false, breaks = 0, prev = -1;
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b === QUOTE) quoted = !quoted;
    else if (b === CR || b === LF) {
      if (quoted) {
        out[i] = 0x20;
        if (!(b === LF && prev === CR)) breaks++;
      } else if (breaks > 0) {
        const lineEnd = b === CR && buf[i + 1] === LF ? Buffer.from([CR, LF]) : Buffer.from([b]);
        return { end: i + lineEnd.length, prefix: Buffer.concat([out.subarray(0, i), ...Array.from({ length: breaks + 1 }, () => lineEnd)]) };
      }
      // A line before the header without quoted breaks (Excel's `sep=;`, a blank line) passes as it is.
    }
    prev = b;
  }
  return undefined;
}

/** Replaces a stream's first `end` bytes with `prefix` (the rest passes as it is). */
function replacedStart(end: number, prefix: Buffer): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (seen >= end) return done(null, chunk);
      const skip = Math.min(end - seen, chunk.length);
      const first = seen === 0;
      seen += chunk.length;
      done(null, Buffer.concat([first ? prefix : Buffer.alloc(0), chunk.subarray(skip)]));
    },
  });
}

/** Runs `read` on a private copy of `file` whose header is on one line (`wrappedHeader`; the same lines after it), removed afterwards. */
export function withOneLineHeader<T>(file: string, wrapped: { end: number; prefix: Buffer }, read: (copy: string) => Promise<T>): Promise<T> {
  return withTransformedCopy(file, 'registry-header.csv', replacedStart(wrapped.end, wrapped.prefix), read);
}
