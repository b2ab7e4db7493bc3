/**
 * The start of a file as UTF-8 text (a byte-order mark left out), for a guess about what the
 * file is before it is read properly: the first character (a JSON document or an export?), the
 * header line. Undefined when it is no regular file (a named pipe would block the open:
 * regular-file.ts) or cannot be read — the real read names the problem then.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';

export function fileStart(file: string, bytes: number): string | undefined {
  let fd: number | undefined;
  try {
    if (!statSync(file).isFile()) return undefined;
    fd = openSync(file, 'r');
    const buf = Buffer.alloc(bytes);
    return buf.subarray(0, readSync(fd, buf, 0, bytes, 0)).toString('utf8').replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
