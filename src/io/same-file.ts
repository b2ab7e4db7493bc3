/**
 * Whether two input paths are one file given twice (the same path, or links to one file) or
 * byte-identical copies: a file read twice counts its rows twice. Compared in 1 MiB chunks,
 * only when the sizes agree; undefined when either cannot be read (the real read says why).
 */
import { closeSync, openSync, readSync, realpathSync, statSync } from 'node:fs';

export type Sameness = 'same file' | 'identical copy';

export function sameFile(a: string, b: string): Sameness | undefined {
  let fa: number | undefined, fb: number | undefined;
  try {
    if (realpathSync(a) === realpathSync(b)) return 'same file';
    const sa = statSync(a), sb = statSync(b);
    if (!sa.isFile() || !sb.isFile() || sa.size !== sb.size) return undefined;
    fa = openSync(a, 'r');
    fb = openSync(b, 'r');
    const ba = Buffer.alloc(1 << 20), bb = Buffer.alloc(1 << 20);
    for (let pos = 0; pos < sa.size;) {
      const na = readSync(fa, ba, 0, ba.length, pos), nb = readSync(fb, bb, 0, bb.length, pos);
      if (na !== nb || na === 0 || !ba.subarray(0, na).equals(bb.subarray(0, nb))) return undefined;
      pos += na;
    }
    return 'identical copy';
  } catch {
    return undefined;
  } finally {
    if (fa !== undefined) closeSync(fa);
    if (fb !== undefined) closeSync(fb);
  }
}
