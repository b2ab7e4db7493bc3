/**
 * A path as a POSIX shell reads it, for commands hta prints for the user to run (a report page's
 * "Regenerate with …", the join advice for several registry exports): unquoted when it holds only
 * plain path characters, else in single quotes (a quote inside written '\'').
 */
export function shellWord(p: string): string {
  return /^[\w@%+=:,./-]+$/.test(p) ? p : `'${p.replace(/'/g, `'\\''`)}'`;
}
