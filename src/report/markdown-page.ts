/**
 * README.md of a report folder: the same sections as index.html, tables in Markdown, charts as
 * image links. Every text of the page (titles, labels, names, values, reasons, paths) is
 * escaped, so whatever a plan or a data file holds renders as text, never as Markdown or HTML
 * (docs/output-safety.md). Only the links to the report's own files, and the command `hta report`
 * in the provenance line, are Markdown.
 */
import { pageAbbreviations } from './abbreviations.js';
import { REPORT_TEXT } from './i18n.js';
import type { ReportPage } from './report-page.js';
import { pageText } from '../io/visible-text.js';
import { escapeMarkdown, escapeMarkdownBlock, renderMarkdownTable, type Table } from './text-table.js';

export function markdownPage(page: ReportPage, charts: ReadonlyMap<string, { alt: string; numbers?: Table; svg?: string }>): string {
  const [before, after] = REPORT_TEXT[page.resultsHoldMore ? 'resultsFileMore' : 'resultsFile'][page.lang].split('{link}') as [string, string?];
  const resultsLink = `${escapeMarkdown(before)}[results.json](results.json)${escapeMarkdown(after ?? '')}`;
  // The command is code, the one Markdown in the line besides the link: the provenance itself is escaped text.
  const [say, sayAfter] = REPORT_TEXT.regenerate[page.lang].split('{command}') as [string, string?];
  const regenerate = `${escapeMarkdown(say)}${codeSpan(page.command ?? 'hta report')}${escapeMarkdown(sayAfter ?? '')}`;
  const out = [`# ${escapeMarkdown(page.title)}`, '', `${escapeMarkdownBlock(page.provenance)} ${regenerate} ${resultsLink}`, ''];
  // The same abbreviations as index.html (docs/report-trial.md, "Abbreviations").
  const abbreviations = pageAbbreviations(page, charts);
  if (abbreviations.length > 0) out.push(`**${escapeMarkdown(REPORT_TEXT.abbreviations[page.lang])}:** ${abbreviations.map((a) => `${escapeMarkdown(a.abbr)} = ${escapeMarkdown(a.full)}`).join('; ')}.`, '');
  for (const s of page.sections) {
    out.push(`## ${escapeMarkdown(s.title)}`, '');
    for (const p of s.intro ?? []) out.push(escapeMarkdownBlock(p), '');
    if (s.chart && charts.has(s.chart)) {
      if (s.chartCaption) out.push(`**${escapeMarkdown(s.chartCaption)}**`, '');
      out.push(`![${escapeMarkdown(charts.get(s.chart)?.alt ?? s.chart, 'all')}](${s.chart}.svg)`, '', `[PNG](${s.chart}.png) · [${REPORT_TEXT.chartSpec[page.lang]}](${s.chart}.vl.json)`, '');
    }
    for (const tb of s.tables ?? []) {
      if (tb.caption) out.push(`**${escapeMarkdown(tb.caption)}**`, '');
      // Markdown has no indentation inside cells: group levels get a leading "· ".
      const rows = tb.table.rows.map((r) => r.map((c, i) => (i === 0 && c.startsWith('  ') ? `· ${c.trimStart()}` : c)));
      out.push(renderMarkdownTable({ ...tb.table, rows }));
    }
    if (s.textVersion) {
      const item = (i: string | { text: string; items: string[] }): string[] =>
        typeof i === 'string' ? [`- ${escapeMarkdownBlock(i)}`] : [`- ${escapeMarkdownBlock(i.text)}`, ...i.items.map((x) => `  - ${escapeMarkdownBlock(x)}`)];
      out.push(escapeMarkdownBlock(s.textVersion.summary), '', ...s.textVersion.items.flatMap(item), '');
    }
    for (const p of s.notes ?? []) out.push(escapeMarkdownBlock(p), '');
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

/** A Markdown code span around `text`, fenced by more backticks than any run inside it (CommonMark). */
function codeSpan(raw: string): string {
  const text = pageText(raw);
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  return longest ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}
