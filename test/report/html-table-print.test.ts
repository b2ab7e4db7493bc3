/**
 * The HTML of a report table as the print stylesheet needs it (src/report/text-table.ts,
 * html-page.ts): its caption a block before the table, which Chromium keeps with the first rows
 * (a <caption> was left alone at a page's foot), and number cells that may wrap only between an
 * estimate and its interval and after "til"/"to", so a table too wide for A4 wraps instead of
 * shrinking the page.
 */
import { describe, expect, it } from 'vitest';
import { renderHtmlTable, rowBlocks } from '../../src/report/text-table.js';

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

  it('rows that belong together are one <tbody class="keep">, which print keeps on one page', () => {
    const bodies = (html: string) => [...html.matchAll(/<tbody( class="keep")?>([\s\S]*?)<\/tbody>/g)].map((m) => `${m[1] ? 'keep' : '-'}:${(m[2]!.match(/<tr/g) ?? []).length}`);
    // A row and those under it with an empty first cell (an outcome and follow-up, then its populations).
    const effects = { header: ['Outcome', 'Population', 'Difference'], rows: [['Pain, 3 months', 'Trial', '1'], ['', 'Target', '2'], ['Pain, 9 months', 'Trial', '3'], ['', 'Target', '4'], ['Work, 3 months', 'Trial', '5']] };
    expect(bodies(renderHtmlTable(effects))).toEqual(['keep:2', 'keep:2', '-:1']);
    // Keys given by the table's builder: an outcome's rows at every follow-up.
    expect(bodies(renderHtmlTable({ ...effects, blockKeys: ['pain', 'pain', 'pain', 'pain', 'work'] }))).toEqual(['keep:4', '-:1']);
    // A heading with indented levels (Table 1's "Sex, n (%)"), then rows of their own.
    const baseline = [['Sex, n (%)', '', ''], ['  Female', '1', '2'], ['  Male', '3', '4'], ['Age', '5', '6'], ['BMI', '7', '8']];
    expect(rowBlocks(baseline).map((b) => b.length)).toEqual([3, 1, 1]);
    // A heading with follow-ups under it (the summary of findings): all up to the next heading.
    const sof = [['Pain (critical)', '', ''], ['3 months', '1', '2'], ['  In the target population', '3', '4'], ['9 months', '5', '6'], ['Work (important)', '', ''], ['3 months', '7', '8']];
    expect(rowBlocks(sof).map((b) => b.length)).toEqual([4, 2]);
    // A table of single rows keeps one plain <tbody>.
    expect(bodies(renderHtmlTable(table))).toEqual(['-:3']);
  });
});
