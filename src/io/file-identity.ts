/**
 * A file's identity — size, modification time and inode, as one text — for a reader that reads a
 * file more than once to tell that it read one version of it throughout. An export still being
 * written (a nightly job appending while hta reads) changes it; the read is then refused with
 * `… changed while it was being read; run the command again` (exit 2), never a result or an error
 * built from two versions of the file (docs/input-registry.md, docs/input-trial.md).
 */
import { statSync } from 'node:fs';

export const identityOf = (st: { size: number; mtimeMs: number; ino: number }): string => `${st.size}:${st.mtimeMs}:${st.ino}`;

/** identityOf the file as it is now (undefined: gone, or not to be stat'ed). */
export function fileIdentity(file: string): string | undefined {
  try {
    return identityOf(statSync(file));
  } catch {
    return undefined;
  }
}

/** The refusal's message for `file` read in two versions (`… changed while it was being read; run the command again`). */
export const changedWhileReadMessage = (file: string): string => `${file} changed while it was being read; run the command again`;

/** The message's Danish under `--lang da` (report/problem-text.ts reads it back; docs/cli.md "Danish output"); undefined for another text. */
export function changedWhileReadMessageDa(text: string): string | undefined {
  const m = /^(.+) changed while it was being read; run the command again$/s.exec(text);
  return m ? `${m[1]} blev ændret, mens den blev læst; kør kommandoen igen` : undefined;
}
