/**
 * The registry page's Table 1 fits a 1,000 px browser window, and one a little narrower, without
 * scrolling sideways: its differences in their units ("−3.52 points (−4.06 to −2.97)") and its
 * E-values with their CI limits were one line each on a screen, so the table sat at its narrowest
 * — every text column a word a line — at 1,000 px, and scrolled at 900. The interval now goes under
 * its value on a screen as in print (text-table.ts fit "stack", html-page.ts), print unchanged.
 * Skipped without /usr/bin/chromium, as phone-width-tables.test.ts.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { htmlPage } from '../../src/report/html-page.js';
import { registryReportKind } from '../../src/report/kinds/registry-report.js';
import { reportEnv } from '../support/report-env.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';
import { CHROMIUM, sharedBrowser } from '../support/shared-browser.js';

afterAll(removeTempDirs);

/** The bundled registry page's effects section (its tables; the chart left out) as HTML. */
async function effectsPage(lang: 'en' | 'da'): Promise<string> {
  const c = await registryReportKind.build({ id: 'r', kind: 'registry', out: 'r', lang, data: 'synthetic/registry-outcomes.csv', plan: 'plans/registry-outcomes.plan.json' } as never, reportEnv(resolve('data'), lang));
  const effects = c.page.sections.find((s) => s.id === 'effects')!;
  const { chart: _chart, ...section } = effects;
  return htmlPage({ ...c.page, sections: [section] }, new Map());
}

describe.skipIf(!existsSync(CHROMIUM))('the registry page\'s Table 1 on a screen', () => {
  it.each(['en', 'da'] as const)('%s: no sideways scroll at 1,000 px (English at 900 too); the intervals under their values', { timeout: 60_000 }, async (lang) => {
    const dir = tempDir();
    const file = join(dir, 'index.html');
    const html = await effectsPage(lang);
    expect(html).toContain('class="num stack"');
    writeFileSync(file, html);
    // The worker's browser (test/support/shared-browser.ts); each width a page (a fresh context) of its own.
    const browser = await sharedBrowser();
    // Danish at 1,000 px only: its single long words ("konfidensintervallet", "funktionsniveau") hold it at 909 px.
    for (const width of lang === 'en' ? [1000, 900] : [1000]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      try {
        await page.goto(pathToFileURL(file).href);
        const m = await page.evaluate(() => {
          const wrap = document.querySelector('.table-wrap')!;
          return { scroll: wrap.scrollWidth, client: wrap.clientWidth };
        });
        expect(m.scroll, `Table 1 scrolls sideways at ${width} px: ${m.scroll} > ${m.client}`).toBeLessThanOrEqual(m.client);
      } finally {
        await page.close();
      }
    }
  });
});
