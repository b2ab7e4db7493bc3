/**
 * Report folders under `--out` that an earlier `hta report` wrote (they hold its index,
 * `.hta-report.json`) but that the manifest no longer names: a report dropped from the manifest,
 * or one whose `out` was renamed, would stay published with old numbers while `--check` said
 * "up to date" (found by a tester). hta never removes them (a folder may hold the user's own
 * files); `--check` lists them and the run notes them (docs/output-safety.md).
 */
import { lstatSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';

/** How deep under `--out` a report folder may lie (`out` is a relative path such as `a/b/c`). */
const MAX_DEPTH = 4;

/** Folders under `outDir` (relative, `/`-separated, sorted) holding `indexName` and not in `folders`. */
export function orphanReportFolders(outDir: string, folders: readonly string[], indexName: string): string[] {
  const known = new Set(folders.map((f) => posix.normalize(f).replace(/\/$/, '')));
  const found: string[] = [];
  const walk = (rel: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(join(outDir, rel));
    } catch {
      return;
    }
    if (rel !== '' && names.includes(indexName) && !known.has(rel)) found.push(rel);
    if (depth >= MAX_DEPTH) return;
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const child = rel === '' ? name : `${rel}/${name}`;
      // lstat: a link is not followed (a report folder is a real folder hta made).
      if (lstatSync(join(outDir, child), { throwIfNoEntry: false })?.isDirectory()) walk(child, depth + 1);
    }
  };
  walk('', 0);
  return found.sort();
}

