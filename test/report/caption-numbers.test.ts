/**
 * Every report numbers its figures and tables the same way (src/report/number-captions.ts):
 * "Figure 1. …", "Table 1. …" ("Figur", "Tabel" in Danish) in page order, one caption per chart
 * image and per table of each bundled README.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

function numbering(md: string, lang: 'en' | 'da') {
  const lines = md.split('\n');
  const [fig, tab] = lang === 'da' ? ['Figur', 'Tabel'] : ['Figure', 'Table'];
  const caption = (word: string) => lines.flatMap((l) => (new RegExp(`^\\*\\*${word} (\\d+)\\. \\S`).exec(l) ? [Number(/(\d+)/.exec(l)![1])] : []));
  // A markdown table: a row followed by its | --- | separator line.
  const tables = lines.filter((l, i) => /^\| ?:?-{3}/.test(l) && i > 0 && lines[i - 1]!.startsWith('|')).length;
  const images = lines.filter((l) => /^!\[/.test(l)).length;
  return { figures: caption(fig), tables: caption(tab), tableCount: tables, imageCount: images };
}

describe('figures and tables numbered in every report', () => {
  it('the check sees a missing number (the test can fail)', () => {
    const n = numbering('**Caption without number**\n\n| a |\n| --- |\n| 1 |\n\n![x](x.svg)\n', 'en');
    expect(n.tables).not.toHaveLength(n.tableCount);
    expect(n.figures).not.toHaveLength(n.imageCount);
  });

  it.each(readdirSync('reports', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name))('reports/%s: one numbered caption per table and chart, 1, 2, 3 … in page order', (name) => {
    const md = readFileSync(`reports/${name}/README.md`, 'utf8');
    const n = numbering(md, name.endsWith('-da') ? 'da' : 'en');
    expect(n.tables).toEqual(Array.from({ length: n.tableCount }, (_, i) => i + 1));
    expect(n.figures).toEqual(Array.from({ length: n.imageCount }, (_, i) => i + 1));
    expect(n.tableCount + n.imageCount).toBeGreaterThan(0);
  });
});
