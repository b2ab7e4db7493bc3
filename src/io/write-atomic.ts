/**
 * Atomic writes: content goes to a temporary file beside the target, then is renamed over it,
 * so readers never see a half-written report and a failed run leaves the old file intact.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';

export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
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
  try {
    for (const [path, content] of files) {
      mkdirSync(dirname(path), { recursive: true });
      const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
      writeFileSync(tmp, content);
      staged.push([tmp, path]);
    }
  } catch (err) {
    for (const [tmp] of staged) rmSync(tmp, { force: true });
    throw err;
  }
  for (const [tmp, path] of staged) renameSync(tmp, path);
}
