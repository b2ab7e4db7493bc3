/**
 * hta's own temporary folders — DuckDB's spill folder, a report worker's TMPDIR, the UTF-8 copy of
 * a registry, the CSV `simulate registry --format parquet` converts — made under the system's
 * temporary folder (TMPDIR). The user named no such path, and no output option moves it, so a
 * failure to make one says that it is hta's temporary folder and what to set: TMPDIR (TEMP on
 * Windows) to a writable folder, rather than "write somewhere else" (docs/output-safety.md).
 * The same holds when the folder was made but the disk under it fills while hta writes into it
 * (`inTempFolder`): a tmpfs or quota with little room makes mkdtemp succeed and the first write fail.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { HtaError } from '../errors.js';
import { fsReason, isFsError } from './fs-error.js';

/** The variable that sets the system's temporary folder for hta (Node's os.tmpdir()). */
const TEMP_VARIABLE = process.platform === 'win32' ? 'TEMP' : 'TMPDIR';

/** Makes a private folder `<tmpdir>/<prefix>XXXXXX`; a failure is one line naming TMPDIR (exit 2). */
export function makeTempFolder(prefix: string): string {
  const base = tmpdir();
  try {
    return mkdtempSync(join(base, prefix));
  } catch (err) {
    if (!isFsError(err)) throw err;
    // The reason without its advice ("— write somewhere else"): the remedy here is the variable.
    const reason = fsReason(err.code).split(' — ')[0];
    throw new HtaError('output.failed', `cannot make hta's temporary folder in ${base} (${TEMP_VARIABLE}): ${reason} — set ${TEMP_VARIABLE} to a writable folder with room to spare (${TEMP_VARIABLE}=$HOME/tmp, say), or leave it unset`);
  }
}

/** Failures that mean "no room": the disk, the quota, the file-size limit. */
const NO_ROOM = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);

/** The file-system error behind `err`: itself, or the one an HtaError of fsFailure keeps as its cause. */
function fsErrorOf(err: unknown): (NodeJS.ErrnoException & { code: string }) | undefined {
  if (isFsError(err)) return err;
  if (err instanceof HtaError && isFsError(err.cause)) return err.cause;
  return undefined;
}

/**
 * Runs `work`, which writes into `dir`, one of hta's temporary folders (makeTempFolder). When the
 * disk or quota under it runs out, the error names TMPDIR and what to set, not a path inside the
 * folder the user never gave, nor no path at all. Every other error passes unchanged.
 */
export async function inTempFolder<T>(dir: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const fsErr = fsErrorOf(err);
    if (fsErr === undefined || !NO_ROOM.has(fsErr.code)) throw err;
    throw tempFilesError(dir, fsErr.code);
  }
}

/**
 * The failure to write into `dir`, one of hta's temporary folders, with `code` (`ENOSPC`, `EACCES`,
 * …) or a reason in the system's own words: one line naming TMPDIR and what to set (exit 2). Also
 * for the failures DuckDB reports in its own words while it spills into its folder
 * (uptake/engine/spill-error.ts).
 */
export function tempFilesError(dir: string, code: string, reason = fsReason(code).split(' — ')[0]): HtaError {
  return new HtaError('output.failed', `cannot write hta's temporary files in ${dirname(dir)} (${TEMP_VARIABLE}): ${reason} — set ${TEMP_VARIABLE} to a writable folder with room to spare (${TEMP_VARIABLE}=$HOME/tmp, say), or leave it unset`);
}
