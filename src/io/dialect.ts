/**
 * Dialect sniffing for CSV exports as they come out of real systems: comma, semicolon, tab or
 * `|` separators (SAS `PROC EXPORT DBMS=DLM; DELIMITER='|'`, Stata `export delimited,
 * delimiter("|")`, hospital and registry systems), and the decimal comma Danish Excel writes
 * when the separator is a semicolon (decided by decimal-mark.ts, the rule every reader shares).
 * docs/input-trial-export.md "Dialects".
 */
import type { DecimalMark, MarkVotes, ShownMark, UndecidedCells } from './decimal-mark.js';

export type Delimiter = ',' | ';' | '\t' | '|';

export interface Dialect {
  delimiter: Delimiter;
  /** True when numbers are written with a decimal comma ("1,5"), by decimal-mark.ts's rule. */
  decimalComma: boolean;
  /**
   * Present when as many cells vote for each mark (decimal-mark.ts, rule 4): `decimalComma` is
   * then false and means nothing; readers of numbers refuse the file (`decimalCommaOf`).
   */
  decimalTie?: MarkVotes;
  /**
   * Present when neither the cells nor the separator decided the mark (a tab file) and some
   * cells read either way (`213.037`; decimal-mark.ts, rule 5): `decimalComma` is then false
   * and means nothing; readers of numbers refuse the file (`decimalCommaOf`).
   */
  decimalUndecided?: UndecidedCells;
  /**
   * Present when a comma file's quoted decimal commas made the comma its mark (decimal-mark.ts,
   * rule 2's exception): the 1-based columns whose votes did. A reader that knows which columns
   * it reads as numbers lets only those decide (`onlyNumberColumns`).
   */
  quotedCommaColumns?: readonly number[];
  /** The decimal mark the plan declares (`"decimalMark"`, declared-mark.ts): `decimalComma` follows it, not the cells. */
  declaredMark?: DecimalMark;
  /**
   * The mark the file's own numbers show, and the first cell that does (decimal-mark.ts,
   * `ShownMark`); absent where the file leaves the mark undecided. A declared mark that contradicts
   * it is refused by every reader of numbers (`decimalCommaOf`), never applied.
   */
  shownMark?: ShownMark;
  /**
   * Some cell of a comma file reads either way with a point (`1.250`; decimal-mark.ts, rule 2): a
   * reader that knows its columns refuses them where those columns show no mark (`decimalCommaOf`).
   */
  pointEither?: true;
  /** Under rule 2's exception (quoted decimal commas), how many unquoted `1.250` were read as thousands: the note says so (`thousandsPointNote`). */
  thousandsPoints?: number;
  /** Some cell of the file is a number written with a decimal point that reads one way (`23.4`; decimal-mark.ts, rule 1): the point is shown, not only implied by a comma separator (rule 6). */
  pointShown?: true;
  /** The file started with a UTF-8 byte-order mark. */
  bom: boolean;
  /** Lines end in CRLF (Windows). */
  crlf: boolean;
  /** Lines end in CR alone (Excel for old Macs, "CSV (Macintosh)"); absent otherwise. */
  cr?: true;
  /** The file is UTF-16 with a byte-order mark (Excel "Unicode text", SurveyXact), read decoded. */
  utf16?: 'utf-16le' | 'utf-16be';
  /**
   * The file is not UTF-8 and was read as Windows-1252 (Excel's plain "CSV"), decoded
   * (io/windows-1252.ts); `characters`: its non-ASCII characters, for the note that says so.
   */
  windows1252?: { characters: string };
  /** The line holding only a Ctrl-Z end-of-file mark at the end of the file, left out (io/ctrl-z.ts). */
  ctrlZ?: number;
}

/**
 * Counts each candidate separator in the header line outside quotes; the most frequent wins.
 * `|` only when the line has no comma, semicolon or tab outside quotes: a comma file may name
 * a column `a|b`, so `|` never outvotes the common separators (docs/input-trial-export.md "Dialects").
 */
export function sniffDelimiter(headerLine: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0, '|': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t' || ch === '|')) counts[ch]++;
  }
  if (counts[','] + counts[';'] + counts['\t'] === 0 && counts['|'] > 0) return '|';
  // Ties resolve in the order listed: the comma is the standard.
  const order: Delimiter[] = [',', ';', '\t'];
  return order.reduce((best, d) => (counts[d] > counts[best] ? d : best), ',');
}
