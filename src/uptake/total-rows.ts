/**
 * Total rows: the line a spreadsheet user adds under a table (`I alt`, `Total`, `Hele landet`),
 * in the eligible file (a denominator that would count the country twice) or at the end of a
 * registry export (`Total;;;3000;1801;;;`, a row of counts, not a referral). They are
 * recognised by the word in their first cell, never counted (docs/input-registry.md
 * "Total rows").
 */
import { isEmptyCell } from './missing-cells.js';

/**
 * Words (lower case, spaces removed) that name a total rather than a region or a patient. The
 * second line is the label Excel gives a pivot table's grand-total row in the languages our users'
 * Excel speaks (Danish "Hovedtotal", Norwegian "Totalsum", Swedish "Totalsumma", English "Grand
 * Total", German "Gesamtergebnis"): a pivot copied into a CSV keeps it. The third and fourth
 * lines name the whole country as Swedish, Norwegian and Danish statistics tables do (`Riket`,
 * `Hela landet`, `Samtliga regioner`, `Norge i alt`, `Danmark`): no region is called so.
 */
const TOTAL_WORDS = new Set([
  'ialt', 'total', 'totalt', 'totals', 'sum', 'summa', 'samlet', 'sammenlagt', 'helelandet', 'alle', 'alleregioner',
  // `Totaler`: the label Qlik Sense in Danish gives its totals row (on top of the table by default).
  'totaler',
  'hovedtotal', 'totalsum', 'totalsumma', 'grandtotal', 'gesamtergebnis', 'samlettotal',
  'landet', 'national', 'nationalt', 'sumtotal', 'ialtforlandet', 'landsplan',
  'riket', 'helariket', 'helalandet', 'samtligaregioner', 'allaregioner', 'rikettotalt', 'totaltriket', 'sverige', 'helasverige', 'sverigetotalt',
  'norge', 'norgeialt', 'helenorge', 'heleriket', 'landetialt', 'alleregionar', 'danmark', 'danmarkialt', 'heledanmark',
]);

/** The key a cell is compared by: NFC, lower case, no spaces, no trailing colon, no leading "Region ". */
function totalKey(text: string): string {
  return text.normalize('NFC').trim().toLowerCase().replace(/^region\s+/, '').replace(/[\s:]+/g, '');
}

/** True when `text` names a total (`I alt`, `TOTAL`, `Hele landet`, `Region i alt`, …). */
export function isTotalWord(text: string): boolean {
  return TOTAL_WORDS.has(totalKey(text));
}

/** The words, as a user would write them, for messages. */
export const TOTAL_WORDS_TEXT = '"I alt", "Total", "Totalt", "Totaler", "Sum", "Samlet", "Hovedtotal", "Totalsum", "Grand Total", "Hele landet", "Alle", "Landet", "National", "Riket", "Hela landet", "Samtliga regioner", "Norge i alt", "Danmark"';

/** A count as a total row holds it: digits, with `.`, `,` or spaces between groups. */
const COUNT = /^\d[\d., \u00a0]*$/;

/**
 * True when `record` is a total row: its first non-blank cell a total word, every other cell
 * empty or a count (`Total;;;3000;1801;;;;;`, `I alt;;;3000;1804`). Empty: blank, a code read as
 * empty (`NULL`, the plan's `missingCodes`: missing-cells.ts) or a lone `-`, Qlik's null, which a
 * Qlik totals row writes in every column it does not sum (`Totaler;-;-;-;20.000`) — whether or not
 * the plan declares it yet (`hta plan init` drafts it). A referral always has a region and dates,
 * so no referral has this shape.
 */
export function isTotalRecord(record: readonly string[], missingCodes?: readonly string[]): boolean {
  const first = record.findIndex((c) => c.trim() !== '');
  if (first < 0 || !isTotalWord(record[first]!)) return false;
  return record.every((c, i) => i === first || c.trim() === '-' || isEmptyCell(c.trim(), missingCodes) || COUNT.test(c.trim()));
}

/** Where the total word of a total row is (its first non-blank cell). */
export function totalWordIndex(record: readonly string[]): number {
  return record.findIndex((c) => c.trim() !== '');
}
