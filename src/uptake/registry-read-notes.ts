/**
 * Notes `hta uptake` prints on stderr about how a registry export was read, when it was not
 * taken exactly as written (docs/input-registry.md): dates with a time of day, footnote rows
 * left out under the table, repeated rows and ids. They name lines and counts, never an id or a
 * patient's value.
 */
import type { RepeatedRows } from './engine/repeated-rows.js';
import { formatLineRanges, lineRanges } from '../problem-groups.js';

/** Dates written with a time of day other than midnight, read as their calendar date. */
export function timeOfDayNote(file: string, distinctTexts: number): string | undefined {
  if (distinctTexts === 0) return undefined;
  return `${file}: ${distinctTexts === 1 ? 'a date is' : `${distinctTexts} distinct dates are`} written with a time of day (not midnight): each is read as the calendar date written before the time, with no time-zone shift (docs/input-registry.md "Dates")`;
}

/**
 * "lines 42 and 43; 50 and 61" (Parquet: "rows …"). A group of many lines (one id on 9,000 rows:
 * Excel's rounded ids) is bounded: its first three lines, then how many and their ranges
 * (docs/data-contracts.md: line ranges, never every line).
 */
export function examples(groups: readonly number[][], parquet: boolean): string {
  const word = parquet ? 'rows' : 'lines';
  return `${word} ${groups.map((g) => lineSample(g)).join('; ')}`;
}

/** Lines of one group: all of a few, or the first three and the count with at most six ranges. */
export function lineSample(g: readonly number[]): string {
  if (g.length === 2) return `${g[0]} and ${g[1]}`;
  if (g.length <= SAMPLE_LINES) return g.join(', ');
  return `${g.slice(0, 3).join(', ')}, … (${g.length} in all: ${formatLineRanges(lineRanges(g))})`;
}

/** Lines of a group named one by one up to this many. */
const SAMPLE_LINES = 5;

/**
 * Identical rows counted once, and one id on several different rows (counted as they are): the
 * notes say how many and where, never which id (docs/input-registry.md "Repeated rows and ids").
 */
export function repeatedRowsNotes(file: string, r: RepeatedRows | undefined, parquet = false): string[] {
  if (r === undefined) return [];
  const out: string[] = [];
  const { copies, ids, width } = r;
  if (copies.groups > 0) {
    const what = copies.extra === 1 ? 'a row is an identical copy of another row' : `${copies.extra} rows are identical copies of other rows (${copies.groups} ${copies.groups === 1 ? 'row' : 'different rows'} repeated)`;
    out.push(`${file}: ${what} — the same ${parquet ? 'value' : 'text'} in every one of the ${width} columns, the id and any column hta does not read included — so each is counted once, as one referral exported twice (e.g. ${examples(copies.examples, parquet)}; docs/input-registry.md "Repeated rows and ids")`);
  }
  if (ids.ids > 0) {
    const what = ids.ids === 1 ? `one patient id is on ${ids.rows} different rows` : `${ids.ids} patient ids are each on several different rows (${ids.rows} rows)`;
    const episodes = ids.episodes === 0 ? '' : ` ${ids.episodes === ids.ids ? (ids.ids === 1 ? 'Here the two rows' : 'Here each id\'s two rows') : `For ${ids.episodes} of the ids the two rows`} look like one referral written twice — a referral row without an activation and an activation row, with the same referral date: that is one referral counted twice; merge each such pair into one row (the referral with its activation and last-active dates) in the export.`;
    const unread = ids.unread === 0 ? '' : ` ${ids.unread === ids.ids ? (ids.ids === 1 ? 'Here the rows' : 'Here each id\'s rows') : `For ${ids.unread} of the ids the rows`} read the same in every column hta reads and differ only in ${ids.unread === 1 ? 'a column' : 'columns'} it does not read (a referral number, say): ${ids.unread === 1 ? 'they are' : 'such rows are'} not identical, so each is counted.`;
    out.push(`${file}: warning: ${what}, each row counted as a referral (e.g. ${examples(ids.examples, parquet)}). A patient referred twice is two referrals, and stays so.${episodes}${unread} (docs/input-registry.md "Repeated rows and ids")`);
  }
  return out;
}
