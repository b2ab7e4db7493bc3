/**
 * The text of a region block title (docs/input-registry.md "Regions"), the line a report grouped
 * by region writes above each region's rows. Report tools write it as the region's name alone
 * (an SSRS or Qlik group header, a sheet laid out for reading) or, SAS's BY line, as
 * `Region=Region Hovedstaden` (io/sas-by-line.ts). Which of them names a region is the caller's
 * question (its region set): this only takes the SAS form apart.
 */
import { sasByLineValue } from '../io/sas-by-line.js';

/**
 * The region a title cell names: the value of a SAS BY line (`Region=Region Hovedstaden` →
 * `Region Hovedstaden`), or the cell itself (trimmed) when it is not one.
 */
export function regionTitleText(cell: string): string {
  return sasByLineValue(cell) ?? cell.trim();
}
