/**
 * A long text cut for a message: JSON values and syntax errors (json-positions.ts, read-json.ts)
 * and quoted cells of every problem (problem-groups.ts). On its own, without imports, so that the
 * error modules stay small (a worker thread or a child process loads them alone).
 */

/** At most `max` characters of `line` around `col` (0-based), trimmed, with "…" where cut. */
export function excerptAround(line: string, col: number, max: number): string {
  const t = line.trimEnd();
  if (t.length <= max) return t.trim();
  const from = Math.max(0, Math.min(col - Math.floor(max / 3), t.length - (max - 2)));
  const to = Math.min(t.length, from + max - 2);
  return `${from > 0 ? '…' : ''}${t.slice(from, to).trim()}${to < t.length ? '…' : ''}`;
}
