/**
 * Atomic writes: content goes to a temporary file beside the target, then is renamed over it,
 * so readers never see a half-written report and a failed run leaves the old file intact.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';

/** The temporary name a file is written under before it is renamed to `path` (its folder is created). */
export function stagingPath(path: string): string {
  mkdirSync(dirname(path), { recursive: true });
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const tmp = stagingPath(path);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * Writes several files all-or-nothing as far as the file system allows: every file is first
 * written to its temporary name; only when all succeeded are they renamed into place.
 */
export function writeFilesAtomic(files: ReadonlyMap<string, string | Uint8Array>): void {
  const staged: [string, string][] = [];
  let renamed = 0;
  try {
    for (const [path, content] of files) {
      const tmp = stagingPath(path);
      // Listed before writing, so a write that fails half-way is cleaned up too.
      staged.push([tmp, path]);
      writeFileSync(tmp, content);
    }
    for (const [tmp, path] of staged) {
      renameSync(tmp, path);
      renamed++;
    }
  } catch (err) {
    for (const [tmp] of staged.slice(renamed)) rmSync(tmp, { force: true });
    throw err;
  }
}
