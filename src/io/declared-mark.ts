/**
 * A file's decimal mark as its plan declares it (`"decimalMark": "."` or `","`), in place of
 * the one decimal-mark.ts reads from the cells. For a file whose cells cannot show it: an English
 * export whose only grouped numbers are `"31,000"` (rule 6) shows no decimal, and neither does a
 * tab file's `1.250` (rule 5). The declaration decides; it does not guess: a cell written with
 * the other mark (`"1,5"` under `"."`) is then no number, refused at its cell by the reader as
 * any cell with the other mark is (rule 3). It decides only what the file leaves undecided: a
 * file whose own numbers show the other mark (`45,5` among its cells, a `;` file's `31.000`, a
 * comma file's `23.4`; the dialect's `shownMark`) is refused by every reader of numbers
 * (`decimalCommaOf`), never read a thousand times too small in silence.
 * docs/input-trial-export.md#declared-decimal-mark.
 */
import type { DecimalMark } from './decimal-mark.js';
import type { Dialect } from './dialect.js';

/**
 * `dialect` with the declared mark (unchanged when there is none): the cells' tie, undecided
 * cells and quoted-comma columns no longer decide anything, so none of them is refused. What the
 * file shows (`shownMark`) is kept: a reader refuses a declaration it contradicts.
 */
export function withDeclaredMark<D extends Pick<Dialect, 'decimalComma' | 'decimalTie' | 'decimalUndecided' | 'quotedCommaColumns' | 'declaredMark'>>(dialect: D, mark: DecimalMark | undefined): D {
  if (mark === undefined) return dialect;
  const { decimalTie: _tie, decimalUndecided: _undecided, quotedCommaColumns: _columns, ...rest } = dialect;
  return { ...rest, decimalComma: mark === ',', declaredMark: mark } as D;
}

/** `table` read with its plan's declared mark (the same table when the plan declares none). */
export function tableWithDeclaredMark<T extends { dialect: Dialect }>(table: T, mark: DecimalMark | undefined): T {
  return mark === undefined ? table : { ...table, dialect: withDeclaredMark(table.dialect, mark) };
}
