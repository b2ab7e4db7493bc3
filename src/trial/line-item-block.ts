/**
 * A wide export's item block without a visit suffix beside an outcome read from its score at each
 * visit: `rmdq_baseline`, `rmdq_3m`, `rmdq_9m` and also `rmdq1` … `rmdq24` (or `rmdq_1` …). The
 * plan reads the outcome from its scores, so the block is read at no visit — which is right when it
 * is an old copy of one visit's answers, and wrong when it is the only record of a visit's answers.
 * Said in a note naming the columns not read and why, never an error: the scores are read
 * (docs/input-trial-export.md, "Wide").
 */
import type { OutcomeSource } from './trial-data.js';

/** A line column numbered after the outcome's column: `rmdq1`, `rmdq_1`, `RMDQ.1`, `rmdq_item1`, `rmdq_q1` → 1. */
function itemNumber(column: string, stem: string): number | undefined {
  if (column.length <= stem.length || column.slice(0, stem.length).toLowerCase() !== stem.toLowerCase()) return undefined;
  const m = /^[_.\- ]?(?:item|q)?[_.\- ]?(\d{1,3})$/i.exec(column.slice(stem.length));
  return m ? Number(m[1]) : undefined;
}

/**
 * The notes, one per outcome read from a score column beside two or more numbered line columns of
 * its name. `lineColumns`: the wide export's columns read once per line (no visit suffix);
 * `visitColumns`: the outcome's own columns at the visits, as the export names them.
 */
export function lineItemBlockNotes(file: string, sources: readonly OutcomeSource[], lineColumns: readonly string[], visitColumns: (stem: string) => string[], lang: 'en' | 'da' = 'en'): string[] {
  const notes: string[] = [];
  for (const src of sources) {
    if (src.from !== 'score' || src.columns.length !== 1) continue;
    const stem = src.columns[0]!;
    const block = lineColumns
      .map((c) => [c, itemNumber(c, stem)] as const)
      .filter((e): e is readonly [string, number] => e[1] !== undefined)
      .sort((a, b) => a[1] - b[1]);
    if (block.length < 2) continue;
    const first = block[0]![0];
    const last = block[block.length - 1]![0];
    const scores = visitColumns(stem).map((c) => `"${c}"`).join(', ');
    const n = block.length;
    notes.push(
      lang === 'da'
        ? `${file}: ${n} kolonner "${first}" … "${last}" uden besøg i navnet er ikke læst: effektmålet "${src.key}" læses fra sin score ved hvert besøg (${scores}), og spørgsmål uden besøg hører ikke til noget besøg. Er de svarene fra ét besøg, så giv dem besøgets endelse i eksporten (fx "${first}_${'<besøg>'}") og angiv dem i effektmålets "items"`
        : `${file}: ${n} columns "${first}" … "${last}" with no visit in their names are not read: outcome "${src.key}" is read from its score at each visit (${scores}), and items with no visit belong to none. If they are one visit's answers, give them that visit's suffix in the export (e.g. "${first}_<visit>") and list them in the outcome's "items"`,
    );
  }
  return notes;
}
