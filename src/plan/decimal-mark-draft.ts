/**
 * `hta plan init`'s `"decimalMark"` (io/declared-mark.ts): drafted when the export shows its
 * mark (a cell that reads with it only: `23.4`, `"0,424"`) and some of its numbers read either
 * way (`"31,000"`, `1.250`). Those are read with the shown mark today; the plan keeps it, so a
 * later export of the same trial whose decimals happen to be gone (an all-integer English file:
 * rule 6 of io/decimal-mark.ts) reads them the same instead of being refused. A file whose every
 * number reads one way needs no declaration, and gets none. docs/plan-trial.md "What plan init
 * recognises in real exports" (plan init).
 */
import { DecimalMarkVote, type DecimalMark } from '../io/decimal-mark.js';
import type { CsvTable } from '../io/read-csv.js';

export interface DraftedMark {
  mark: DecimalMark;
  /** The column of the first cell that shows the mark, and of the first that reads either way (names, never values: a cell may be an id). */
  shownIn: string;
  eitherIn: string;
  either: number;
}

/** The mark to draft, or undefined when the file does not show it or nothing in it reads either way. */
export function draftedDecimalMark(csv: Pick<CsvTable, 'header' | 'records' | 'dialect'>): DraftedMark | undefined {
  const { dialect, header } = csv;
  if (dialect.decimalTie || dialect.decimalUndecided) return undefined;
  const vote = new DecimalMarkVote();
  for (const r of csv.records) {
    r.cells.forEach((cell, c) => {
      if (cell !== null && cell !== undefined) vote.add(cell.trim(), () => ({ field: header[c] ?? `column ${c + 1}` }), c + 1);
    });
  }
  const mark: DecimalMark = dialect.decimalComma ? ',' : '.';
  const shown = mark === ',' ? vote.firstComma : vote.firstPoint;
  if (shown?.field === undefined || vote.either === 0 || vote.firstEither?.field === undefined) return undefined;
  return { mark, shownIn: shown.field, eitherIn: vote.firstEither.field, either: vote.either };
}

/** The line plan init's guesses give it. */
export function draftedMarkGuess(d: DraftedMark): string {
  const example = d.mark === '.' ? '1,250 = 1250' : '1,250 = 1.25';
  return `decimal mark: "decimalMark": "${d.mark}" — column "${d.shownIn}" shows it, and ${d.either} number(s) read either way (the first in column "${d.eitherIn}"; ${example}): the plan keeps the mark for a later export that shows none`;
}
