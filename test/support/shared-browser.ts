/**
 * One Chromium per test worker for the files that look at pages in a browser (report-browser,
 * pdf-tags, sof-header-fit, phone-width-tables, registry-table-width). Launching Chromium costs
 * ~0.9 CPU-s and 1.5–2.5 s of its start before the first page, more than most of these checks;
 * those files launched it 8 times in a run. The files of a worker share a module graph
 * (vitest.config.ts), so this browser is launched by the first of them and used by the next.
 *
 * Each page is one of its own: `browser.newPage()` opens a fresh browser context (no cookies,
 * storage, cache or viewport of another page), and closing the page closes its context; a test
 * that needs several pages opens a context and closes it. Nothing of one file's pages reaches
 * the next file's, as nothing did between the pages of one browser before.
 *
 * The browser is closed when the worker ends: Playwright closes the browsers it launched on the
 * process's exit and on SIGTERM, which is how Vitest stops a worker. If it crashes or is
 * closed, the next call launches another.
 */
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

let launched: Promise<Browser> | undefined;

export function sharedBrowser(): Promise<Browser> {
  if (!launched) {
    const browser = chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    launched = browser;
    browser.then(
      (b) => b.on('disconnected', () => { if (launched === browser) launched = undefined; }),
      () => { if (launched === browser) launched = undefined; },
    );
  }
  return launched;
}
