import { HtaError } from '../../src/errors.js';
import { decimalCommaOf } from '../../src/io/decimal-mark.js';
import { parseCsvText } from '../../src/io/read-csv.js';

/**
 * Whether a file whose number column holds `cells`, separated by `delimiter`, writes the decimal
 * comma, as every reader decides it (read-csv.ts's sniffer, then decimalCommaOf); undefined when
 * the readers refuse the file (a tie, or a tab file whose `1.250` nothing decides).
 */
export function commaOf(delimiter: ',' | ';' | '\t', cells: readonly string[]): boolean | undefined {
  const cell = (c: string) => (delimiter === ',' ? `"${c}"` : c);
  const text = `id${delimiter}x\n${cells.map((c, i) => `P${i}${delimiter}${cell(c)}`).join('\n')}\n`;
  try {
    return decimalCommaOf(parseCsvText(text, 'cells.csv'));
  } catch (err) {
    if (err instanceof HtaError) return undefined;
    throw err;
  }
}
