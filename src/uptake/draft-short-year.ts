/**
 * `hta plan init --uptake`: dates written with slashes and a two-digit year (`3/19/24`, Excel's
 * short date saved to CSV), which `"dateFormat": "auto"` never chooses (it does not guess the
 * century or the order: docs/input-registry.md "Dates"). The draft has every date cell to look
 * at: when every one reads month-first ("mm/dd/yy", Excel's US short date) and some cannot be
 * day-first (`3/19/24`: no month 19), or the other way round, that format is drafted, naming the
 * cell that decides; when every one reads both ways, none is drafted and the note names example
 * cells with their lines; when two- and four-digit years (also ISO dates) are mixed in larger
 * numbers, none is drafted either and the note names example cells of each kind, and any cell
 * of neither kind by line. Pure.
 */
import { dateParser } from './registry-dates.js';

export interface DateCell {
  text: string;
  line: number;
}

export type ShortYearDraft =
  | { format: 'mm/dd/yy' | 'dd/mm/yy' | 'dd.mm.yy' | 'dd-mm-yy'; note: string }
  | { ambiguous: true; note: string };

const SHORT_YEAR = /^\d{1,2}([/.-])\d{1,2}\1\d{2}(?:\s|$)/;
/** A four-digit year: the same shape (`3/4/2025`, `28.11.2023`) or ISO (`2024-01-01`, from a merged file). */
const LONG_YEAR = /^(?:\d{1,2}([/.-])\d{1,2}\1\d{4}|\d{4}-\d{1,2}-\d{1,2})(?:[\sT]|$)/;
/** At most this share of the date cells may be other than the drafted format (a typo, a four-digit year): named by line, to correct. */
const ODD_SHARE = 0.1;

/**
 * The draft for dates with two-digit years (`3/19/24`, `28.11.23`, `28-11-23`), or undefined when
 * the cells are not (nearly all) such dates. A few cells the drafted format does not read (a typo
 * `13/13/24`, a four-digit `3/19/2024`) are named by line, as the auto path names its odd cells.
 * Dot and dash short dates are always day first (`dd.mm.yy`, `dd-mm-yy`, the Nordic Excel short date).
 */
