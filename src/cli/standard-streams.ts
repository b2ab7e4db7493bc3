/**
 * What `hta` does when its own standard output or error cannot be written (bin/hta.js installs
 * it): a full disk under `hta analyze … > results.txt` (ENOSPC), a quota, an I/O error. Such a
 * failure is the user's to fix, as for the files hta writes: one line on stderr naming the
 * stream and what to do, exit 2, never a stack trace (docs/cli.md "Standard output and error",
 * docs/output-safety.md). A closed pipe (`hta … | head`) is the reader's choice, not an error:
 * the run ends quietly with the exit code it had.
 */
import { writeSync } from 'node:fs';
import { fsReason, isFsError } from '../io/fs-error.js';

/** The line said when standard output fails (on stderr); exported for the tests. */
export function streamFailure(stream: 'standard output' | 'standard error', code: string): string {
  return `error: cannot write to ${stream}: ${fsReason(code)}\n`;
}

function onError(stream: 'standard output' | 'standard error', err: unknown): void {
  if (!isFsError(err)) throw err;
  if (err.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  if (stream === 'standard output') {
    try {
      // Directly to the descriptor: the message must go out before the process ends.
      writeSync(2, streamFailure(stream, err.code));
    } catch {
      // Standard error fails too: the exit code is all that can be said.
    }
  }
  // Standard error that fails cannot carry its own message: the exit code says it.
  process.exit(2);
}

/** Installs the handlers on process.stdout and process.stderr. */
export function guardStandardStreams(): void {
  process.stdout.on('error', (err) => onError('standard output', err));
  process.stderr.on('error', (err) => onError('standard error', err));
}
