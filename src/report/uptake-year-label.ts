/**
 * A year as every uptake table and chart labels it: "2025 (so far)" for a year still running on
 * the export date (uptake/year-running.ts: not one ending on it), else the year. One function, so Figure 2's axis and Table 1 cannot drift apart
 * (the axis said "2025" where the table said "2025 (so far)").
 */
import { type Lang, UPTAKE_TEXT } from './i18n.js';

export function uptakeYearLabel(year: number, partial: boolean, lang: Lang): string {
  return partial ? `${year} (${UPTAKE_TEXT.partial[lang]})` : String(year);
}
