/**
 * WCAG 2.1 on the bundled pages, read from the HTML hta writes (html-page.ts, text-table.ts):
 * - every table header cell says what it heads (`scope="col"`, `"row"`, or `"rowgroup"` for a
 *   group heading), and a row's text first cell is its header (1.3.1 Info and Relationships);
 * - on a Danish page, English passages — the catalogue's English instrument and guideline names,
 *   citations' journals, English titles — are inside an element with `lang="en"` (3.1.2 Language
 *   of Parts), so a screen reader does not speak them with Danish pronunciation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markEnglishPassages } from '../../src/report/html-page.js';

const DANISH = ['selfback-da', 'selfback-cea-da', 'registry-da'];
const ENGLISH = ['uptake', 'selfback-meta'];
/** English-only words of the catalogue and the citations the bundled Danish pages carry. */
const ENGLISH_ONLY = ['Questionnaire', 'Consolidated Standards', 'Grading of Recommendations', 'Spine', 'J Pain', 'BMJ Open', 'Cochrane Handbook'];

const VOID = new Set(['meta', 'br', 'img', 'link', 'input', 'hr', 'col', 'wbr']);

/** Each text of the page (outside the head, charts and attributes) with the language it is in. */
function textsWithLang(html: string): { text: string; lang: string }[] {
  const stack: { tag: string; lang?: string }[] = [];
  const out: { text: string; lang: string }[] = [];
  for (const piece of html.split(/(<[^>]*>)/)) {
    if (piece.startsWith('</')) {
      const tag = piece.slice(2, -1).trim().toLowerCase();
      const at = stack.map((e) => e.tag).lastIndexOf(tag);
      if (at >= 0) stack.length = at;
    } else if (piece.startsWith('<!')) {
      continue;
    } else if (piece.startsWith('<')) {
      const tag = /^<([a-zA-Z0-9-]+)/.exec(piece)?.[1]?.toLowerCase() ?? '';
      if (VOID.has(tag) || piece.endsWith('/>')) continue;
      const lang = /\slang="([a-z-]+)"/.exec(piece)?.[1];
      stack.push({ tag, ...(lang ? { lang } : {}) });
    } else if (piece.trim() !== '' && !stack.some((e) => ['svg', 'style', 'title', 'head'].includes(e.tag))) {
      out.push({ text: piece, lang: [...stack].reverse().find((e) => e.lang)?.lang ?? '?' });
    }
  }
  return out;
}

/**
 * The bundled pages as committed in reports/, as the browser test (report-browser.test.ts) and
 * content-security-policy.test.ts read them: `hta report --check` holds them to what hta writes
 * now, byte for byte (CI runs it after the tests; a developer's `npm test` in report-cli.test.ts),
 * so a change that broke a page fails here once the pages are written again, and there until then.
 * Building the five here cost ~10 CPU-s of a test run (their analyses, charts and PNGs), for the
 * HTML that check builds and compares anyway.
 */
const pages = new Map([...DANISH, ...ENGLISH].map((id) => [id, readFileSync(join('reports', id, 'index.html'), 'utf8')]));

describe('table headers', () => {
  it('every <th> of every page has a scope', () => {
    for (const [id, html] of pages) {
      const ths = html.match(/<th\b[^>]*>/g) ?? [];
      expect(ths.length, id).toBeGreaterThan(10);
      for (const th of ths) expect(th, id).toMatch(/\sscope="(col|row|rowgroup)"/);
      // Column headers in <thead>, the group headings spanning the table, the others rows' own.
      for (const head of html.match(/<thead>.*?<\/thead>/g) ?? []) expect(head.match(/<th\b/g)?.length, id).toBe(head.match(/scope="col"/g)?.length);
      // A note row (a cell across the table, no header) only under the last row of data: never one
      // that heads rows below it.
      for (const table of html.match(/<table>[\s\S]*?<\/table>/g) ?? []) expect(table, id).not.toMatch(/<tr class="group"><td[\s\S]*<tr>/);
    }
  });

  it('a row whose first cell names it has that cell as its header (Table 1: "Age (years)")', () => {
    const html = pages.get('selfback-da')!;
    const rows = html.match(/<tbody[^>]*>[\s\S]*?<\/tbody>/g)!.flatMap((b) => b.match(/<tr>.*?<\/tr>/g) ?? []);
    const named = rows.filter((r) => /^<tr><th scope="row"/.test(r));
    expect(named.length).toBeGreaterThan(20);
    // A first cell with text is never a plain data cell, unless the column is numbers.
    for (const r of rows) {
      const first = /^<tr><(td|th)([^>]*)>(.*?)<\/\1>/.exec(r)!;
      if (first[1] === 'td') expect(first[3] === '' || /class="[^"]*num/.test(first[2]!), r).toBe(true);
    }
  });
});

describe('English passages on Danish pages carry lang="en"', () => {
  it('the catalogue\'s English names and the citations\' journals are never read as Danish', () => {
    let found = 0;
    for (const id of DANISH) {
      const html = pages.get(id)!;
      expect(html).toContain('<html lang="da">');
      for (const { text, lang } of textsWithLang(html)) {
        for (const word of ENGLISH_ONLY) {
          if (!text.includes(word)) continue;
          found++;
          expect(lang, `${id}: "${word}" in "${text.trim().slice(0, 120)}"`).toBe('en');
        }
      }
    }
    // The pages do cite them: the check above is not vacuous.
    expect(found).toBeGreaterThanOrEqual(10);
  });

  it('the Danish gloss after an English name stays Danish; a word of both languages ("euro") is not marked', () => {
    const html = pages.get('selfback-cea-da')!;
    expect(html).toContain('<span lang="en">Pain Self-Efficacy Questionnaire</span> (handlekompetence)');
    expect(html).not.toContain('<span lang="en">euro</span>');
    // An English page needs no marks: the whole page is English.
    expect(pages.get('uptake')!).not.toContain('<span lang="en">');
  });

  it('citations in running text: the journal after "m.fl." and the year, never the Danish around it', () => {
    expect(markEnglishPassages('<p>Ostelo RW m.fl. 2008, Spine 33(1):90-94; Kongstad m.fl. BMJ Open 2024;14; Sandal m.fl., JAMA Intern Med 2021.</p>')).toBe(
      '<p>Ostelo RW m.fl. 2008, <span lang="en">Spine</span> 33(1):90-94; Kongstad m.fl. <span lang="en">BMJ Open</span> 2024;14; Sandal m.fl., <span lang="en">JAMA Intern Med</span> 2021.</p>',
    );
    // Not inside a chart's SVG, whose text is drawn (and named by its aria-label).
    expect(markEnglishPassages('<svg><text>Ostelo m.fl. 2008, Spine 33</text></svg>')).toBe('<svg><text>Ostelo m.fl. 2008, Spine 33</text></svg>');
  });
});
