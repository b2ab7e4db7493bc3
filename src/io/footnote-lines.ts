/**
 * Footnote lines under an export's rows: `Kilde: Danmarks Statistik, forskermaskine …`, `Antal
 * rækker: 2000`, one field of words after the last row (often after an empty line). At the end
 * of a table they are no row: the CSV reader leaves them out and the trial reader says so in a
 * note, as for SSMS's closing lines (ssms-trailer.ts); among the rows they are refused by that
 * name (docs/input-trial-export.md "Footnote lines"). The registry reader has its own rule for
 * footnote rows of several empty cells (src/uptake/footnote-rows.ts).
 */
import { lineList } from '../problem-groups.js';

/**
 * Whether a short record's first field reads as a footnote: a letter and a space or colon (words,
 * not an id such as `P5001` or a number).
 */
export function isFootnoteLine(text: string): boolean {
  const t = text.trim();
  return /\p{L}/u.test(t) && /[\s:]/u.test(t);
}

/** The note for footnote lines left out at the end (stderr); undefined when there were none. */
export function footnoteLinesNote(file: string, lines: readonly number[]): string | undefined {
  if (lines.length === 0) return undefined;
  return `${file}: ${lineList(lines)} after the last row ${lines.length === 1 ? 'is a footnote' : 'are footnotes'} (a line of text, such as "Kilde: …"): left out, no row`;
}

/** The problem's `expected` for a footnote line among the rows. */
export function footnoteLineExpected(fields: number): string {
  return `a row of ${fields} fields as in the header: this line is text, like a footnote ("Kilde: …"), among the rows — footnotes are left out only after the last row; delete it or move it there`;
}
