/**
 * Strict UTF-8 decoding for inputs. Node's default decoding silently turns bad bytes into
 * U+FFFD, so a Latin-1 export ("Ærø" saved by an old Excel) would be read as "�r�" and then
 * mismatch every arm or region label. We refuse it instead, naming the line and byte offset.
 */
import { isUtf8 } from 'node:buffer';
import { Transform } from 'node:stream';
import { HtaError } from '../errors.js';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Byte offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let i = from;
  while (i < to) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) (need = 1), (min = 0x80);
    else if (b >= 0xe0 && b <= 0xef) (need = 2), (min = 0x800);
    else if (b >= 0xf0 && b <= 0xf4) (need = 3), (min = 0x10000);
    else return i;
    if (i + need >= to) return i; // a sequence cut off by the end of the range
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Line ends in `bytes[from, to)` as the CSV scanner counts them (csv-scan.ts): LF, CRLF as one,
 * and a CR alone (Excel for old Macs, "CSV (Macintosh)"). A CR ends its line where it stands, so
 * an LF right after it adds none; `crBefore` says whether the byte before `from` was a CR (for a
 * range that starts a new chunk; within one buffer it is read from the buffer).
 */
export function lineEndsIn(bytes: Uint8Array, from = 0, to = bytes.length, crBefore = from > 0 && bytes[from - 1] === CR): number {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let ends = 0;
  for (let i = b.indexOf(LF, from); i >= 0 && i < to; i = b.indexOf(LF, i + 1)) if (!(i > from ? b[i - 1] === CR : crBefore)) ends++;
  for (let i = b.indexOf(CR, from); i >= 0 && i < to; i = b.indexOf(CR, i + 1)) ends++;
  return ends;
}

/** 1-based line holding byte `offset` (LF, CRLF and CR-only line ends before it: `lineEndsIn`). */
export function lineOfByte(bytes: Uint8Array, offset: number): number {
  return 1 + lineEndsIn(bytes, 0, offset);
}

/** The `input.invalid` error for a file that is not UTF-8, naming where the first bad byte is. */
export function notUtf8(file: string, bytes: Uint8Array, offset: number, lineBase = 0, byteBase = 0, csv = false): HtaError {
  const line = lineBase + lineOfByte(bytes, offset);
  const hex = bytes[offset]!.toString(16).toUpperCase().padStart(2, '0');
  return new HtaError('input.invalid', `${file} is not UTF-8 text`, [
    {
      file,
      line,
      value: `byte 0x${hex} at byte offset ${byteBase + offset}`,
      expected: `UTF-8 text (${csv ? 'save it from Excel as "CSV UTF-8", or export it as UTF-8' : 'save it as UTF-8'}; Latin-1 and Windows-1252 are refused so that letters such as æ, ø, å are never misread)`,
      kind: 'encoding.utf8',
    },
  ]);
}

/** Bytes → text, refusing anything that is not UTF-8. A leading BOM is kept (callers strip it). */
export function decodeUtf8(bytes: Uint8Array, file: string, csv = false): string {
  try {
    return strict.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw notUtf8(file, bytes, at < 0 ? 0 : at, 0, 0, csv);
  }
}

/**
 * A pass-through stream that refuses bytes that are not UTF-8 (the streamed registry reader's
 * counterpart of `decodeUtf8`): the first bad byte fails the stream with `notUtf8`, naming its
 * line and byte offset. A sequence cut by a chunk boundary is carried into the next chunk.
 */
export function utf8Guard(file: string): Transform {
  let carry = Buffer.alloc(0);
  let offset = 0; // bytes of the file before `carry`
  let lines = 0; // line ends before `carry` (lineEndsIn)
  let crLast = false; // the byte before `carry` was a CR
  // An LF first in `bytes` after a CR that ended the last chunk is that CRLF's, counted already: lineOfByte counts it again.
  const fail = (bytes: Buffer, at: number) => notUtf8(file, bytes, at, crLast && bytes[0] === LF ? lines - 1 : lines, offset, true);
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      // Keep an incomplete last sequence (a lead byte and fewer continuation bytes than it needs).
      let end = bytes.length;
      for (let k = 1; k <= 3 && k <= bytes.length; k++) {
        const b = bytes[bytes.length - k]!;
        if (b < 0x80) break;
        if (b >= 0xc0) {
          const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
          if (k < need) end = bytes.length - k;
          break;
        }
      }
      if (!isUtf8(bytes.subarray(0, end))) return done(fail(bytes, Math.max(0, firstInvalidUtf8(bytes, 0, end))));
      lines += lineEndsIn(bytes, 0, end, crLast);
      if (end > 0) crLast = bytes[end - 1] === CR;
      offset += end;
      carry = Buffer.from(bytes.subarray(end));
      done(null, bytes.subarray(0, end));
    },
    flush(done) {
      done(carry.length ? fail(carry, 0) : null);
    },
  });
}
