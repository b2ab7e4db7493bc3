/**
 * What `hta` does when its own standard output or error cannot be written (bin/hta.js installs
 * it): a full disk under `hta analyze … > results.txt` (ENOSPC), a quota, a size limit
 * (`ulimit -f`: EFBIG), an I/O error. Such a failure is the user's to fix, as for the files hta
 * writes: one line on stderr naming the stream and what to do, exit 2, never a stack trace
 * (docs/cli.md "Standard output and error", docs/output-safety.md). A closed pipe (`hta … | head`)
 * is the reader's choice, not an error: the run ends quietly with the exit code it had.
 */
import { fstatSync, writeSync } from 'node:fs';
import { isatty } from 'node:tty';
import { fsReason, isFsError } from '../io/fs-error.js';

type StreamName = 'standard output' | 'standard error';

/** The line said when standard output fails (on stderr); exported for the tests. */
export function streamFailure(stream: StreamName, code: string): string {
  return `error: cannot write to ${stream}: ${fsReason(code)}\n`;
}

/** How a failed stream ends the run; the tests replace `exit` and `say` (fd 2). */
export interface StreamEnd {
  exit: (code: number) => never;
  say: (text: string) => void;
}

const processEnd: StreamEnd = {
  exit: (code) => process.exit(code),
  // Directly to the descriptor: the message must go out before the process ends.
  say: (text) => void writeSync(2, text),
};

function onError(stream: StreamName, err: unknown, end: StreamEnd = processEnd): void {
  if (!isFsError(err)) throw err;
  if (err.code === 'EPIPE') end.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  if (stream === 'standard output') {
    try {
      end.say(streamFailure(stream, err.code));
    } catch {
      // Standard error fails too: the exit code is all that can be said.
    }
  }
  // Standard error that fails cannot carry its own message: the exit code says it.
  end.exit(2);
}

/** `fs.writeSync`'s shape, replaceable in the tests by one that writes short or fails. */
export type WriteFd = (fd: number, buffer: Uint8Array, offset: number, length: number) => number;

/**
 * Writes all of `text` to `fd`, or ends the run as a failed stream. Node writes a stream on a
 * file or a device with one `writeSync` whose count it ignores: a disk that fills, or a
 * `ulimit -f` reached (Node ignores SIGXFSZ), midway took the rest away silently and the run
 * ended with exit 0 and a cut-off file. Here a short write is followed by another for the rest,
 * which then fails with the reason (ENOSPC, EFBIG); a write of nothing counts as a full disk.
 */
export function writeAll(stream: StreamName, fd: number, text: string, write: WriteFd = writeSync, end: StreamEnd = processEnd): void {
  const bytes = Buffer.from(text, 'utf8');
  let done = 0;
  try {
    while (done < bytes.length) {
      const n = write(fd, bytes, done, bytes.length - done);
      if (!(n > 0)) throw Object.assign(new Error('nothing was written'), { code: 'ENOSPC' });
      done += n;
    }
  } catch (err) {
    onError(stream, err, end);
  }
}

/**
 * Whether Node writes `fd` synchronously with unchecked counts (a file or a device such as
 * /dev/full, not a terminal); pipes and terminals go through libuv, which writes the rest itself.
 */
function writtenByNodeUnchecked(fd: number): boolean {
  try {
    if (isatty(fd)) return false;
    const s = fstatSync(fd);
    return s.isFile() || s.isCharacterDevice() || s.isBlockDevice();
  } catch {
    return false;
  }
}

/** A writer for process.stdout or process.stderr that never loses part of its text silently. */
export function streamWriter(stream: StreamName): (text: string) => void {
  const fd = stream === 'standard output' ? 1 : 2;
  const node = stream === 'standard output' ? process.stdout : process.stderr;
  let direct: boolean | undefined;
  return (text) => {
    // Looked at once, at the first write: most runs of a library caller never print.
    direct ??= writtenByNodeUnchecked(fd);
    if (direct) writeAll(stream, fd, text);
    else node.write(text);
  };
}

/** Installs the handlers on process.stdout and process.stderr. */
export function guardStandardStreams(): void {
  process.stdout.on('error', (err) => onError('standard output', err));
  process.stderr.on('error', (err) => onError('standard error', err));
}
