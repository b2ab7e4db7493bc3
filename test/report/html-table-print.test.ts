/**
 * The HTML of a report table as the print stylesheet needs it (src/report/text-table.ts,
 * html-page.ts): its caption a block before the table, which Chromium keeps with the first rows
 * (a <caption> was left alone at a page's foot), and number cells that may wrap only between an
 * estimate and its interval and after "til"/"to", so a table too wide for A4 wraps instead of
 * shrinking the page.
 */
import { describe, expect, it } from 'vitest';
import { estimatedLines, renderHtmlTable, rowBlocks } from '../../src/report/text-table.js';
import { CSS } from '../../src/report/html-page.js';
import { yesNoTable } from '../../src/report/yes-no-table.js';
import type { EffectRow } from '../../src/analysis/results-schema.js';

const table = { header: ['Effektmål', 'Forskel (95 %-KI)'], align: ['left', 'right'] as ('left' | 'right')[], rows: [['RMDQ', '22,2 %-point (16,5 til 28,0)'], ['NRS', '−0,53 (−0,72 til −0,34)'], ['Smerte', 'ikke beregnet: for få']] };

describe('report tables in HTML', () => {
  it('the caption is a figure caption before the table, not a <caption>', () => {
    const html = renderHtmlTable(table, 'Tabel 1. Forskelle');
    expect(html).toMatch(/^<figure class="table short" role="group" aria-labelledby="caption-tabel-1-forskelle"><div class="figcaption" id="caption-tabel-1-forskelle">Tabel 1\. Forskelle<\/div><table aria-labelledby="caption-tabel-1-forskelle">/);
    expect(html).not.toContain('<caption>');
    expect(renderHtmlTable(table)).toMatch(/^<table>/);
  });

  it('a short table (≤ 15 printed lines) is marked "short", which print keeps whole with its caption; a long or tall one may run on', () => {
    const rows = (n: number, cell = 'x') => Array.from({ length: n }, (_, i) => [`Row ${i}`, cell]);
    expect(renderHtmlTable({ header: ['A', 'B'], rows: rows(15) }, 'Table 2. Baseline')).toMatch(/^<figure class="table short" role="group"/);
    expect(renderHtmlTable({ header: ['A', 'B'], rows: rows(16) }, 'Table 2. Baseline')).toMatch(/^<figure class="table" role="group"/);
    // The registry page's Table 1: 12 rows of a verdict and numbers, two lines or more each, would leave
    // half a page empty before them.
    const row = ['Disability (RMDQ 0–24), 3 months', 'Weighted regression (AIPW)', '642', '578', '−2.07 (−2.55 to −1.60)', 'Significant, but not clinically relevant (whole CI between 0 and the MCID)', 'Low'];
    expect(estimatedLines([row])).toBe(2);
    expect(renderHtmlTable({ header: row.map(() => 'h'), rows: Array.from({ length: 8 }, () => row) }, 'Table 1')).toMatch(/^<figure class="table" role="group"/);
    expect(renderHtmlTable({ header: row.map(() => 'h'), rows: Array.from({ length: 7 }, () => row) }, 'Table 1')).toMatch(/^<figure class="table short" role="group"/);
    expect(CSS).toMatch(/figure\.table\.short \{ break-inside: avoid; \}/);
  });

  it('a number cell breaks only before its interval (and a ratio\'s "pr."), never inside an interval, "%-point", "< 0,001" or a number', () => {
    const html = renderHtmlTable(table);
    // A Danish reader found "(−0,4 til" / "18,5)" on two lines.
    // An interval is whole in print (span.interval), breakable after "til" on a phone's screen only.
    expect(html).toContain('<td class="num"><span class="nowrap">22,2 %-point</span> <span class="interval"><span class="nowrap">(16,5 til</span> <span class="nowrap">28,0)</span></span></td>');
    expect(html).toContain('<span class="nowrap">−0,53</span> <span class="interval"><span class="nowrap">(−0,72 til</span> <span class="nowrap">−0,34)</span></span>');
    expect(CSS).toMatch(/@media print \{[^]*span\.interval \{ white-space: nowrap; \}/);
    // A number column's header may wrap: one-line, "n brugere af …" pushed the registry's Table 1 past a 1280 px screen.
    expect(CSS).not.toMatch(/th\.num[^{]*\{[^}]*nowrap/);
    // Text in a number column wraps as text.
    expect(html).toContain('<td class="num">ikke beregnet: for få</td>');
    const cells = renderHtmlTable({ header: ['p', 'ICER'], align: ['right', 'right'], rows: [['< 0,001', '7.359 EUR pr. vundet QALY'], ['0,034', '€7,359 per QALY gained']] });
    // "<" / "0,001" was printed on two lines in the p column.
    expect(cells).toContain('<td class="num"><span class="nowrap">&lt; 0,001</span></td>');
    expect(cells).toContain('<td class="num"><span class="nowrap">7.359 EUR</span> pr. vundet QALY</td>');
    expect(cells).toContain('<span class="nowrap">€7,359</span> per QALY gained');
    expect(cells).toContain('<td class="num">0,034</td>');
    // A value with words after it keeps only the value whole: whole, "438 in the model" widened a phone's table.
    const words = renderHtmlTable({ header: ['n', 'MCID'], align: ['right', 'right'], rows: [['438 in the model', '5.5 points']] });
    expect(words).toContain('<td class="num"><span class="nowrap">438</span> in the model</td>');
    expect(words).toContain('<td class="num"><span class="nowrap">5.5 points</span></td>');
  });

  it('a header keeps an arm\'s size whole, "(n = 232)", and lets "omkostningseffektivitet" break where the compound does', () => {
    const html = renderHtmlTable({ header: ['Karakteristika', 'App + vanlig behandling (n = 232)', 'Sandsynlighed for omkostningseffektivitet ved 23.250 EUR pr. QALY'], rows: [['Alder', '45', '1']] });
    expect(html).toContain('<th scope="col">App + vanlig behandling <span class="nowrap">(n = 232)</span></th>');
    expect(html).toContain('Sandsynlighed for omkostnings&shy;effektivitet ved');
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

  // A reviewer found "(NRS 0–" / "10)", "(RMDQ ≥ 5" / "point)" and "3" / "months" in the printed
  // Tables 6 and 7 (the printed check is report-print-check.ts): an outcome label wraps between its
  // words, never inside its instrument's range or a threshold.
  it('an outcome label keeps its instrument range and threshold whole; other words wrap', () => {
    const t = { header: ['Effektmål', 'Tid'], fit: ['label', 'nowrap'] as ('label' | 'nowrap')[], rows: [['Smerteintensitet, gennemsnitlig (NRS 0–10)', '3 mdr.'], ['Klinisk relevant forbedring (RMDQ ≥ 5 point)', '9 mdr.'], ['RMDQ improved ≥ 5 points & more', '3 months']] };
    const html = renderHtmlTable(t);
    expect(html).toContain('<th scope="row" class="label">Smerteintensitet, gennemsnitlig <span class="nowrap">(NRS 0–10)</span></th><td class="nowrap">3 mdr.</td>');
    expect(html).toContain('Klinisk relevant forbedring <span class="nowrap">(RMDQ ≥ 5 point)</span>');
    expect(html).toContain('RMDQ improved <span class="nowrap">≥ 5 points</span> &amp; more');
    // A column not marked "label" is as before.
    expect(renderHtmlTable({ header: ['A'], rows: [['Pain (NRS 0–10)']] })).toContain('<th scope="row">Pain (NRS 0–10)</th>');
  });

  it('the yes/no shares table (Table 6) keeps its labels and follow-ups whole', () => {
    const row = { outcome: 'rtw', time: '3m', method: 'risk-difference', n: { intervention: 10, control: 10 }, risks: { eventsIntervention: 4, eventsControl: 3 } } as unknown as EffectRow;
    expect(yesNoTable([row], 'en', () => 'RMDQ improved ≥ 5 points')!.fit?.slice(0, 2)).toEqual(['label', 'nowrap']);
  });

  it('an interval alone in a number column ("(36.1 to 48.5)", a CI column of a chart\'s numbers) prints whole', () => {
    // The print appendix's responders numbers broke "(36.1 to" / "48.5)" until 6 December 2026.
    const html = renderHtmlTable({ header: ['Outcome', 'App: 95% CI'], align: ['left', 'right'], rows: [['Pain', '(36.1 to 48.5)']] });
    expect(html).toContain('<td class="num"><span class="interval"><span class="nowrap">(36.1 to</span> <span class="nowrap">48.5)</span></span></td>');
  });
});
