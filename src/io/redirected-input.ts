/**
 * `hta uptake … --previous p.json --json > p.json`: the shell empties p.json (to receive the
 * output) before hta starts, so the input hta then reads is empty. An empty input that is also
 * where standard output (or error) goes says so, instead of only "p.json is empty"
 * (docs/cli.md "An output redirected onto an input").
 */
import { fstatSync, statSync } from 'node:fs';

/** Which standard stream, if any, is redirected onto `file` (same device and inode). */
function redirectedOnto(file: string): 'standard output' | 'standard error' | undefined {
  let st;
  try {
    st = statSync(file);
  } catch {
    return undefined;
  }
  for (const [fd, name] of [[1, 'standard output'], [2, 'standard error']] as const) {
    try {
      const out = fstatSync(fd);
      if (out.isFile() && out.dev === st.dev && out.ino === st.ino) return name;
    } catch {
      // That stream is closed: not onto this file.
    }
  }
  return undefined;
}

/** The words to add to "<file> is empty" when a redirection emptied it, else ''. */
export function emptiedByRedirection(file: string): string {
  const stream = redirectedOnto(file);
  if (stream === undefined) return '';
  const op = stream === 'standard output' ? '>' : '2>';
  return `: ${stream} is redirected onto it (${op} ${file}), and the shell empties an output file before the command starts — redirect to another file (the earlier content is lost; restore it from a copy)`;
}
