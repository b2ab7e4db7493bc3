/**
 * "Figure 2. …" / "Tabel 2. …": every chart and table of a report numbered in page order and
 * captioned (its own caption, else its section's title), the same way in every report kind
 * (docs/report-trial.md). Applied after empty charts are dropped, so numbers count what is drawn.
 */
import { type Lang, REPORT_TEXT } from './i18n.js';
import type { PageSection } from './report-page.js';

export function numberCaptions(sections: PageSection[], lang: Lang): PageSection[] {
  let figures = 0;
  let tables = 0;
  const word = (k: 'figure' | 'table') => REPORT_TEXT[k][lang];
  return sections.map((s) => ({
    ...s,
    ...(s.chart ? { chartCaption: `${word('figure')} ${++figures}. ${s.chartCaption ?? s.title}` } : {}),
    ...(s.tables ? { tables: s.tables.map((tb) => ({ ...tb, caption: `${word('table')} ${++tables}. ${tb.caption ?? s.title}` })) } : {}),
  }));
}
