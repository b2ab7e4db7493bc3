/**
 * Dialect sniffing for CSV exports as they come out of real systems: comma, semicolon or tab
 * separators, and the decimal comma Danish Excel writes when the separator is a semicolon
 * (decided by decimal-mark.ts, the rule every reader shares).
 */
import { DecimalMarkVote, type MarkVotes } from './decimal-mark.js';

export type Delimiter = ',' | ';' | '\t';

export interface Dialect {
  delimiter: Delimiter;
  /** True when numbers are written with a decimal comma ("1,5"), by decimal-mark.ts's rule. */
  decimalComma: boolean;
  /**
   * Present when as many cells vote for each mark (decimal-mark.ts, rule 4): `decimalComma` is
   * then false and means nothing; readers of numbers refuse the file (`decimalCommaOf`).
   */
  decimalTie?: MarkVotes;
  /** The file started with a UTF-8 byte-order mark. */
  bom: boolean;
  /** Lines end in CRLF (Windows). */
  crlf: boolean;
  /** The file is UTF-16 with a byte-order mark (Excel "Unicode text", SurveyXact), read decoded. */
  utf16?: 'utf-16le' | 'utf-16be';
  /**
   * The file is not UTF-8 and was read as Windows-1252 (Excel's plain "CSV"), decoded
   * (io/windows-1252.ts); `characters`: its non-ASCII characters, for the note that says so.
   */
  windows1252?: { characters: string };
}

/** Counts each candidate separator in the header line outside quotes; the most frequent wins. */
export function sniffDelimiter(headerLine: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  // Ties resolve in the order listed: the comma is the standard.
  const order: Delimiter[] = [',', ';', '\t'];
  return order.reduce((best, d) => (counts[d] > counts[best] ? d : best), ',');
}

/** `6,0`: a number with a decimal comma. */
export const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;
/** `6.5`, `.5`: a number with a decimal point. */
export const DOT_DECIMAL = /^[+-]?\d*\.\d+$/;
/** `1.234`, `642.025`, `1.234.567`: thousands groups in a decimal-comma locale, or a dot decimal. */
export const DOT_GROUPED = /^[+-]?[1-9]\d{0,2}(\.\d{3})+$/;
/** `12.345,6`: thousands groups and a decimal comma, only ever written by a decimal-comma locale. */
export const GROUPED_COMMA = /^[+-]?[1-9]\d{0,2}(\.\d{3})+,\d+$/;

/**
 * Whether `fields` (cells of a file separated by `delimiter`) write a decimal comma, by the
 * project's one rule (decimal-mark.ts); undefined when they tie, which the readers refuse.
 */
export function sniffDecimalComma(delimiter: Delimiter, fields: Iterable<string>): boolean | undefined {
  const vote = new DecimalMarkVote();
  if (delimiter !== ',') for (const f of fields) vote.add(f.trim());
  const v = vote.verdict(delimiter);
  return v.mark === null ? undefined : v.mark === ',';
}
