/**
 * Opens every committed report page in headless Chromium: no console errors, every chart drawn
 * with a non-zero size, nothing wider than the window; a screenshot per page in test-output/.
 * Every page's printed text is ≥ 8 pt (test/report/print-text-size-check.ts); the trial pages are
 * also printed to A4 (test/report/report-print-check.ts): page 1 holds the conclusion and the
 * whole summary of findings; they and the Danish CEA page keep short tables and values whole. Without /usr/bin/chromium the test fails on CI
 * (process.env.CI) and is skipped elsewhere.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHROMIUM, sharedBrowser } from '../support/shared-browser.js';
import { checkContentsColumns } from './contents-columns-check.js';
import { checkPrintedCea, checkPrintedPage, PRINTED_CEA_PAGE, PRINTED_PAGES } from './report-print-check.js';
import { checkPrintedTextSize } from './print-text-size-check.js';

const available = existsSync(CHROMIUM);
const pages = readdirSync('reports', { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join('reports', d.name, 'index.html')))
  .map((d) => d.name)
  .sort();

// One browser for every page, and for the other browser tests of this test worker
// (test/support/shared-browser.ts): launching Chromium costs more than checking a page.
describe('report pages in a browser', () => {
  it('Chromium is installed where CI expects it', () => {
    if (process.env.CI) expect(available, `${CHROMIUM} is missing; .ci/run should apt-get install chromium`).toBe(true);
  });

  // The pages are checked concurrently in the one browser (each test in its own contexts, which it
  // closes): most of a page's time is Chromium loading, laying out and printing it, and pages
  // overlap well.
  it.concurrent.skipIf(!available && !process.env.CI).each(pages)('reports/%s/index.html renders cleanly', { timeout: 60_000 }, async (name) => {
    const browser = await sharedBrowser();
    const printed = PRINTED_PAGES.find((p) => p.name === name);
    await Promise.all([checkWindows(browser, name), printed && checkPrintedPage(browser, printed), name === PRINTED_CEA_PAGE && checkPrintedCea(browser)]);
  });
});

/**
 * One report page in a 1280 px and then a 900 px window: charts drawn, no overflow, no errors,
 * contents columns apart. The page is loaded once and the window narrowed: its only media query is
 * `print` and it has no scripts, so its screen layout is a function of the window width alone, the
 * same as a fresh load at 900 px, and loading (~0.7 s a page) is most of the cost.
 */
async function checkWindows(browser: Browser, name: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
    await page.goto(pathToFileURL(resolve('reports', name, 'index.html')).href);
    // 375 px: a phone. The page must not scroll sideways, nor a chart's text fall below 8 px.
    for (const width of [1280, 900, 375]) {
      await page.setViewportSize({ width, height: 900 });
      const charts = await page.$$eval('figure.chart svg', (svgs) => svgs.map((s) => { const r = s.getBoundingClientRect(); return { w: r.width, h: r.height }; }));
      // Every chart the report wrote is drawn on its page.
      expect(charts.length).toBe(readdirSync(resolve('reports', name)).filter((f) => f.endsWith('.svg')).length);
      expect(charts.length).toBeGreaterThan(0);
      for (const c of charts) expect(c.w * c.h).toBeGreaterThan(0);
      // Chart text is 11 px at the chart's own width (docs/report-trial.md#print): drawn narrower, it shrinks.
      const textPx = await page.$$eval('figure.chart svg', (svgs) => svgs.map((s) => ({ chart: s.closest('figure')?.getAttribute('data-chart'), px: (11 * s.getBoundingClientRect().width) / Number(s.getAttribute('width')) })));
      for (const c of textPx) expect(c.px, `${name} at ${width}px: ${c.chart}'s text is ${c.px.toFixed(1)} px`).toBeGreaterThanOrEqual(7.99);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `page is ${overflow}px wider than a ${width}px window`).toBeLessThanOrEqual(0);
      expect(errors).toEqual([]);
      await checkContentsColumns(page, `${name} at ${width}px`);
      // Screenshots are for people looking at the pages (HTA_SCREENSHOTS=1), not for the assertions.
      if (process.env.HTA_SCREENSHOTS) {
        mkdirSync('test-output', { recursive: true });
        await page.screenshot({ path: join('test-output', `report-${name}-${width}.png`), fullPage: true });
      }
    }
    await checkPrintedTextSize(page, name);
  } finally {
    await context.close();
  }
}
