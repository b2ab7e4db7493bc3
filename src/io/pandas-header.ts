/**
 * pandas' header of a pivoted table (`df.pivot(index="id", columns="visit")`, `unstack()`), as
 * `to_csv()` writes it: one line per level of the columns, each led by that level's name (empty
 * when it has none: `,odi,odi,…` / `visit,Baseline,3 months,…`), then a line of the index's name
 * alone (`id,,,…`), then the rows. Read as a header line, the first column (empty-named) was
 * taken for the id and the repeated names for duplicate columns. Refused, saying which lines are
 * header rows and how to write a flat header from pandas. docs/input-trial-export.md#header-line.
 */
import { HtaError } from '../errors.js';
import { sniffDelimiter } from './dialect.js';

/** Lines looked at: two column levels and the index name are the common case; four levels at most. */
const MAX_LEVELS = 4;

/**
 * The refusal of `head` (the file's start as text) when it is pandas' pivoted header; undefined
 * otherwise. The index-name line is the sign: a name with no digit in the first cell, every other
 * cell empty, under one or more header lines, over rows whose first cells (the ids) all hold digits.
 */
export function pandasHeaderError(file: string, head: string): HtaError | undefined {
  const lines = head.split(/\r\n|\n|\r/).slice(0, MAX_LEVELS + 4);
  if (lines.length < 4 || lines.some((l, i) => i < 2 && l.trim() === '')) return undefined;
  const d = sniffDelimiter(lines[0]!);
  const cells = (line: string) => line.split(d).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
  const width = cells(lines[0]!).length;
  if (width < 3) return undefined;
  for (let k = 1; k <= MAX_LEVELS && k + 3 <= lines.length; k++) {
    const row = cells(lines[k]!);
    if (row.length !== width || row[0] === '' || /\d/.test(row[0]!) || !/\p{L}/u.test(row[0]!) || row.slice(1).some((c) => c !== '')) continue;
    const below = lines.slice(k + 1, k + 4).map(cells);
    if (below.length < 3 || below.some((r) => !/\d/.test(r[0] ?? '') || r.slice(1).every((c) => c === ''))) continue;
    const levels = k; // header lines above the index-name line
    const index = row[0]!;
    const range = levels === 1 ? 'line 2 is one more header row' : `lines 2–${k + 1} are more header rows`;
    return new HtaError('input.invalid', `${file}: ${range} written by pandas (columns of ${levels > 1 ? 'several levels, a MultiIndex' : 'a named level'}, and the index "${index}" on a line of its own), not data`, [
      {
        file,
        line: k + 1,
        expected:
          `one header line naming each column, "${index}" among them: in pandas flatten the columns and make the index a column before writing — ` +
          (levels > 1 ? `df.columns = ['_'.join(map(str, c)) for c in df.columns]` : 'df.columns.name = None') +
          `; df.reset_index().to_csv("export.csv", index=False)`,
        kind: 'header.pandas-levels',
      },
    ]);
  }
  return undefined;
}
