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
