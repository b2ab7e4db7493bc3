/**
 * At 375 px (a phone) a table whose number columns can wrap fits the screen, with the page's
 * right margin: the CEA results table ("Recomputed from the synthetic export", "+€230 (−€136 to
 * €595)") was wider than the screen, its numbers cut at the edge (docs/report-trial.md, "Phone
 * width"). Number cells wrap only between their pieces, so a money interval never breaks inside
 * "(−€136" (text-table.ts numberCellHtml). Skipped without /usr/bin/chromium, as report-browser.test.ts.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { htmlPage } from '../../src/report/html-page.js';
import { renderHtmlTable, type Table } from '../../src/report/text-table.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';
import { CHROMIUM, sharedBrowser } from '../support/shared-browser.js';

afterAll(removeTempDirs);

// The bundled CEA page's results table, as its rows read.
const results: Table = {
  header: ['Measure', 'Recomputed from the synthetic export', 'Published'],
  align: ['left', 'right', 'right'],
  rows: [
    ['Incremental cost (95% CI)', '+€235 (€74 to €390)', '+€230 (−€136 to €595)'],
    ['Incremental QALYs (95% CI)', '0.0319 (0.0149 to 0.0499)', '–'],
    ['ICER (cost per QALY gained)', '€7,359 per QALY gained', '€7,336 per QALY gained'],
    ['Net monetary benefit at €23,250 per QALY (95% CI)', '€507 (€28 to €958)', '–'],
    ['Cost per extra responder: RMDQ improved ≥ 5 points', '€1,930 per extra responder', '–'],
  ],
};

describe('number cells wrap only between their pieces', () => {
  it('a money interval keeps "(−€136 to" and "€595)" whole', () => {
    expect(renderHtmlTable(results)).toContain('<span class="nowrap">+€230</span> <span class="interval"><span class="nowrap">(−€136 to</span> <span class="nowrap">€595)</span></span>');
  });
});

describe.skipIf(!existsSync(CHROMIUM))('a phone-width page', () => {
  it('the CEA results table fits the screen with the page\'s right margin', { timeout: 30_000 }, async () => {
    const dir = tempDir();
    const file = join(dir, 'index.html');
    writeFileSync(file, htmlPage({ lang: 'en', title: 'T', provenance: 'p', sections: [{ id: 'results', title: 'Incremental results', tables: [{ caption: 'Table 1', table: results }] }] }, new Map()));
    // A page of its own (a fresh context) in the worker's browser (test/support/shared-browser.ts).
    const page = await (await sharedBrowser()).newPage({ viewport: { width: 375, height: 900 } });
    try {
      await page.goto(pathToFileURL(file).href);
      const m = await page.evaluate(() => {
        const wrap = document.querySelector('table')!.parentElement!;
        const main = document.querySelector('main')!;
        const right = main.getBoundingClientRect().right - parseFloat(getComputedStyle(main).paddingRight);
        return { scroll: wrap.scrollWidth, client: wrap.clientWidth, table: document.querySelector('table')!.getBoundingClientRect().right, right, width: document.documentElement.clientWidth };
      });
      expect(m.scroll, `the table's box scrolls: ${m.scroll} > ${m.client} px`).toBeLessThanOrEqual(m.client);
      expect(m.table).toBeLessThanOrEqual(m.right + 0.5);
      expect(m.width - m.right).toBeGreaterThanOrEqual(12);
    } finally {
      await page.close();
    }
  });
});
