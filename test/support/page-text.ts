import type { ReportContent } from '../../src/report/report-page.js';

/** Every word a reader sees on a built page: title, section titles, intros, notes, tables, and the charts' texts (their specs). */
export function pageText(c: ReportContent): string {
  const parts: string[] = [c.page.title];
  for (const s of c.page.sections) {
    parts.push(s.title, ...(s.intro ?? []), ...(s.notes ?? []));
    for (const t of s.tables ?? []) parts.push(t.caption ?? '', ...t.table.header, ...t.table.rows.flat());
  }
  return parts.join('\n') + '\n' + JSON.stringify(c.charts.map((x) => x.spec));
}
