/**
 * An Excel pivot table's value caption: saved to CSV, a pivot of counts by region (rows) and
 * year (columns) starts with a line above its header naming the summed field — `Sum af Antal` in
 * Danish Excel (`Sum of Count` in English), and beside it, with the field headers on, the column
 * field's caption `Kolonnenavne` (`Column Labels`) — then the header `Rækkenavne;2024;2025;…`.
 * It is no header and no row: the eligible file's reader skips it, with a note, and keeps the
 * file's own line numbers (docs/input-registry.md "The eligible file").
 */

/** The value field's caption: the summary function, "of", the field (Danish, English, Norwegian/Swedish, German). */
const VALUE_CAPTION = /^(sum|summ?a|summe|antal|antall|anzahl|count|gennemsnit|average|gjennomsnitt|medel|mittelwert|maks\.?|max\.?|min\.?)\s+(af|of|av|von)\s+\S.*$/iu;
/** The column field's caption beside it (field headers on). */
const COLUMN_CAPTION = /^(kolonnenavne|column labels|kolonneetiketter|kolumnetiketter|spaltenbeschriftungen)$/iu;

export interface PivotCaption {
  /** The line as written, trailing empty cells left off (`Sum af Antal;Kolonnenavne`). */
  text: string;
  /** Characters of `text` up to and with the line's line break (a byte-order mark included). */
  end: number;
}

/**
 * The caption line at the start of `text` (the file's start as text), or undefined: a first
 * line of the value caption, then optionally the column caption, every other cell empty.
 */
export function pivotCaption(text: string): PivotCaption | undefined {
  const m = /^(\uFEFF?)([^\r\n]*)(\r\n|\n|\r)/u.exec(text);
  if (!m) return undefined;
  const line = m[2]!;
  const delimiter = [';', '\t', ','].find((d) => line.includes(d));
  const cells = (delimiter ? line.split(delimiter) : [line]).map((c) => c.trim().replace(/^"(.*)"$/u, '$1').trim());
  while (cells.length > 1 && cells[cells.length - 1] === '') cells.pop();
  if (!VALUE_CAPTION.test(cells[0]!)) return undefined;
  if (cells.length > 2 || (cells.length === 2 && !COLUMN_CAPTION.test(cells[1]!))) return undefined;
  return { text: cells.join(delimiter ?? ';'), end: m[0].length };
}
