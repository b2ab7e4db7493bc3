/**
 * "Regenerate with `hta report`" under a report's title: the command is code in both renderings —
 * <code> in index.html, a code span in README.md — never backticks shown as text (they were, in
 * the HTML, and escaped as \` in the Markdown).
 */
import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { htmlPage } from '../../src/report/html-page.js';
import { markdownPage } from '../../src/report/markdown-page.js';
import type { ReportPage } from '../../src/report/report-page.js';

const page = (lang: 'en' | 'da'): ReportPage => ({ lang, title: 'T', provenance: 'Made from `data`.csv.', sections: [] });

describe('the provenance line\'s command', () => {
  it.each([['en', 'Regenerate with'], ['da', 'Dannes igen med']] as const)('%s: <code> in HTML, a code span in Markdown; the user\'s text stays escaped', (lang, words) => {
    const html = htmlPage(page(lang), new Map());
    expect(html).toContain(`Made from \`data\`.csv. ${words} <code>hta report</code>.`);
    const md = markdownPage(page(lang), new Map());
    expect(md).toContain(`Made from \\\`data\\\`.csv. ${words} \`hta report\`.`);
    expect(new MarkdownIt().render(md)).toContain(`${words} <code>hta report</code>.`);
  });

  it.each(['selfback', 'selfback-da', 'selfback-cea-da', 'selfback-meta', 'registry-da', 'uptake'])('bundled report %s', (id) => {
    const html = readFileSync(`reports/${id}/index.html`, 'utf8');
    const provenance = /<p class="provenance">(.*)<\/p>/.exec(html)![1]!;
    expect(provenance).toContain('<code>hta report</code>');
    expect(provenance).not.toContain('`');
    const md = readFileSync(`reports/${id}/README.md`, 'utf8').split('\n')[2]!;
    expect(md).toMatch(/ (Regenerate with|Dannes igen med) `hta report`\. /);
  });
});
