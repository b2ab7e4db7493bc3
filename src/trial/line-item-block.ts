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

/** An outcome's item block read at no visit: the outcome, the block's first and last columns, how many, and the outcome's score columns. */
export interface UnreadItemBlock {
  key: string;
  first: string;
  last: string;
  count: number;
  scores: string[];
  /** The outcome's instrument is scored from items (RMDQ's 24): the columns are called its items. An NRS has none: they are only numbered columns. */
  items: boolean;
}

/**
 * The blocks, one per outcome read from a score column beside two or more numbered line columns of
 * its name. `lineColumns`: the wide export's columns read once per line (no visit suffix);
 * `visitColumns`: the outcome's own columns at the visits, as the export names them.
 */
export function unreadItemBlocks(sources: readonly OutcomeSource[], lineColumns: readonly string[], visitColumns: (stem: string) => string[]): UnreadItemBlock[] {
  const blocks: UnreadItemBlock[] = [];
  for (const src of sources) {
    if (src.from !== 'score' || src.columns.length !== 1) continue;
    const stem = src.columns[0]!;
    const block = lineColumns
      .map((c) => [c, itemNumber(c, stem)] as const)
      .filter((e): e is readonly [string, number] => e[1] !== undefined)
      .sort((a, b) => a[1] - b[1]);
    if (block.length < 2) continue;
    blocks.push({ key: src.key, first: block[0]![0], last: block[block.length - 1]![0], count: block.length, scores: visitColumns(stem), items: src.instrument.items !== undefined });
  }
  return blocks;
}

/** The stderr notes, one per block (`unreadItemBlocks`). */
export function lineItemBlockNotes(file: string, blocks: readonly UnreadItemBlock[], lang: 'en' | 'da' = 'en'): string[] {
  return blocks.map(({ key, first, last, count: n, scores: columns, items }) => {
    const scores = columns.map((c) => `"${c}"`).join(', ');
    // An instrument without items (an NRS) has no answers to list in "items": its numbered columns are only said not read.
    if (!items) {
      return lang === 'da'
        ? `${file}: ${n} kolonner "${first}" … "${last}" uden besøg i navnet er ikke læst: effektmålet "${key}" læses fra sin score ved hvert besøg (${scores}), og kolonner uden besøg hører ikke til noget besøg`
        : `${file}: ${n} columns "${first}" … "${last}" with no visit in their names are not read: outcome "${key}" is read from its score at each visit (${scores}), and columns with no visit belong to none`;
    }
    return lang === 'da'
      ? `${file}: ${n} kolonner "${first}" … "${last}" uden besøg i navnet er ikke læst: effektmålet "${key}" læses fra sin score ved hvert besøg (${scores}), og spørgsmål uden besøg hører ikke til noget besøg. Er de svarene fra ét besøg, så giv dem besøgets endelse i eksporten (fx "${first}_${'<besøg>'}") og angiv dem i effektmålets "items"`
      : `${file}: ${n} columns "${first}" … "${last}" with no visit in their names are not read: outcome "${key}" is read from its score at each visit (${scores}), and items with no visit belong to none. If they are one visit's answers, give them that visit's suffix in the export (e.g. "${first}_<visit>") and list them in the outcome's "items"`;
  });
}

/**
 * The same on the page's methods notes (as the special missing cells are): a reader of the page
 * should know that the outcome came from its scores and that a block of its items was read at no
 * visit. Without the file's path, which is the analyst's, not the page's; the outcome by its label
 * in the page's language (`label`: the page's `outcomeLabel`), as the page names it everywhere else,
 * not by the plan's key. "Item columns" only for an instrument scored from items (RMDQ); an NRS's
 * `nrs_1`, `nrs_2` are numbered columns.
 */
export function itemBlockPageNotes(blocks: readonly UnreadItemBlock[] | undefined, lang: 'en' | 'da', label: (key: string) => string): string[] {
  return (blocks ?? []).map(({ key, first, last, count: n, items }) =>
    lang === 'da'
      ? `${label(key)} er læst fra sin score ved hvert besøg; eksportens ${n} ${items ? 'spørgsmålskolonner' : 'nummererede kolonner'} "${first}" … "${last}" uden besøg i navnet hører ikke til noget besøg og er ikke læst.`
      : `${label(key)} was read from its score at each visit; the export's ${n} ${items ? 'item columns' : 'numbered columns'} "${first}" … "${last}", with no visit in their names, belong to no visit and were not read.`,
  );
}
