/**
 * An input as a published page and its results.json name it (docs/manifest.md): as the manifest
 * writes it when it lies in the manifest's folder tree (`data/udtræk.csv`, the same on every
 * machine), else — an absolute path or one leading out of that folder with `..`, allowed only
 * with `--allow-outside` — by its last name alone: a page must not show
 * `/home/anna/OneDrive - Region Midtjylland/…` (a person's name, an employer, a folder layout),
 * as the regenerate command names such a manifest by its last name (regenerate-command.ts).
 */
import { posix, win32 } from 'node:path';

export function publishedName(path: string): string {
  const slashed = path.split('\\').join('/');
  const outside = posix.isAbsolute(slashed) || win32.isAbsolute(path) || posix.normalize(slashed).startsWith('../') || posix.normalize(slashed) === '..';
  return outside ? posix.basename(slashed) : path;
}
