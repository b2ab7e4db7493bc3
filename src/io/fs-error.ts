/**
 * File-system failures as one line a user can act on: which path, what is wrong, what to do.
 * Used when writing outputs (write-atomic.ts), by the input/output guard, and by the CLI's last
 * line of defence (main.ts) so that a missing file or a full disk is never reported as a bug.
 * See docs/output-safety.md.
 */
import { HtaError } from '../errors.js';

/** A Node.js system error (`ENOENT`, `EACCES`, …) as thrown by `node:fs`. */
export function isFsError(err: unknown): err is NodeJS.ErrnoException & { code: string } {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string' && /^E[A-Z]+$/.test((err as NodeJS.ErrnoException).code as string);
}

const REASONS: Record<string, string> = {
  ENOENT: 'it does not exist — check the path',
  EISDIR: 'it is a folder, where a file is expected — give a file name',
  ENOTDIR: 'a part of the path is a file, where a folder is needed — choose another path',
  EEXIST: 'something already exists there that is not a folder — choose another path',
  EACCES: 'permission denied — choose a place you can write to (or read from), or fix the permissions',
  EPERM: 'the operation is not permitted — choose a place you can write to, or fix the permissions',
  EROFS: 'the file system is read-only — write somewhere else',
  ENOSPC: 'the disk is full — free some space or write somewhere else',
  EDQUOT: 'the disk quota is exhausted — free some space or write somewhere else',
  ENAMETOOLONG: 'the name is too long — choose a shorter path',
  ELOOP: 'too many symbolic links on the way — give the real path',
  EMFILE: 'too many open files — close other programs or raise the limit (ulimit -n)',
  ENFILE: 'too many open files on the system — try again later',
  EBUSY: 'the file is busy (in use by another program) — close it and try again',
  ETXTBSY: 'the file is busy (in use by another program) — close it and try again',
  EIO: 'an input/output error occurred on the device — check the disk',
  EXDEV: 'it is on another file system than its staging file — report this as a bug',
  EFBIG: 'the file is larger than the file system or the file-size limit (ulimit -f) allows — write somewhere else',
};

/** "EISDIR" → "it is a folder, where a file is expected — give a file name". */
export function fsReason(code: string): string {
  return REASONS[code] ?? `the system reported ${code}`;
}

/**
 * An HtaError (exit 2) for a file-system failure while doing `what` ("write", "read", "create the
 * folder") on `path`; the error's own path is used when it names a different one (a parent
 * folder that is in fact a file, say).
 */
export function fsFailure(err: NodeJS.ErrnoException, what: string, path: string): HtaError {
  const where = typeof err.path === 'string' && err.path !== path && err.syscall === 'mkdir' ? `${path} (at ${err.path})` : path;
  const e = new HtaError(what === 'read' ? 'input.unreadable' : 'output.failed', `cannot ${what} ${where}: ${fsReason(err.code ?? 'EIO')}`);
  // Kept, so a caller that knows better where the path is (hta's temporary folder: temp-folder.ts) can say so.
  e.cause = err;
  return e;
}

/**
 * The system's words for a failure (strerror, as a program written in C reports it: DuckDB's
 * `IO Error: … "<path>": No space left on device`) and their codes, so that such a failure is
 * said as Node's own are (fsReason).
 */
const SYSTEM_WORDS: Readonly<Record<string, string>> = {
  'No space left on device': 'ENOSPC',
  'Disk quota exceeded': 'EDQUOT',
  'File too large': 'EFBIG',
  'Read-only file system': 'EROFS',
  'Permission denied': 'EACCES',
  'Operation not permitted': 'EPERM',
  'No such file or directory': 'ENOENT',
  'Input/output error': 'EIO',
};

/** The code (`ENOSPC`, …) of a reason in the system's words, or undefined when it is none of those known. */
export function codeOfSystemWords(reason: string): string | undefined {
  return Object.entries(SYSTEM_WORDS).find(([words]) => reason.includes(words))?.[1];
}

/** DuckDB's failure to open or write a file: the file's path and the system's reason; undefined for any other error. */
export function duckDbFileFailure(err: unknown): { path: string; reason: string } | undefined {
  if (!(err instanceof Error) || err instanceof HtaError) return undefined;
  const io = /^IO Error: [^"\n]*"([^"\n]+)"[^\n]*?: ([^\n]+?)\.?$/m.exec(err.message);
  return io ? { path: io[1]!, reason: io[2]!.trim() } : undefined;
}
