/**
 * Item columns headed by their question (MS Forms `RMDQ - <statement> (udsagn 1)` … `(udsagn 24)`,
 * Google Forms `PSEQ [<statement> (1)]`, SurveyXact `RMDQ: <statement>`): one instrument, its name
 * first, each item's number last. Drafted one outcome per column, each item of 0–6 passed as a
 * PSEQ 0–60 score; so they are drafted as one outcome with its "items" listed in item order
 * (docs/plan-trial.md "What plan init recognises in real exports"). Pure.
 */

export interface HeadedBlock {
  /** The built-in instrument: rmdq (24 items), rmdq23, pseq (10) or wai (7). */
  instrument: 'rmdq' | 'rmdq23' | 'pseq' | 'wai';
  /** The item columns, in item order. */
  columns: string[];
}

/** The instrument's name leading a header, before a separator or a space (not `pseqtotal`). */
const HEAD = /^\s*(rmdq|roland[\s-]*morris|roland|pseq|wai)(?=$|[\s\-–—:[(_.])/i;

/** The item counts of each instrument, and the instrument each count means. */
const COUNTS: Record<string, Record<number, HeadedBlock['instrument']>> = {
  rmdq: { 24: 'rmdq', 23: 'rmdq23' },
  pseq: { 10: 'pseq' },
  wai: { 7: 'wai' },
};

/** The header's last number: the item's (`(udsagn 12)`, `(3)]`). */
function lastNumber(column: string): number | undefined {
  const m = /(\d+)\D*$/.exec(column);
  return m ? Number(m[1]) : undefined;
}

/**
 * Blocks of item columns among `columns`, by the instrument named first in their headers. With
 * numbers, the numbered columns must be items 1…n exactly (a score column without a number, such
 * as `RMDQ total`, is left out of the block); without any, the columns in file order, when there
 * are exactly as many as the instrument has items.
 */
export function headedItemBlocks(columns: readonly string[]): HeadedBlock[] {
  const groups = new Map<string, string[]>();
  for (const c of columns) {
    const m = HEAD.exec(c);
    if (!m) continue;
    const family = m[1]!.toLowerCase().startsWith('roland') ? 'rmdq' : m[1]!.toLowerCase();
    groups.set(family, [...(groups.get(family) ?? []), c]);
  }
  const blocks: HeadedBlock[] = [];
  for (const [family, cols] of groups) {
    const numbered = cols.flatMap((c) => {
      const n = lastNumber(c);
      return n === undefined ? [] : [{ n, c }];
    });
    let ordered: string[];
    if (numbered.length) {
      const sorted = [...numbered].sort((a, b) => a.n - b.n);
      if (sorted.some((x, i) => x.n !== i + 1)) continue;
      ordered = sorted.map((x) => x.c);
    } else ordered = cols;
    const instrument = COUNTS[family]![ordered.length];
    if (instrument) blocks.push({ instrument, columns: ordered });
  }
  return blocks;
}