export function shortYearSlashDraft(cells: readonly DateCell[], windowFrom: string): ShortYearDraft | undefined {
  if (cells.length === 0) return undefined;
  const short = cells.filter((c) => SHORT_YEAR.test(c.text));
  const shown = (c: DateCell) => `${JSON.stringify(c.text)} on line ${c.line}`;
  // Two- and four-digit years in larger numbers (`3/4/25` and `3/4/2025`: cells typed one way and
  // pasted another): no one format reads both, and drafting one refuses the others' rows. Said
  // with example cells of each kind, never the note for two-digit years alone.
  // Each kind more than the few odd cells a format may leave; any cell of a third kind (a typo,
  // a text) is named by line as the other notes name theirs, and does not hide the mix.
  const long = cells.filter((c) => LONG_YEAR.test(c.text));
  if (short.length > cells.length * ODD_SHARE && long.length > cells.length * ODD_SHARE) {
    const examples = (list: readonly DateCell[]) => list.filter((c, i) => list.findIndex((d) => d.text === c.text) === i).slice(0, 3).map(shown).join(', ');
    const other = cells.filter((c, i) => !SHORT_YEAR.test(c.text) && !LONG_YEAR.test(c.text) && cells.findIndex((d) => d.text === c.text && d.line === c.line) === i);
    const otherNote = other.length === 0 ? '' : `; in neither kind: ${other.slice(0, 10).map(shown).join(', ')}${other.length > 10 ? ` and ${other.length - 10} more` : ''} (correct ${other.length > 1 ? 'them' : 'it'} too)`;
    return {
      ambiguous: true,
      note: `dates are written with two-digit years (${short.length} cells, such as ${examples(short)}) and four-digit years (${long.length} cells, such as ${examples(long)})${otherNote}: no one "dateFormat" reads both, so none is drafted — write every date one way in the export (format the date columns in the spreadsheet as one date format, e.g. yyyy-mm-dd, and export again), then draft again; as the file stands \`hta uptake\` refuses the rows of whichever kind the plan's "dateFormat" does not read`,
    };
  }
  if (short.length === 0 || cells.length - short.length > cells.length * ODD_SHARE) return undefined;
  const century = `each two-digit year is read in the century that puts the date inside the date window (by default from ${windowFrom} to the export date)`;
  // The cells the drafted format does not read, named by line (at most ten).
  const oddNote = (format: string) => {
    const read = dateParser(format as Parameters<typeof dateParser>[0]);
    // One line's cell in several date columns is named once.
    const odd = cells.filter((c, i) => read(c.text) === undefined && cells.findIndex((d) => d.text === c.text && d.line === c.line) === i);
    if (odd.length > cells.length * ODD_SHARE) return undefined;
    if (odd.length === 0) return '';
    return `; not in that format: ${odd.slice(0, 10).map(shown).join(', ')}${odd.length > 10 ? ` and ${odd.length - 10} more` : ''} — correct ${odd.length > 1 ? 'them' : 'it'} in the export (\`hta uptake\` refuses ${odd.length > 1 ? 'them' : 'it'})`;
  };
  const separators = new Map<string, number>();
  for (const c of short) separators.set(SHORT_YEAR.exec(c.text)![1]!, (separators.get(SHORT_YEAR.exec(c.text)![1]!) ?? 0) + 1);
  const sep = [...separators].sort((a, b) => b[1] - a[1])[0]![0];
  if (sep === '.' || sep === '-') {
    // Dots and dashes are day first: no order to guess.
    const format = sep === '.' ? 'dd.mm.yy' : 'dd-mm-yy';
    const odd = oddNote(format);
    if (odd === undefined) return undefined;
    return { format, note: `dates are written with ${sep === '.' ? 'dots' : 'dashes'} and two-digit years (such as ${shown(short[0]!)}, Excel's short date in Nordic settings), drafted as "dateFormat": "${format}" (day first, as such dates always are)${odd}; ${century} — check one referral date against the source system` };
  }
  const slash = short.filter((c) => c.text.includes('/'));
  const monthFirst = dateParser('mm/dd/yy');
  const dayFirst = dateParser('dd/mm/yy');
  const onlyMonthFirst = slash.filter((c) => monthFirst(c.text) !== undefined && dayFirst(c.text) === undefined);
  const onlyDayFirst = slash.filter((c) => dayFirst(c.text) !== undefined && monthFirst(c.text) === undefined);
  if ((onlyMonthFirst.length > 0) !== (onlyDayFirst.length > 0)) {
    const readsMonthFirst = onlyMonthFirst.length > 0;
    const format = readsMonthFirst ? 'mm/dd/yy' : 'dd/mm/yy';
    const odd = oddNote(format);
    if (odd === undefined) return undefined;
    // The first cell only this order reads: the one that decides.
    const decides = (readsMonthFirst ? onlyMonthFirst : onlyDayFirst)[0]!;
    const why = readsMonthFirst ? 'month first (its second part is above 12, so it is no month)' : 'day first (its first part is above 12, so it is no month)';
    const what = readsMonthFirst ? 'Excel\'s US short date' : 'Excel\'s short date in British or Nordic settings';
    return { format, note: `dates are written with slashes and two-digit years (${what}), drafted as "dateFormat": "${format}": ${shown(decides)} is ${why}${odd}; ${century} — check one referral date against the source system` };
  }
  if (onlyMonthFirst.length === 0 && onlyDayFirst.length === 0 && slash.length > 0 && oddNote('mm/dd/yy') !== undefined) {
    const examples = slash.filter((c, i) => slash.findIndex((d) => d.text === c.text) === i).slice(0, 3).map(shown).join(', ');
    return { ambiguous: true, note: `dates are written with slashes and two-digit years (such as ${examples}), and every one has both its first two parts ≤ 12: month first ("dateFormat": "mm/dd/yy", Excel's US short date) and day first ("dd/mm/yy") cannot be told apart, so no "dateFormat" is drafted — set the one the export uses in the uptake plan (check one referral date against the source system); ${century}` };
  }
  return undefined;
}
