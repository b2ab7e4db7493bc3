/**
 * What to tell a user whose output files (report pages, `--csv-dir` tables) differ from what hta
 * wrote in CRLF line ends only. Git for Windows converts text files it checks out
 * (core.autocrlf=true), so a committed report that nobody touched looks "edited since hta wrote
 * it" to the folder's index; the remedy is to let git keep hta's bytes (docs/output-safety.md
 * "Line endings and git").
 */
import { join } from 'node:path';

/**
 * What to add for the output folder `out`: a `.gitattributes` inside the folder itself. Git reads a
 * `.gitattributes` pattern relative to the file's own folder, and `*` (no `/`) matches every file
 * at any depth below it, so `* -text` there covers the folder whichever folder hta runs in and
 * wherever the repository's root is — a line for the root's file would need the folder's path
 * from the root, which hta does not know.
 */
export function gitattributesAdvice(out: string): string {
  return `add the line \`* -text\` to ${join(out, '.gitattributes')} (making the file if need be)`;
}

/** The remedy, after "differ only in line endings (git core.autocrlf?)"; `force` is the command that regenerates with --force. */
export function lineEndingsRemedy(out: string, force: string): string {
  return `git converts text files on checkout when core.autocrlf is set: ${gitattributesAdvice(out)} and commit it, so that git keeps hta's line endings there, then regenerate with ${force} (in these files only the line endings change)`;
}
