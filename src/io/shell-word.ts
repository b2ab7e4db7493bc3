/**
 * A path as a POSIX shell reads it, for commands hta prints for the user to run (a report page's
 * "Regenerate with …", the join advice for several registry exports): unquoted when it holds only
 * plain path characters, else in single quotes (a quote inside written '\'').
 */
export function shellWord(p: string): string {
  return /^[\w@%+=:,./-]+$/.test(p) ? p : `'${p.replace(/'/g, `'\\''`)}'`;
}

/**
 * A path for a command the user may run in any shell — a POSIX shell, Windows' cmd.exe or
 * PowerShell (a report page's "Regenerate with …", `hta report`'s own "run again" advice):
 * unquoted when plain, else in double quotes, which all three read alike as long as the path holds
 * none of `"`, `$`, `` ` ``, `\`, `!` or `%` (each expands or ends the quotes in one of them); a path
 * that does is quoted for a POSIX shell ({@link shellWord}). cmd.exe does not read single quotes.
 */
export function portableWord(p: string): string {
  if (/^[\w@%+=:,./-]+$/.test(p)) return shellWord(p);
  return /["$`\\!%\u0000-\u001f]/.test(p) ? shellWord(p) : `"${p}"`;
}
