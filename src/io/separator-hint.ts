/**
 * Excel's separator hint: a first line `sep=;` (or `sep=,`, `sep=<tab>`, `sep=|`, sometimes quoted
 * `"sep=;"`) that Excel reads as "the cells are separated by this" and some exports write so that
 * Excel opens them in any locale. It is no row of the table: every reader skips it, takes its
 * separator, and keeps the file's own line numbers (the header is then line 2). See
 * docs/input-trial-export.md ("The header is the first line") and docs/input-registry.md.
 */
import { HtaError } from '../errors.js';
import { Transform } from 'node:stream';
import type { Delimiter } from './dialect.js';

const HINT = /^\uFEFF?"?sep=([^\r\n])"?(\r\n|\n|\r|$)/i;
const SUPPORTED: readonly string[] = [',', ';', '\t', '|'];

export interface SeparatorHint {
  delimiter: Delimiter;
  /** Characters of `text` up to and with the hint line's line break (a byte-order mark included). */
  end: number;
}

/**
 * The hint on the first line of `text` (the file's start as text), or undefined. A hint naming a
 * separator hta does not read (`sep=:`) is refused with the error that says so.
 */
export function separatorHint(file: string, text: string): SeparatorHint | undefined {
  const m = HINT.exec(text);
  if (!m) return undefined;
  const sep = m[1]!;
  if (!SUPPORTED.includes(sep)) {
    const shown = sep === ' ' ? 'a space' : `"${sep}"`;
    return unsupported(file, shown);
  }
  return { delimiter: sep as Delimiter, end: m[0].length };
}

function unsupported(file: string, shown: string): never {
  throw new HtaError('input.invalid', `${file}: line 1 is Excel's separator hint (sep=…) naming ${shown} as the separator, which hta does not read`, [
    { file, line: 1, expected: 'cells separated by a comma, a semicolon, a tab or "|": save the file again as "CSV UTF-8" (Danish: "CSV UTF-8 (kommasepareret)")', kind: 'header.separator-hint' },
  ]);
}

/** Bytes enough to see a hint line whole: a byte-order mark, `"sep=;"` and CRLF. */
const HINT_BYTES = 12;

/**
 * A byte stream of a file's text with Excel's `sep=<delimiter>` line emptied (its line break
 * kept): a CSV parser then meets a blank line 1, which the registry readers skip as any blank
 * line while they count it, so the header is line 2 as in the file. Per chunk, not per record:
 * a hook on each record would cost the row scan a third of its speed.
 */
export function withoutSeparatorHint(delimiter: Delimiter): Transform {
  let head: Buffer | undefined = Buffer.alloc(0);
  const cut = (buf: Buffer): Buffer => {
    const bom = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
    const m = HINT.exec(buf.subarray(bom, HINT_BYTES).toString('latin1'));
    return m && m[1] === delimiter ? buf.subarray(bom + m[0].length - m[2]!.length) : buf;
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (head === undefined) return done(null, chunk);
      head = Buffer.concat([head, chunk]);
      if (head.length < HINT_BYTES) return done();
      const out = cut(head);
      head = undefined;
      done(null, out);
    },
    flush(done) {
      const out = head === undefined ? undefined : cut(head);
      head = undefined;
      done(null, out);
    },
  });
}
