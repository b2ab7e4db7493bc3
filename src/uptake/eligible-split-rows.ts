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
 * The one problem naming the columns that split the rows: the first column whose cells differ on
 * every repeated row and the row it repeats; else the columns whose cells vary within a region
 * and year and that together tell every row of each region and year apart (Statistikbanken's
 * køn × alder: `Kommune;Køn;Aldersgruppe;År;Antal`). Undefined when no columns do so (then each
 * repeat is refused on its own line, as before).
 */
export function splitRowsProblem(file: string, header: readonly string[], records: ReadonlyMap<number, readonly string[]>, repeats: readonly RepeatedRow[], cols: SplitColumns): Problem | undefined {
  if (repeats.length === 0) return undefined;
  const cell = (line: number, j: number) => (records.get(line)?.[j] ?? '').trim();
  const other = (j: number) => j !== cols.region && j !== cols.year && j !== cols.count;
  const one = header.findIndex((_, j) => other(j) && repeats.every((r) => cell(r.line, j) !== cell(r.first, j)));
  const split = one >= 0 ? [one] : splittingColumns(header, repeats, cell, other);
  if (split.length === 0) return undefined;
  const valuesOf = (j: number) => {
    const values = [...new Set([...records.keys()].map((line) => cell(line, j)).filter((v) => v !== ''))];
    return values.slice(0, 4).map((v) => `"${v}"`).join(', ') + (values.length > 4 ? `, … (${values.length} values)` : '');
  };
  const names = split.map((j) => (header[j] ?? '').trim());
  const [region, year, count] = [cols.region, cols.year, cols.count].map((j) => (header[j] ?? '').trim());
  const at = repeats[0]!;
  const quoted = names.map((n) => `"${n}"`);
  const by = quoted.length === 1 ? quoted[0]! : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
  const shown = split.length === 1 ? valuesOf(split[0]!) : split.map((j, i) => `${quoted[i]}: ${valuesOf(j)}`).join('; ');
  const columnsWord = split.length === 1 ? `the ${by} column` : `the ${by} columns`;
  return {
    file, line: at.line, column: split[0]! + 1, field: names[0]!, value: records.get(at.line)?.[split[0]!] ?? '',
    expected: `one row per region and year: the rows are split by ${by} (${shown}; ${repeats.length} rows repeat a ${region} and ${year}, the first ${cell(at.first, cols.region)} ${cell(at.first, cols.year)} on lines ${at.first} and ${at.line}) — add the ${count} of the ${by} rows up per ${region} and ${year}: in Excel a pivot table with ${region} as rows, ${year} as columns and the sum of ${count}, saved as CSV (read as years as columns); or delete ${columnsWord} and sum the rows (only the bands of the app's target group, if the file has others)`,
  };
}

/**
 * The columns whose cells vary within some region and year (a group: a first row and the rows
 * repeating it), in file order, when together they tell every row of each group apart; else none.
 */
function splittingColumns(header: readonly string[], repeats: readonly RepeatedRow[], cell: (line: number, j: number) => string, other: (j: number) => boolean): number[] {
  const groups = new Map<number, number[]>();
  for (const r of repeats) groups.set(r.first, [...(groups.get(r.first) ?? [r.first]), r.line]);
  const varying = header.map((_, j) => j).filter((j) => other(j) && [...groups.values()].some((g) => g.some((line) => cell(line, j) !== cell(g[0]!, j))));
  if (varying.length < 2) return [];
  const apart = [...groups.values()].every((g) => new Set(g.map((line) => varying.map((j) => cell(line, j)).join('\u0000'))).size === g.length);
  return apart ? varying : [];
}
