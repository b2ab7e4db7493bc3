/**
 * `hta plan init --uptake`: dates written with slashes and a two-digit year (`3/19/24`, Excel's
 * short date saved to CSV), which `"dateFormat": "auto"` never chooses (it does not guess the
 * century or the order: docs/input-registry.md "Dates"). The draft has every date cell to look
 * at: when every one reads month-first ("mm/dd/yy", Excel's US short date) and some cannot be
 * day-first (`3/19/24`: no month 19), or the other way round, that format is drafted, naming the
 * cell that decides; when every one reads both ways, none is drafted and the note names example
 * cells with their lines. Pure.
 */
import { dateParser } from './registry-dates.js';

export interface DateCell {
  text: string;
  line: number;
}

export type ShortYearDraft =
  | { format: 'mm/dd/yy' | 'dd/mm/yy'; note: string }
  | { ambiguous: true; note: string };

const SLASH_SHORT_YEAR = /^\d{1,2}\/\d{1,2}\/\d{2}(?:\s|$)/;

/** The draft for slash dates with two-digit years, or undefined when the cells are not all such dates. */
export function shortYearSlashDraft(cells: readonly DateCell[], windowFrom: string): ShortYearDraft | undefined {
  if (cells.length === 0 || !cells.every((c) => SLASH_SHORT_YEAR.test(c.text))) return undefined;
  const monthFirst = dateParser('mm/dd/yy');
  const dayFirst = dateParser('dd/mm/yy');
  const readsMonthFirst = cells.every((c) => monthFirst(c.text) !== undefined);
  const readsDayFirst = cells.every((c) => dayFirst(c.text) !== undefined);
  const century = `each two-digit year is read in the century that puts the date inside the date window (by default from ${windowFrom} to the export date)`;
  const shown = (c: DateCell) => `${JSON.stringify(c.text)} on line ${c.line}`;
  if (readsMonthFirst !== readsDayFirst) {
    const format = readsMonthFirst ? 'mm/dd/yy' : 'dd/mm/yy';
    // The first cell only this order reads: the one that decides.
    const decides = cells.find((c) => (readsMonthFirst ? dayFirst : monthFirst)(c.text) === undefined)!;
    const why = readsMonthFirst ? 'month first (its second part is above 12, so it is no month)' : 'day first (its first part is above 12, so it is no month)';
    const what = readsMonthFirst ? 'Excel\'s US short date' : 'Excel\'s short date in British or Nordic settings';
    return { format, note: `dates are written with slashes and two-digit years (${what}), drafted as "dateFormat": "${format}": ${shown(decides)} is ${why}; ${century} — check one referral date against the source system` };
  }
  if (readsMonthFirst && readsDayFirst) {
    const examples = cells.filter((c, i) => cells.findIndex((d) => d.text === c.text) === i).slice(0, 3).map(shown).join(', ');
    return { ambiguous: true, note: `dates are written with slashes and two-digit years (such as ${examples}), and every one has both its first two parts ≤ 12: month first ("dateFormat": "mm/dd/yy", Excel's US short date) and day first ("dd/mm/yy") cannot be told apart, so no "dateFormat" is drafted — set the one the export uses in the uptake plan (check one referral date against the source system); ${century}` };
  }
  return undefined;
}
