/**
 * What to tell a user whose output files (report pages, `--csv-dir` tables) differ from what hta
 * wrote in CRLF line ends only. Git for Windows converts text files it checks out
 * (core.autocrlf=true), so a committed report that nobody touched looks "edited since hta wrote
 * it" to the folder's index; the remedy is to let git keep hta's bytes (docs/output-safety.md
 * "Line endings and git").
 */
import { isAbsolute, posix, relative, resolve, sep } from 'node:path';

/** The `.gitattributes` line for the report folder `out` (as a path from the folder hta runs in, when inside it). */
export function gitattributesLine(out: string, cwd = process.cwd()): string {
  const fromCwd = relative(cwd, resolve(cwd, out));
  const inside = fromCwd !== '' && !fromCwd.startsWith('..') && !isAbsolute(fromCwd);
  const folder = inside ? posix.normalize(fromCwd.split(sep).join('/')) : fromCwd === '' ? '' : `<${out} from the repository's root>`;
  return `${folder === '' ? '' : `${folder}/`}** -text`;
}

/** The remedy, after "differ only in line endings (git core.autocrlf?)"; `force` is the command that regenerates with --force. */
export function lineEndingsRemedy(out: string, force: string): string {
  return `git converts text files on checkout when core.autocrlf is set: add \`${gitattributesLine(out)}\` to the repository's .gitattributes and commit it, so that git keeps hta's line endings, then regenerate with ${force} (in these files only the line endings change)`;
}
