/**
 * A date as the page's language writes it in running text: Danish "30. december 2025" (Danish
 * text never writes an ISO date; docs/glossary-da.md), English as the ISO date the export gave.
 */
import { DANISH_MONTH_NAMES } from '../uptake/registry-dates.js';
import type { Lang } from './i18n.js';

export function dateText(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (lang === 'en' || !m) return iso;
  return `${Number(m[3])}. ${DANISH_MONTH_NAMES[Number(m[2]) - 1]} ${m[1]}`;
}

/** A month "2025-12" in words: Danish "december 2025"; English as given. */
export function monthText(yearMonth: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})$/.exec(yearMonth);
  if (lang === 'en' || !m) return yearMonth;
  return `${DANISH_MONTH_NAMES[Number(m[2]) - 1]} ${m[1]}`;
}

/** A date's day and month in Danish words, "30. december" (the year said beside it); undefined when not an ISO date. */
export function dayMonthText(iso: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[3])}. ${DANISH_MONTH_NAMES[Number(m[2]) - 1]}` : undefined;
}
