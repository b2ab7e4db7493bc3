/**
 * DuckDB's own failures to write its spill files (docs/uptake-aggregates.md "Engine"), in hta's
 * words. DuckDB spills into a private folder under TMPDIR (duckdb-session.ts); when the disk under
 * it is full, read-only, or the folder was removed meanwhile, DuckDB reports it in its own words —
 * "Out of Memory Error: failed to offload data block … 'max_temp_directory_size' …", or "IO Error:
 * Could not write file "<spill folder>/duckdb_temp_storage….tmp": No space left on device" — which
 * name a setting the user cannot reach and a path the user never gave. Said instead as hta's own
 * temporary-folder failures are (io/temp-folder.ts): TMPDIR, and what to set (exit 2).
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { HtaError } from '../../errors.js';
import { tempFilesError } from '../../io/temp-folder.js';
import { codeOfSystemWords, duckDbFileFailure } from '../../io/fs-error.js';
import { DEFAULT_MEMORY_LIMIT } from './engine-limits.js';

/** Whether `path` is `dir` or lies inside it. */
function inside(path: string, dir: string): boolean {
  const rel = relative(resolve(dir), resolve(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * The HtaError for DuckDB's error `err` when it is a failure to spill into `spill` (the run's
 * temporary folder); undefined for any other error, which passes unchanged.
 */
export function spillError(err: unknown, spill: string): HtaError | undefined {
  if (!(err instanceof Error) || err instanceof HtaError) return undefined;
  const message = err.message;
  // The spill has outgrown the room on TMPDIR's disk: max_temp_directory_size defaults to the
  // space left on the drive of the temp directory, so "over the limit" means the disk is full.
  if (/^Out of Memory Error: failed to offload/.test(message) || /'max_temp_directory_size'/.test(message)) return tempFilesError(spill, 'ENOSPC');
  // A file in the spill folder that DuckDB cannot open, write or extend: the system's reason.
  const io = duckDbFileFailure(err);
  if (!io || !inside(io.path, spill)) return undefined;
  const reason = io.reason;
  const code = codeOfSystemWords(reason);
  // The folder itself gone (a temp cleaner removed it while hta ran): said so, not "does not exist — check the path".
  if (code === 'ENOENT') return tempFilesError(spill, code, 'its folder was removed while hta ran (a temp-folder cleaner?)');
  return code !== undefined ? tempFilesError(spill, code) : tempFilesError(spill, 'EIO', reason);
}

/** DuckDB's "Out of Memory Error" that is not a failure to spill ("could not allocate block", "failed to pin block"). */
export function isOutOfMemory(err: unknown): boolean {
  if (!(err instanceof Error) || err instanceof HtaError) return false;
  return /^Out of Memory Error:/.test(err.message) && !isSpillFailure(err);
}

/**
 * The HtaError for DuckDB running out of the memory it may use (`memoryLimit`, as the user gave
 * it with --memory-limit, or undefined where the command has no such option: hta's default then):
 * the user's setting and what to change (exit 2), not DuckDB's "SET memory_limit" advice, which
 * no hta user can apply, nor "a bug in hta". Undefined for any other error. A failure to spill
 * (a full TMPDIR) is `spillError`'s.
 */
export function memoryError(err: unknown, memoryLimit: string | undefined): HtaError | undefined {
  if (!isOutOfMemory(err)) return undefined;
  if (memoryLimit === undefined) return new HtaError('usage.invalid', `the SQL engine ran out of memory (its limit: ${DEFAULT_MEMORY_LIMIT})`);
  return new HtaError('usage.invalid', `the SQL engine ran out of memory (--memory-limit ${memoryLimit}): raise --memory-limit or lower --threads`);
}

/**
 * Whether `err` is DuckDB's failure to spill, wherever its folder is: for a caller that would
 * otherwise take it for a file DuckDB cannot read and read the whole file again (registry-engine.ts).
 */
export function isSpillFailure(err: unknown): boolean {
  if (!(err instanceof Error) || err instanceof HtaError) return false;
  return /^Out of Memory Error: failed to offload/.test(err.message) || /'max_temp_directory_size'/.test(err.message) || /^IO Error: [^\n]*"[^"\n]*(duckdb_temp_storage|hta-duckdb-)[^"\n]*"/m.test(err.message);
}
