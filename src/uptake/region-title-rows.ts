/**
 * The text of a region block title (docs/input-registry.md "Regions"), the line a report grouped
 * by region writes above each region's rows. Report tools write it as the region's name alone
 * (an SSRS or Qlik group header, a sheet laid out for reading) or, SAS's BY line, as
 * `Region=Region Hovedstaden` (io/sas-by-line.ts). Which of them names a region is the caller's
 * question (its region set: the run's, or the Danish regions for a draft plan): this takes the SAS
 * form apart and finds the line's one cell.
 */
import { sasByLineValue } from '../io/sas-by-line.js';

/**
 * The region a title cell names: the value of a SAS BY line (`Region=Region Hovedstaden` →
 * `Region Hovedstaden`), or the cell itself (trimmed) when it is not one.
 */
export function regionTitleText(cell: string): string {
  return sasByLineValue(cell) ?? cell.trim();
}

/**
 * The one non-blank cell of a region block title and where it is, or undefined: a line of one
 * cell (one field, or every other field blank) that is one of the caller's regions (`isRegion`),
 * alone or as a SAS BY line (`Region=Region Hovedstaden`). The text is the cell, trimmed.
 */
export function regionTitleCell(record: readonly string[], isRegion: (text: string) => boolean): { index: number; text: string } | undefined {
  const filled = record.flatMap((c, i) => (c.trim() === '' ? [] : [i]));
  if (filled.length !== 1) return undefined;
  const text = record[filled[0]!]!.trim();
  return isRegion(regionTitleText(text)) ? { index: filled[0]!, text } : undefined;
}
