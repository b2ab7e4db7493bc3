/**
 * An eligible file of counts per quarter — quarters as columns (`Region;2025-K1;2025-K2;…`, as
 * Statistics Denmark and regional BI tools write them), a `Kvartal` column, or quarters in the
 * year column (`2024-K1`) — is no file of yearly counts. Refused saying so, and how a year's
 * count follows from its quarters, instead of "lacks denominator columns … expected a column
 * named "year"" or "expected a four-digit year" (docs/input-registry.md "The eligible file").
 * Whether the quarters are summed depends on what they count, which only the source knows.
 */
import { HtaError } from '../errors.js';
import { headerKey } from './referral.js';

/** `2025-K1`, `2025K1`, `2025 Q1`, `2025-kvt. 1`, `K1 2025`, `Q1-2025`, `1. kvt. 2025`, `1. kvartal 2025`. */
const QUARTER = /^(?:\d{4}\s*[-_/ ]?\s*(?:k|q|kv|kvt\.?|kvartal)\s*[1-4]|(?:k|q|kv|kvt\.?)\s*[1-4]\s*[-_/ ]?\s*\d{4}|[1-4]\.?\s*(?:kv|kvt\.?|kvartal|quarter)\s*\d{4})$/iu;
/** A column of quarters (`Kvartal`, `Quarter`), folded as header names are. */
const QUARTER_COLUMN = /^(kvartal|kvt|quarter|qtr)$/u;

/** Whether a cell or column name is a quarter of a year (`2025-K1`). */
export function isQuarter(text: string): boolean {
  return QUARTER.test(text.trim());
}

/** What a year's count is, from quarters. */
const FROM_QUARTERS =
  'if each quarter counts other people (those newly eligible in it), a year\'s count is the sum of all four of its quarters; if every quarter counts the same population, their sum counts it four times: ask the source for the year\'s count of different people';

/** The error for an eligible file whose columns are quarters (or one a quarter column), or undefined. */
export function quarterColumnsError(file: string, header: readonly string[]): HtaError | undefined {
  const quarters = header.filter((h) => isQuarter(h));
  const column = header.find((h) => QUARTER_COLUMN.test(headerKey(h)));
  if (quarters.length === 0 && column === undefined) return undefined;
  const what = quarters.length > 0 ? `quarters as columns (${quarters.slice(0, 4).join(', ')}${quarters.length > 4 ? ', …' : ''})` : `a column of quarters ("${column!.trim()}")`;
  return new HtaError('input.invalid', `${file} has counts per quarter: ${what}`, [
    {
      file, line: 1,
      expected: `one count per region and year, not per quarter (years as columns, Region;2024;2025, or one row per region and year, Region;År;Antal) — ${FROM_QUARTERS}; in Excel, a column per year whose cells are =SUM() of that year's four quarter cells (docs/input-registry.md "The eligible file"); have: ${header.join(', ')}`,
    },
  ]);
}

/** For a year cell that is a quarter (`2024-K1`): the advice, appended to "a four-digit year"; else ''. */
export function quarterYearAdvice(text: string): string {
  return isQuarter(text) ? `: eligible counts are per year, not per quarter — ${FROM_QUARTERS}` : '';
}
