/**
 * The HTML of a report table as the print stylesheet needs it (src/report/text-table.ts,
 * html-page.ts): its caption a block before the table, which Chromium keeps with the first rows
 * (a <caption> was left alone at a page's foot), and number cells that may wrap only between an
 * estimate and its interval and after "til"/"to", so a table too wide for A4 wraps instead of
 * shrinking the page.
 */
import { describe, expect, it } from 'vitest';
import { renderHtmlTable } from '../../src/report/text-table.js';

const table = { header: ['Effektmål', 'Forskel (95 %-KI)'], align: ['left', 'right'] as ('left' | 'right')[], rows: [['RMDQ', '22,2 %-point (16,5 til 28,0)'], ['NRS', '−0,53 (−0,72 til −0,34)'], ['Smerte', 'ikke beregnet: for få']] };

describe('report tables in HTML', () => {
  it('the caption is a figure caption before the table, not a <caption>', () => {
    const html = renderHtmlTable(table, 'Tabel 1. Forskelle');
    expect(html).toMatch(/^<figure class="table"><figcaption>Tabel 1\. Forskelle<\/figcaption><table>/);
    expect(html).not.toContain('<caption>');
    expect(renderHtmlTable(table)).toMatch(/^<table>/);
  });

  it('a number cell breaks only before its interval and after "til", never inside "%-point" or a number', () => {
    const html = renderHtmlTable(table);
    expect(html).toContain('<td class="num"><span class="nowrap">22,2 %-point</span> <span class="nowrap">(16,5 til</span> <span class="nowrap">28,0)</span></td>');
    expect(html).toContain('<span class="nowrap">−0,53</span> <span class="nowrap">(−0,72 til</span> <span class="nowrap">−0,34)</span>');
    // Text in a number column wraps as text.
    expect(html).toContain('<td class="num">ikke beregnet: for få</td>');
  });
});
