/**
 * hta's own temporary folders — DuckDB's spill folder, a report worker's TMPDIR, the UTF-8 copy of
 * a registry, the CSV `simulate registry --format parquet` converts — made under the system's
 * temporary folder (TMPDIR). The user named no such path, and no output option moves it, so a
 * failure to make one says that it is hta's temporary folder and what to set: TMPDIR (TEMP on
 * Windows) to a writable folder, rather than "write somewhere else" (docs/output-safety.md).
 * The same holds when the folder was made but the disk under it fills while hta writes into it
 * (`inTempFolder`): a tmpfs or quota with little room makes mkdtemp succeed and the first write fail.
 */
import { lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { HtaError } from '../errors.js';
import { fsReason, isFsError } from './fs-error.js';
import { HOST_TAG, processRuns, STALE_AFTER_MS } from './stale-staging.js';

/** The variable that sets the system's temporary folder for hta (Node's os.tmpdir()). */
const TEMP_VARIABLE = process.platform === 'win32' ? 'TEMP' : 'TMPDIR';

/** The prefixes of hta's temporary folders: the only names a later run may clear (removeStaleTempFolders). */
export const TEMP_PREFIXES = ['hta-duckdb-', 'hta-worker-', 'hta-registry-', 'hta-simulate-'] as const;
export type TempPrefix = (typeof TEMP_PREFIXES)[number];

/**
 * `<prefix><pid>_<host tag>_XXXXXX` (mkdtemp's six random characters): whose folder it is, as a
 * staging file's name says (stale-staging.ts), so that a later run can tell one a run could not
 * remove (a TMPDIR turned read-only, kill -9) from one still in use.
 */
const OWNED = new RegExp(`^(?:${TEMP_PREFIXES.join('|')})(\\d{1,10})_([0-9a-f]{8})_[A-Za-z0-9]{6}$`);

/** TMPDIRs already cleared by this process: once per run is enough. */
const cleared = new Set<string>();

/**
 * Removes, best effort and silently, hta's own temporary folders in `base` that outlived their
 * run: only a folder (never a link) of this user's whose name is exactly hta's pattern with this
 * machine's tag (and process-id namespace), whose process no longer runs, and which has not
 * changed for STALE_AFTER_MS. Anything else — another machine's or container's, an older hta's
 * (`hta-duckdb-XXXXXX`, no process id), another program's — is left alone (docs/output-safety.md).
 */
export function removeStaleTempFolders(base = tmpdir()): void {
  if (cleared.has(base)) return;
  cleared.add(base);
  let names: string[];
  try {
    names = readdirSync(base);
  } catch {
    return;
  }
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  for (const name of names) {
    const m = OWNED.exec(name);
    if (!m || m[2] !== HOST_TAG || processRuns(Number(m[1]))) continue;
    const folder = join(base, name);
    try {
      const st = lstatSync(folder);
      if (!st.isDirectory() || (uid !== undefined && st.uid !== uid) || Date.now() - st.mtimeMs < STALE_AFTER_MS) continue;
      rmSync(folder, { recursive: true, force: true });
    } catch {
      // Not removable now (a read-only TMPDIR still): a later run tries again.
    }
  }
}

/**
 * Makes a private folder `<tmpdir>/<prefix><pid>_<host tag>_XXXXXX`, first clearing the stale ones
 * of earlier runs (removeStaleTempFolders); a failure is one line naming TMPDIR (exit 2).
 */
export function makeTempFolder(prefix: TempPrefix): string {
  const base = tmpdir();
  removeStaleTempFolders(base);
  try {
    return mkdtempSync(join(base, `${prefix}${process.pid}_${HOST_TAG}_`));
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
