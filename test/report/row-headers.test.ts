/**
 * Row headers where the first column does not name its row alone (WCAG 2.1, 1.3.1): a label
 * repeated over rows, or an outcome over rows continuing it, makes the second column a row header
 * too; the outcome heads its <tbody> (scope="rowgroup"); note rows under a table head nothing.
 */
import { describe, expect, it } from 'vitest';
import { renderHtmlTable } from '../../src/report/text-table.js';

describe('renderHtmlTable row headers', () => {
  it('a repeated group label: the band is a row header too', () => {
    const html = renderHtmlTable({
      header: ['Group', 'Level', 'Activated, %'],
      align: ['left', 'left', 'right'],
      rows: [['Age band (years)', '18–29', '70.9'], ['Age band (years)', '30–44', '68.1'], ['Sex', 'Female', '69.0']],
    });
    expect(html).toContain('<tr><th scope="row">Age band (years)</th><th scope="row">18–29</th><td class="num">');
    expect(html).toContain('<th scope="row">30–44</th>');
  });

  it('an outcome over its continuation rows spans them (rowspan), so it heads each; each row has its own header too', () => {
    const html = renderHtmlTable({
      header: ['Outcome', 'Population', 'Difference'],
      align: ['left', 'left', 'right'],
      rows: [['Disability, 3 months', 'Trial', '-0.8'], ['', 'Patients meeting the criteria', '-0.7'], ['', 'Trial reweighted to the target', '-0.9'], ['Pain, 3 months', 'Trial', '-0.5'], ['', 'Patients meeting the criteria', '-0.4']],
    });
    expect(html).toContain('<tr><th scope="row" rowspan="3">Disability, 3 months</th><th scope="row">Trial</th>');
    expect(html).toContain('<tr><th scope="row">Patients meeting the criteria</th><td class="num">');
    expect(html).toContain('<th scope="row">Trial reweighted to the target</th>');
    expect(html).toContain('<tr><th scope="row" rowspan="2">Pain, 3 months</th>');
    expect(html).not.toContain('scope="rowgroup"');
  });

  it("an outcome's 3- and 9-month rows in one printed block (blockKeys): each follow-up spans its own rows", () => {
    // Table 4 of the trial page: one <tbody class="keep"> per outcome, holding both follow-ups. The
    // 9-month row's first cell is not empty, so the 3-month one used to stay a plain row header and
    // "Patients meeting the criteria" was read with no outcome or follow-up (until 6 December 2026).
    const html = renderHtmlTable({
      header: ['Outcome', 'Population', 'Difference'],
      align: ['left', 'left', 'right'],
      rows: [['Disability, 3 months', 'Trial', '-0.8'], ['', 'Patients meeting the criteria', '-0.7'], ['Disability, 9 months', 'Trial', '-0.5'], ['', 'Patients meeting the criteria', '-0.4']],
      blockKeys: ['d', 'd', 'd', 'd'],
    });
    expect(html).toContain('<tbody class="keep">\n<tr><th scope="row" rowspan="2">Disability, 3 months</th>');
    expect(html).toContain('<tr><th scope="row" rowspan="2">Disability, 9 months</th>');
    expect(html.match(/<tr>/g)).toHaveLength(5);
    expect(html).not.toMatch(/<td[^>]*><\/td>/);
  });

  it('a row under a group heading names the heading, and an indented row the row it is under (said to screen readers only)', () => {
    // Table 1 (summary of findings): the outcome heads its follow-ups in a row across the table,
    // which NVDA and JAWS announce unreliably (scope="rowgroup"); "In the target population" is
    // shown under "3 months" by its indent alone.
    const html = renderHtmlTable({
      header: ['Outcome, follow-up', 'Participants', 'Difference'],
      align: ['left', 'right', 'left'],
      rows: [['Disability (RMDQ 0–24)', '', ''], ['3 months', '417', 'MD 0.81 lower'], ['  In the target population', '48', 'MD 0.22 lower'], ['9 months', '367', 'MD 0.84 lower'], ['Pain', '', ''], ['3 months', '410', 'MD 0.3 lower']],
    });
    expect(html).toContain('<th scope="row"><span class="vh">Disability (RMDQ 0–24): </span>3 months</th><td class="num">417</td>');
    expect(html).toContain('<th scope="row" class="indent"><span class="vh">Disability (RMDQ 0–24), 3 months: </span>In the target population</th>');
    expect(html).toContain('<th scope="row"><span class="vh">Disability (RMDQ 0–24): </span>9 months</th>');
    expect(html).toContain('<th scope="row"><span class="vh">Pain: </span>3 months</th><td class="num">410</td>');
    // Table 2's levels: each under its characteristic.
    const levels = renderHtmlTable({ header: ['Characteristic', 'App'], align: ['left', 'right'], rows: [['Sex, n (%)', ''], ['  Female', '122'], ['  Male', '110'], ['Age, mean (SD)', '48.3']] });
    expect(levels).toContain('<th scope="row" class="indent"><span class="vh">Sex, n (%): </span>Female</th>');
    expect(levels).toContain('<th scope="row">Age, mean (SD)</th>');
  });

  it('a captioned table is a group (not a figure to a tagged PDF), named by its caption; GRADE symbols are hidden, their word kept', () => {
    const html = renderHtmlTable({ header: ['Outcome', 'Certainty'], rows: [['Pain', '⊕⊕⊕◯ Moderate (a)']] }, 'Table 1. Summary of findings');
    // (Its caption a <div>: ARIA in HTML allows a figure with a <figcaption> no role but doc-example.)
    expect(html).toMatch(/^<figure class="table short" role="group" aria-labelledby="caption-table-1-summary-of-findings"><div class="figcaption" id="caption-table-1-summary-of-findings">Table 1\. Summary of findings<\/div><table aria-labelledby="caption-table-1-summary-of-findings">/);
    expect(html).not.toContain('<figcaption');
    expect(html).toContain('<td><span aria-hidden="true">⊕⊕⊕◯</span> Moderate (a)</td>');
  });

  it('a table whose first column names each row keeps one row header', () => {
    const html = renderHtmlTable({ header: ['Region', 'Note', 'n'], align: ['left', 'left', 'right'], rows: [['North', 'a', '1'], ['South', 'b', '2']] });
    expect(html).toContain('<tr><th scope="row">North</th><td>a</td>');
  });

  it('note rows after the data are cells across the table, not headers', () => {
    const html = renderHtmlTable({
      header: ['Study', 'Difference', 'Lower', 'Upper'],
      align: ['left', 'right', 'right', 'right'],
      rows: [['Sandal 2021', '-0.79', '-1.51', '-0.06'], ['Single study: shown as reported, not pooled', '', '', ''], ['Dashed: ±MCID (5)', '', '', '']],
    });
    expect(html).toContain('<tr class="group"><td colspan="4">Single study: shown as reported, not pooled</td></tr>');
    expect(html).toContain('<tr class="group"><td colspan="4">Dashed: ±MCID (5)</td></tr>');
    expect(html).not.toContain('scope="rowgroup"');
  });
});
