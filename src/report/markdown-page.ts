/** README.md of a report folder: the same sections as index.html, tables in Markdown, charts as image links. */
import { REPORT_TEXT } from './i18n.js';
import type { ReportPage } from './report-page.js';
import { renderMarkdownTable } from './text-table.js';

export function markdownPage(page: ReportPage, charts: ReadonlyMap<string, { alt: string }>): string {
  const out = [`# ${page.title}`, '', `${page.provenance} ${REPORT_TEXT.resultsFile[page.lang].replace('{link}', '[results.json](results.json)')}`, ''];
  for (const s of page.sections) {
    out.push(`## ${s.title}`, '');
    for (const p of s.intro ?? []) out.push(p, '');
    if (s.chart && charts.has(s.chart)) {
      out.push(`![${charts.get(s.chart)?.alt ?? s.chart}](${s.chart}.svg)`, '', `[PNG](${s.chart}.png) · [Vega-Lite spec](${s.chart}.vl.json)`, '');
    }
    for (const tb of s.tables ?? []) {
      if (tb.caption) out.push(`**${tb.caption}**`, '');
      // Markdown has no indentation inside cells: group levels get a leading "· ".
      const rows = tb.table.rows.map((r) => r.map((c, i) => (i === 0 && c.startsWith('  ') ? `· ${c.trimStart()}` : c)));
      out.push(renderMarkdownTable({ ...tb.table, rows }));
    }
    for (const p of s.notes ?? []) out.push(p, '');
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
