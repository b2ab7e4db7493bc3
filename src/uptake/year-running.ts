/**
 * Whether a calendar year was still running on the export date, so that its counts are "so far"
 * (Danish "indtil nu"). Counts are as of the export date inclusive (docs/input-registry.md
 * "Dates": a referral on the export date is counted), so an export dated 31 December holds its
 * year whole: that year is complete, as a month is on its last day (cli/uptake.ts
 * `partialLastPeriod`, previous-publication.ts `isClosed`).
 */
export function yearRunning(year: number, exportDate: string): boolean {
  return String(year) === exportDate.slice(0, 4) && exportDate < `${year}-12-31`;
}
