/**
 * Safe, atomic writes (docs/output-safety.md). Every output is written to a private staging file
 * beside its target and renamed over it only when complete, so readers never see half a file
 * and a failed or interrupted run leaves the old file (or nothing) in place.
 *
 * - The staging file gets a random name and is created exclusively (O_CREAT|O_EXCL|O_NOFOLLOW,
 *   mode 0600): a file or symbolic link planted at a predictable name is never opened, let alone
 *   written through. It becomes 0644 just before the rename.
 * - The target must be absent or a regular file. A folder, device, FIFO or socket is refused, and
 *   so is a symbolic link: hta neither writes through a link nor silently replaces it.
 * - Staging files are listed process-wide (staging-files.ts) and removed on every failure and on
 *   SIGINT/SIGTERM.
 * - File-system failures become one-line HtaErrors naming the path (fs-error.ts), exit 2.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, constants, fchmodSync, lstatSync, mkdirSync, openSync, renameSync, write, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { HtaError } from '../errors.js';
import { fsFailure, isFsError } from './fs-error.js';
import { discardStagingFile, forgetStagingFile, registerStagingFile } from './staging-files.js';

// O_NOFOLLOW is 0 where the platform lacks it; O_EXCL alone already refuses an existing link.
const STAGING_FLAGS = constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | (constants.O_NOFOLLOW ?? 0);
const STAGING_MODE = 0o600;
const FINAL_MODE = 0o644;

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Refuses (HtaError, exit 2) a target that exists and is not a regular file, or is a symbolic
 * link; `label` names it as the user gave it (e.g. "--out x.csv").
 */
export function checkOutputTarget(path: string, label = path): void {
  let st: Stats;
  try {
    st = lstatSync(path);
  } catch (err) {
    if (isFsError(err) && err.code === 'ENOENT') return;
    throw isFsError(err) ? fsFailure(err, 'write', label) : err;
  }
  if (st.isSymbolicLink()) {
    throw new HtaError('output.failed', `refusing to write ${label}: it is a symbolic link, and hta never writes through or replaces a link — give the path of a regular file`);
  }
  if (!st.isFile()) throw new HtaError('output.failed', `refusing to write ${label}: it is ${kindOf(st)}, not a regular file — give a file name`);
}

interface Staged {
  path: string;
  tmp: string;
  fd: number;
}

/** Creates the private staging file for `path` (and the folders on the way). */
function stage(path: string): Staged {
  checkOutputTarget(path);
  const dir = dirname(path);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw isFsError(err) ? fsFailure(err, 'write', path) : err;
  }
  // Names stay well below the 255-byte limit whatever the target's name.
  const stem = basename(path).slice(0, 100);
  for (let attempt = 0; ; attempt++) {
    const tmp = join(dir, `.${stem}.${randomBytes(8).toString('hex')}.tmp`);
    try {
      const fd = openSync(tmp, STAGING_FLAGS, STAGING_MODE);
      registerStagingFile(tmp);
      return { path, tmp, fd };
    } catch (err) {
      if (isFsError(err) && err.code === 'EEXIST' && attempt < 8) continue;
      throw isFsError(err) ? fsFailure(err, 'write', path) : err;
    }
  }
}

function closeStaged(s: Staged): void {
  if (s.fd < 0) return;
  const fd = s.fd;
  s.fd = -1;
  closeSync(fd);
}

/** Gives the finished staging file its final mode and renames it over the target. */
function commit(s: Staged): void {
  try {
    fchmodSync(s.fd, FINAL_MODE);
    closeStaged(s);
    // Checked again: the target may have changed while the content was produced.
    checkOutputTarget(s.path);
    renameSync(s.tmp, s.path);
  } catch (err) {
    throw isFsError(err) ? fsFailure(err, 'write', s.path) : err;
  }
  forgetStagingFile(s.tmp);
}

function abandon(s: Staged): void {
  try {
    closeStaged(s);
  } catch {
    // The file is removed next anyway.
  }
  discardStagingFile(s.tmp);
}

function writeAllSync(s: Staged, content: string | Uint8Array): void {
  const buf = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  try {
    for (let off = 0; off < buf.length; ) off += writeSync(s.fd, buf, off, buf.length - off);
  } catch (err) {
    throw isFsError(err) ? fsFailure(err, 'write', s.path) : err;
  }
}

export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  writeFilesAtomic(new Map([[path, content]]));
}

/**
 * Writes several files all-or-nothing as far as the file system allows: every file is first
 * written to its staging file; only when all succeeded are they renamed into place.
 */
export function writeFilesAtomic(files: ReadonlyMap<string, string | Uint8Array>): void {
  const staged: Staged[] = [];
  let renamed = 0;
  try {
    for (const [path, content] of files) {
      const s = stage(path);
      staged.push(s);
      writeAllSync(s, content);
    }
    for (const s of staged) {
      commit(s);
      renamed++;
    }
  } catch (err) {
    for (const s of staged.slice(renamed)) abandon(s);
    throw err;
  }
}

/**
 * For a file another program writes by its path (DuckDB's `COPY … TO`): `produce` receives the
 * private staging file (created exclusively under a random name beside the target, then
 * closed) and fills it; it is then renamed over the target as `writeFileAtomic` does, or removed
 * if anything fails.
 */
export async function produceFileAtomic(path: string, produce: (staging: string) => Promise<void>): Promise<void> {
  const s = stage(path);
  try {
    closeStaged(s);
    await produce(s.tmp);
    chmodSync(s.tmp, FINAL_MODE);
    checkOutputTarget(s.path);
    renameSync(s.tmp, s.path);
  } catch (err) {
    discardStagingFile(s.tmp);
    throw isFsError(err) ? fsFailure(err, 'write', path) : err;
  }
  forgetStagingFile(s.tmp);
}

/** An output written piece by piece through a staging file: `commit` renames it into place, `discard` removes it. */
export interface AtomicSink {
  write(text: string): void;
  commit(): void;
  discard(): void;
}

/** Opens `path` for piecewise writing with the same guarantees as `writeFileAtomic`. */
export function openAtomicSink(path: string): AtomicSink {
  const s = stage(path);
  return {
    write: (text) => writeAllSync(s, text),
    commit: () => commit(s),
    discard: () => abandon(s),
  };
}

const writeAsync = (fd: number, buf: Buffer, off: number): Promise<number> =>
  new Promise((resolve, reject) => write(fd, buf, off, buf.length - off, null, (err, n) => (err ? reject(err) : resolve(n))));

/**
 * Streams lines (each followed by `\n`) into `path` through a staging file, in ~1 MiB chunks:
 * memory stays bounded however many lines there are, the event loop turns between chunks (so
 * Ctrl-C is honoured and cleans up), and a failed run leaves no file. Returns the line count.
 */
export async function writeLinesAtomic(path: string, lines: Iterable<string>): Promise<number> {
  const s = stage(path);
  let count = 0;
  try {
    let chunk = '';
    const flush = async () => {
      const buf = Buffer.from(chunk, 'utf8');
      chunk = '';
      try {
        for (let off = 0; off < buf.length; ) off += await writeAsync(s.fd, buf, off);
      } catch (err) {
        throw isFsError(err) ? fsFailure(err, 'write', path) : err;
      }
    };
    for (const line of lines) {
      chunk += line + '\n';
      count++;
      if (chunk.length >= 1 << 20) await flush();
    }
    await flush();
    commit(s);
  } catch (err) {
    abandon(s);
    throw err;
  }
  return count;
}
