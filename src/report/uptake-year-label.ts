/**
 * A year as every uptake table and chart labels it: "2025 (so far)" for a year still running on
 * the export date (uptake/year-running.ts: not one ending on it), else the year. One function, so Figure 2's axis and Table 1 cannot drift apart
 * (the axis said "2025" where the table said "2025 (so far)").
 */
import { dayMonthText } from './date-text.js';
import { type Lang, UPTAKE_TEXT } from './i18n.js';

/** Danish names the export's date: "2025 (til og med 30. december)", not "(indtil nu)", which dates with the page. */
export function uptakeYearLabel(year: number, partial: boolean, lang: Lang, exportDate?: string): string {
  if (!partial) return String(year);
  const through = lang === 'da' && exportDate !== undefined ? dayMonthText(exportDate) : undefined;
  return through ? `${year} (til og med ${through})` : `${year} (${UPTAKE_TEXT.partial[lang]})`;
}
