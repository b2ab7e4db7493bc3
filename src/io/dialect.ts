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

const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;
const DOT_DECIMAL = /^[+-]?\d*\.\d+$/;

/**
 * A decimal comma is only possible when the comma is not the separator; it is assumed when
 * any field looks like "12,5" and no field looks like a dot-decimal "12.5". A semicolon file
 * with no decimals either way is taken as decimal-comma: spreadsheet programs write ';' as the
 * separator precisely in locales whose decimal mark is the comma.
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
    if (DECIMAL_COMMA.test(v)) this.#commas++;
    // One dot decimal settles it: stop here rather than split every record of a large file.
    else if (DOT_DECIMAL.test(v)) this.#dot = true;
    return this.open;
  }

  decimalComma(): boolean {
    if (this.delimiter === ',' || this.#dot) return false;
    return this.#commas > 0 || this.delimiter === ';';
  }
}
