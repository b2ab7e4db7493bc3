/**
 * How many patient counts the registry page itself shows as the marker, for the tally in its
 * methods ("4 counts here"). results.json counts every analysis's cells (`suppressedCounts`), but the
 * page prints analyses with the same counts once (registry-flow.ts) and leaves out the per-group
 * trimmed row when the plan does not trim: its tally counted 18 beside 4 cells reading
 * "suppressed". The count cells: the effects table's group sizes, every cell of the flow table,
 * the weights table's "Analysed", the overlap note's "left out … : suppressed" and the effects
 * note's patients at a baseline of 0 ("— App users suppressed, Non-users 12;": zero-baseline-note.ts).
 * Balance rows and withheld estimates are values, not counts: the tally says them apart.
 */
import type { PageSection } from './report-page.js';

/** Which columns of a section's tables hold counts (undefined: every column). */
const COUNT_COLUMNS: Record<string, readonly number[] | undefined> = {
  effects: [3, 4],
  flow: undefined,
  overlap: [1],
};

export function shownSuppressedCounts(sections: readonly PageSection[], marker: string): number {
  let n = 0;
  for (const s of sections) {
    if (!Object.hasOwn(COUNT_COLUMNS, s.id)) continue;
    const columns = COUNT_COLUMNS[s.id];
    for (const { table } of s.tables ?? []) {
      for (const row of table.rows) row.forEach((cell, i) => { if (cell === marker && (!columns || columns.includes(i))) n++; });
    }
    // "Patients left out for a missing confounder value: suppressed; trimmed: suppressed."
    if (s.id === 'overlap') for (const note of s.notes ?? []) n += note.split(`: ${marker}`).length - 1;
    // "… with a baseline of 0 — App users suppressed, Non-users 12; …": a group's count ends in "," or ";".
    if (s.id === 'effects') for (const note of s.notes ?? []) n += note.split(new RegExp(` ${marker}[,;]`)).length - 1;
  }
  return n;
}
