/**
 * Whole numbers of 1,000 or more are written with the page language's thousands separator
 * ("1,200" in English, "1.200" in Danish; docs/glossary-da.md), in tables and text alike: the
 * registry flow's counts ("1200") and the CEA's tier volume ("10000 patients a year") were not.
 * Reads every committed page (index.html and README.md; `hta report --check` keeps them in step
 * with the code), and builds the registry flow table and an arm count in process.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countText } from '../../src/observational/observational-text.js';
import { armCountsText } from '../../src/report/i18n.js';
import { ungroupedNumbers } from '../support/ungrouped-numbers.js';

const REPORTS = readdirSync('reports', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

/** A page's text: its tables, paragraphs and chart texts, without markup and styles. */
const pageText = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ');

describe('thousands separators', () => {
  it('the scan flags ungrouped numbers and passes grouped ones, years and references', () => {
    const numbers = (s: string) => ungroupedNumbers(s).map((x) => x.split(' ')[0]);
    expect(numbers('In the export | 773 | 427 | 1200 | ved 10000 patienter; 1213/1204 (1041)')).toEqual(['1200', '10000', '1213', '1204', '1041']);
    expect(ungroupedNumbers('1,200 og 1.200; 10,000 patients; seed 20240601; startværdi for de tilfældige tal: 20240601; 2026–2028; Ostelo 2008; 181(10):1288-1296; doi:10.1097/BRS.0b013e31815e3; 2024;14:e086800; 0.13445; 2026-12-04')).toEqual([]);
  });

  it('counts are grouped in the page language', () => {
    expect([countText(1200, 'en'), countText(1200, 'da'), countText(999, 'da')]).toEqual(['1,200', '1.200', '999']);
    expect([armCountsText({ intervention: 1213, control: 204 }, 'en'), armCountsText({ intervention: 1213, control: 204 }, 'da')]).toEqual(['1,213/204', '1.213/204']);
  });

  it.each(REPORTS)('reports/%s: no number ≥ 1,000 without a separator', (name) => {
    const html = pageText(readFileSync(join('reports', name, 'index.html'), 'utf8'));
    const readme = readFileSync(join('reports', name, 'README.md'), 'utf8');
    expect(ungroupedNumbers(html)).toEqual([]);
    expect(ungroupedNumbers(readme)).toEqual([]);
  });
});
