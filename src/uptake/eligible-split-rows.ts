/**
 * An eligible file with several rows per region and year that differ in another column — counts
 * by municipality × age band × year, as Statistikbanken and regional BI tools give them — is
 * refused once, naming the column that splits the rows and how to add them up, in place of one
 * "is also on line N" per row (docs/input-registry.md "The eligible file"). hta does not add the
 * rows up itself: whether a column splits a count (age bands) or repeats it (a second source) is
 * the user's to say.
 */
import type { Problem } from '../errors.js';

/** A row that repeats an earlier row's region and year: its line and the earlier one's. */
export interface RepeatedRow {
  line: number;
  first: number;
}

export interface SplitColumns {
  /** Column indices (0-based) of the region, the year and the count. */
  region: number;
  year: number;
  count: number;
}

/**
 * The one problem naming the column whose cells differ on every repeated row and the row it
 * repeats (the first such column), or undefined when no column does so (then each repeat is
 * refused on its own line, as before).
 */
export function splitRowsProblem(file: string, header: readonly string[], records: ReadonlyMap<number, readonly string[]>, repeats: readonly RepeatedRow[], cols: SplitColumns): Problem | undefined {
  if (repeats.length === 0) return undefined;
  const cell = (line: number, j: number) => (records.get(line)?.[j] ?? '').trim();
  const split = header.findIndex((_, j) => j !== cols.region && j !== cols.year && j !== cols.count && repeats.every((r) => cell(r.line, j) !== cell(r.first, j)));
  if (split < 0) return undefined;
  const values = [...new Set([...records.keys()].map((line) => cell(line, split)).filter((v) => v !== ''))];
  const shown = values.slice(0, 4).map((v) => `"${v}"`).join(', ') + (values.length > 4 ? `, … (${values.length} values)` : '');
  const [name, region, year, count] = [split, cols.region, cols.year, cols.count].map((j) => (header[j] ?? '').trim());
  const at = repeats[0]!;
  return {
    file, line: at.line, column: split + 1, field: name, value: records.get(at.line)?.[split] ?? '',
    expected: `one row per region and year: the rows are split by "${name}" (${shown}; ${repeats.length} rows repeat a ${region} and ${year}, the first ${cell(at.first, cols.region)} ${cell(at.first, cols.year)} on lines ${at.first} and ${at.line}) — add the ${count} of the "${name}" rows up per ${region} and ${year}: in Excel a pivot table with ${region} as rows, ${year} as columns and the sum of ${count}, saved as CSV (read as years as columns); or delete the "${name}" column and sum the rows (only the bands of the app's target group, if the file has others)`,
  };
}
