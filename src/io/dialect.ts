/**
 * Dialect sniffing for CSV exports as they come out of real systems: comma, semicolon or tab
 * separators, and the decimal comma Danish Excel writes when the separator is a semicolon.
 */
export type Delimiter = ',' | ';' | '\t';

export interface Dialect {
  delimiter: Delimiter;
  /** True when numbers are written with a decimal comma ("1,5"). */
  decimalComma: boolean;
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
 * A decimal comma is only possible when the comma is not the separator; it is assumed when
 * any field looks like "12,5" and no field looks like a dot-decimal "12.5". A semicolon file
 * with no decimals either way is taken as decimal-comma: spreadsheet programs write ';' as the
 * separator precisely in locales whose decimal mark is the comma.
 *
 * A field such as "642.025" fits both readings (thousands groups in Danish Excel, or a decimal
 * with three places), so it decides nothing by itself: beside decimal commas it is a grouped
 * whole number (parseNumber reads it as 642025); with no decimal comma anywhere the file keeps
 * the dot reading it always had.
 */
export function sniffDecimalComma(delimiter: Delimiter, fields: Iterable<string>): boolean {
  const sniffer = new DecimalMarkSniffer(delimiter);
  for (const f of fields) if (!sniffer.add(f)) break;
  return sniffer.decimalComma();
}

/**
 * The same rule fed one field at a time, so a streamed file is sniffed in the pass that reads
 * it. The verdict does not depend on the order the fields come in.
 */
export class DecimalMarkSniffer {
  #commas = 0;
  #grouped = false;
  #dot = false;
  constructor(readonly delimiter: Delimiter) {}

  /** Whether more fields can change the verdict (false once it is settled). */
  get open(): boolean {
    return this.delimiter !== ',' && !this.#dot;
  }

  /** Takes one field; returns `open`. */
  add(field: string): boolean {
    if (!this.open) return false;
    const v = field.trim();
    if (DECIMAL_COMMA.test(v) || GROUPED_COMMA.test(v)) this.#commas++;
    else if (DOT_GROUPED.test(v)) this.#grouped = true;
    // One dot decimal settles it: stop here rather than split every record of a large file.
    else if (DOT_DECIMAL.test(v)) this.#dot = true;
    return this.open;
  }

  decimalComma(): boolean {
    if (this.delimiter === ',' || this.#dot) return false;
    if (this.#commas > 0) return true;
    return !this.#grouped && this.delimiter === ';';
  }
}
