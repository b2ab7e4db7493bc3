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

  it('an outcome over its continuation rows heads its tbody; each row has its own header', () => {
    const html = renderHtmlTable({
      header: ['Outcome', 'Population', 'Difference'],
      align: ['left', 'left', 'right'],
      rows: [['Disability, 3 months', 'Trial', '-0.8'], ['', 'Patients meeting the criteria', '-0.7'], ['', 'Trial reweighted to the target', '-0.9'], ['Pain, 3 months', 'Trial', '-0.5'], ['', 'Patients meeting the criteria', '-0.4']],
    });
    expect(html).toContain('<th scope="rowgroup">Disability, 3 months</th><th scope="row">Trial</th>');
    expect(html).toContain('<tr><td></td><th scope="row">Patients meeting the criteria</th>');
    expect(html).toContain('<th scope="row">Trial reweighted to the target</th>');
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
