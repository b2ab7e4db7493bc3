/**
 * The distinct cells of an outcome's columns, read once per outcome, for the "answers" a yes/no
 * word's problem advises: the pair and spellings the column itself uses (yes-no-words.ts), not
 * the first pair that holds the refused cell (docs/plan-trial.md#yesno-outcomes).
 */
import type { OutcomeSource } from './trial-data.js';
import type { LongTable } from './wide-to-long.js';

const seen = new WeakMap<OutcomeSource, string[]>();

/** Every distinct trimmed, non-empty cell of the outcome's columns, in first-seen order (scanned once per outcome, only when a word is refused). */
export function outcomeCells(src: OutcomeSource, table: Pick<LongTable, 'records'>): string[] {
  const known = seen.get(src);
  if (known) return known;
  const cells = new Set<string>();
  for (const r of table.records) {
    for (const idx of src.columnIndexes) {
      const cell = r.cells[idx];
      if (cell === null || cell === undefined) continue;
      const t = cell.trim();
      if (t !== '' && cells.size < 1000) cells.add(t);
    }
  }
  const out = [...cells];
  seen.set(src, out);
  return out;
}
