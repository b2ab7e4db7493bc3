/** Plain-text and Markdown tables from rows of cells: one layout, two renderers. */
export interface Table {
  header: string[];
  rows: string[][];
  /** Per column: right-align numbers. */
  align?: ('left' | 'right')[];
}

const width = (s: string) => [...s].length;

export function renderTextTable(t: Table): string {
  const widths = t.header.map((h, i) => Math.max(width(h), ...t.rows.map((r) => width(r[i] ?? ''))));
  const pad = (s: string, i: number) => {
    const fill = ' '.repeat((widths[i] as number) - width(s));
    return t.align?.[i] === 'right' ? fill + s : s + fill;
  };
  const line = (cells: string[]) => cells.map(pad).join('  ').trimEnd();
  return [line(t.header), widths.map((w) => '─'.repeat(w)).join('  '), ...t.rows.map(line)].join('\n') + '\n';
}

export function renderMarkdownTable(t: Table): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const sep = t.header.map((_, i) => (t.align?.[i] === 'right' ? '---:' : '---'));
  return [t.header, sep, ...t.rows].map((r) => `| ${r.map(esc).join(' | ')} |`).join('\n') + '\n';
}

/** Text for HTML content and attribute values. */
export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * An HTML table of the same layout. Rows whose cells after the first are all empty render as a
 * group heading (e.g. "Sex, n (%)" above its levels); cells starting with two spaces are indented.
 */
export function renderHtmlTable(t: Table, caption?: string): string {
  const cls = (i: number) => (t.align?.[i] === 'right' ? ' class="num"' : '');
  const cell = (tag: 'th' | 'td', s: string, i: number) => {
    const indent = tag === 'td' && i === 0 && s.startsWith('  ');
    return `<${tag}${indent ? ' class="indent"' : cls(i)}>${escapeHtml(indent ? s.trimStart() : s)}</${tag}>`;
  };
  const head = `<thead><tr>${t.header.map((h, i) => cell('th', h, i)).join('')}</tr></thead>`;
  const body = t.rows
    .map((r) => {
      const group = r.length > 1 && r.slice(1).every((c) => c === '');
      return group ? `<tr class="group"><td colspan="${t.header.length}">${escapeHtml(r[0] ?? '')}</td></tr>` : `<tr>${r.map((c, i) => cell('td', c, i)).join('')}</tr>`;
    })
    .join('\n');
  return `<table>${caption ? `<caption>${escapeHtml(caption)}</caption>` : ''}${head}<tbody>\n${body}\n</tbody></table>\n`;
}
