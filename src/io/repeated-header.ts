/**
 * A data row that is the header line again: two exports joined with `cat` (or pasted one under
 * the other) carry the second one's header in the middle. Every reader says it as what it is —
 * one problem on its line, not a bad value in each of its cells — and leaves it out with
 * --exclude-invalid without counting it as an invalid row (docs/input-trial-export.md and
 * docs/input-registry.md, "Several exports"). A header in another column order means the rows
 * under it would be read under the wrong columns: every reader refuses it.
 */

/**
 * Whether `record` repeats `header`, in its order or in another. Cells and names are compared by
 * `key` (each reader folds header names its own way); a byte-order mark at the start of the
 * repeated line (the second file's) is not part of its first name.
 */
export function headerAgain(record: readonly string[], header: readonly string[], key: (name: string) => string): 'same' | 'reordered' | undefined {
  const keys = record.map((c, i) => key(i === 0 ? c.replace(/^\ufeff/, '') : c));
  const names = header.map(key);
  const filled = (k: readonly string[]) => k.filter((x) => x !== '');
  if (filled(names).length === 0 || filled(keys).length !== filled(names).length) return undefined;
  if (keys.length >= names.length && names.every((n, i) => keys[i] === n) && keys.slice(names.length).every((k) => k === '')) return 'same';
  const sorted = (k: readonly string[]) => [...filled(k)].sort().join('\u0000');
  return sorted(keys) === sorted(names) ? 'reordered' : undefined;
}
