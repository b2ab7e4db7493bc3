/**
 * hta's own temporary folders — DuckDB's spill folder, a report worker's TMPDIR, the UTF-8 copy of
 * a registry, the CSV `simulate registry --format parquet` converts — made under the system's
 * temporary folder (TMPDIR). The user named no such path, and no output option moves it, so a
 * failure to make one says that it is hta's temporary folder and what to set: TMPDIR (TEMP on
 * Windows) to a writable folder, rather than "write somewhere else" (docs/output-safety.md).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
