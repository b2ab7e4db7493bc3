/**
 * Issue #15, point 6: every text a report page prints — paragraphs, tables, notes, captions,
 * footnotes — at ≥ 8 pt (charts: print-font-size.test.ts). Called from the browser test with the
 * page loaded: emulates print media and reads each visible text's computed font size (CSS px;
 * 96 px = 72 pt). The charts' SVG text is left to print-font-size.test.ts, which scales it to
 * the printed width.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { PORTRAIT_PX } from '../../src/report/html-page.js';

export async function checkPrintedTextSize(page: Page, name: string): Promise<void> {
  await page.emulateMedia({ media: 'print' });
  try {
    const small = await page.evaluate(() => {
      const out: { text: string; pt: number }[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || !n.textContent?.trim() || el.closest('svg')) continue;
        // Not printed: hidden by the print stylesheet (nav, chart file links, text versions).
        if (el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') continue;
        const pt = (parseFloat(getComputedStyle(el).fontSize) * 72) / 96;
        if (pt < 8 - 1e-6) out.push({ text: n.textContent.trim().slice(0, 40), pt });
      }
      return out;
    });
    expect(small, `${name}: printed text below 8 pt`).toEqual([]);
    // A table wider than a portrait page makes Chromium shrink the whole printed page (every text
    // below its computed size): laid out at the page's printable width, no table outside a
    // landscape section is wider than it.
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: PORTRAIT_PX, height: 1000 });
    const wide = await page.evaluate((max) => [...document.querySelectorAll('table')]
      .filter((t) => !t.closest('section.landscape') && t.getBoundingClientRect().width > max + 0.5)
      .map((t) => `${(t.closest('figure')?.querySelector('.figcaption')?.textContent ?? '').slice(0, 40)}: ${Math.round(t.getBoundingClientRect().width)} px`), PORTRAIT_PX);
    if (viewport) await page.setViewportSize(viewport);
    expect(wide, `${name}: printed tables wider than the page (${PORTRAIT_PX} px), which shrinks every printed text`).toEqual([]);
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
}
