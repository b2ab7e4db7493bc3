/**
 * Every abbreviation a page uses is written out near its top, in the page's language
 * (docs/report-trial.md, "Abbreviations"; Danish forms from docs/glossary-da.md): an
 * "Abbreviations" / "Forkortelser" line after the provenance, `<abbr title>` in index.html.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pageAbbreviations } from '../../src/report/abbreviations.js';
import { htmlPage } from '../../src/report/html-page.js';
import { markdownPage } from '../../src/report/markdown-page.js';
import type { ReportPage } from '../../src/report/report-page.js';

const page = (lang: 'en' | 'da', text: string): ReportPage => ({ lang, title: 'T', provenance: 'p', sections: [{ id: 's', title: 'S', intro: [text], chart: 'c' }] });
const chart = (svgText: string) => new Map([['c', { svg: `<svg width="10" height="10"><text>${svgText}</text></svg>`, alt: 'a' }]]);

describe('abbreviations written out', () => {
  it('lists only those the page uses (text and chart), alphabetical, each once; not inside longer words or forms', () => {
    const en = pageAbbreviations(page('en', 'MD 2 (95% CI 1 to 3), above the MCID; SMD 0.1; EQ-5D-5L index; MDs'), chart('RMDQ'));
    expect(en.map((a) => a.abbr)).toEqual(['CI', 'EQ-5D-5L', 'MCID', 'MD', 'RMDQ', 'SMD']);
    expect(en.find((a) => a.abbr === 'MCID')?.full).toBe('minimal clinically important difference');
    expect(pageAbbreviations(page('en', 'no abbreviations here; EQ-5D-5L'), chart('')).map((a) => a.abbr)).toEqual(['EQ-5D-5L']);
  });

  it('Danish pages use the glossary: MKRF and 95 %-KI written out in Danish', () => {
    const da = pageAbbreviations(page('da', 'MD 2 (95 %-KI 1 til 3) under MKRF; QALY'), chart(''));
    expect(da).toEqual([
      { abbr: 'KI', full: 'konfidensinterval' },
      { abbr: 'MD', full: 'gennemsnitlig forskel' },
      { abbr: 'MKRF', full: 'mindste klinisk relevante forskel' },
      { abbr: 'QALY', full: 'kvalitetsjusteret leveår' },
    ]);
  });

  it('index.html gives the list after the provenance, before the contents, with <abbr title>; README.md the same words', () => {
    const p = page('da', 'Forskel over MKRF (95 %-KI).');
    const html = htmlPage(p, chart('ANCOVA'));
    expect(html).toMatch(/<p class="provenance">[\s\S]*<\/p>\n<p class="abbreviations top"><strong>Forkortelser:<\/strong> <abbr title="kovariansanalyse">ANCOVA<\/abbr> = kovariansanalyse; <abbr title="konfidensinterval">KI<\/abbr> = konfidensinterval; <abbr title="mindste klinisk relevante forskel">MKRF<\/abbr> = mindste klinisk relevante forskel\.<\/p>\n<nav>/);
    // Printed at the end (page 1 holds the summary of findings): the same line, shown in print only.
    expect(html).toMatch(/<\/section>\n<p class="abbreviations end"><strong>Forkortelser:<\/strong> <abbr title="kovariansanalyse">ANCOVA<\/abbr>[^\n]*<\/p>\n<\/main>/);
    expect(html).toMatch(/@media screen \{ \.abbreviations\.end \{ display: none; \} \}/);
    expect(html).toMatch(/@media print \{[^@]*\.abbreviations\.top \{ display: none; \}|@media print \{[^@]*, \.abbreviations\.top \{ display: none; \}/);
    const md = markdownPage(p, chart('ANCOVA'));
    expect(md).toContain('\n\n**Forkortelser:** ANCOVA = kovariansanalyse; KI = konfidensinterval; MKRF = mindste klinisk relevante forskel.\n\n');
    // A page with none has no list.
    expect(htmlPage(page('en', 'plain'), chart(''))).not.toContain('class="abbreviations"');
    expect(markdownPage(page('en', 'plain'), chart(''))).not.toContain('Abbreviations');
  });

  // The bundled reports: every abbreviation of the brief's list that a page uses is written out on it.
  const WATCHED: Record<'en' | 'da', string[]> = {
    en: ['MCID', 'MD', 'ANCOVA', 'RMDQ', 'NRS', 'PSEQ', 'WAS', 'ICEMAN', 'SUR', 'EQ-5D', 'EQ-5D-5L', 'CI', 'RR', 'OR', 'QALY', 'ICER'],
    da: ['MKRF', 'MD', 'ANCOVA', 'RMDQ', 'NRS', 'PSEQ', 'WAS', 'ICEMAN', 'SUR', 'EQ-5D', 'EQ-5D-5L', 'KI', 'RR', 'OR', 'QALY', 'ICER'],
  };
  const pages = readdirSync('reports', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  it.each(pages)('reports/%s: each abbreviation used is in the page\'s list (HTML and Markdown)', (name) => {
    const html = readFileSync(`reports/${name}/index.html`, 'utf8');
    const md = readFileSync(`reports/${name}/README.md`, 'utf8');
    const lang = /<html lang="da">/.test(html) ? 'da' : 'en';
    const text = html.replace(/<style>[\s\S]*?<\/style>/g, ' ').replace(/<[^>]+>/g, ' ');
    const used = WATCHED[lang].filter((a) => new RegExp(`(?<![\\p{L}\\d])${a}(?![\\p{L}\\d]|-\\d)`, 'u').test(text));
    const listed = html.match(/<p class="abbreviations top">.*<\/p>/)?.[0] ?? '';
    const mdListed = md.match(/^\*\*(Abbreviations|Forkortelser):\*\* .*$/m)?.[0] ?? '';
    for (const a of used) {
      expect(listed, `${name}: ${a}`).toMatch(new RegExp(`<abbr title="[^"]+">${a}</abbr> = `));
      expect(mdListed, `${name}: ${a}`).toContain(`${a} = `);
    }
  });
});
