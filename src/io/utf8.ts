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

/** 1-based line holding byte `offset` (counting LF bytes before it). */
export function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
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
  let lines = 0; // LF bytes before `carry`
  const fail = (bytes: Buffer, at: number) => notUtf8(file, bytes, at, lines, offset, true);
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
      for (let i = bytes.indexOf(0x0a); i >= 0 && i < end; i = bytes.indexOf(0x0a, i + 1)) lines++;
      offset += end;
      carry = Buffer.from(bytes.subarray(end));
      done(null, bytes.subarray(0, end));
    },
    flush(done) {
      done(carry.length ? fail(carry, 0) : null);
    },
  });
}
