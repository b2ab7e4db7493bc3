/**
 * Issue #15, point 6: the trial report printed to A4 by Chromium. Page 1 holds the conclusion and
 * the start of the summary of findings (no section pushed to page 2), and the summary's phrase
 * columns do not wrap one word a line. Without /usr/bin/chromium or pdftotext (poppler-utils)
 * the test is skipped with a message (and fails on CI, as the browser test does).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const PDFTOTEXT = '/usr/bin/pdftotext';
const available = existsSync(CHROMIUM) && existsSync(PDFTOTEXT);
if (!available && !process.env.CI) console.warn(`report-print: skipped — needs ${CHROMIUM} and ${PDFTOTEXT} (poppler-utils)`);

const PAGES = [
  { name: 'selfback', conclusion: 'Conclusion', sof: 'Summary of findings', first: 'Disability (RMDQ 0–24)', table: 'Table 1. Summary of findings' },
  { name: 'selfback-da', conclusion: 'Konklusion', sof: 'Evidensprofil', first: 'Funktionsevne (RMDQ 0–24)', table: 'Tabel 1. Evidensprofil' },
];

describe('trial reports printed to A4', () => {
  it('Chromium and pdftotext are installed where CI expects them', () => {
    if (process.env.CI) expect(available, `${CHROMIUM} or ${PDFTOTEXT} is missing`).toBe(true);
  });

  it.skipIf(!available && !process.env.CI)('page 1 holds the conclusion and the summary of findings; phrase columns keep their width', { timeout: 60_000 }, async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    try {
      mkdirSync('test-output', { recursive: true });
      for (const p of PAGES) {
        const page = await browser.newPage();
        await page.goto(pathToFileURL(resolve('reports', p.name, 'index.html')).href);
        const pdf = join('test-output', `report-${p.name}.pdf`);
        await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
        const page1 = execFileSync(PDFTOTEXT, ['-f', '1', '-l', '1', '-layout', pdf, '-'], { encoding: 'utf8' });
        expect(page1, `${p.name} page 1`).toContain(p.conclusion);
        expect(page1).toContain(p.table);
        expect(page1).toContain(p.first);
        // The phrase columns of the summary (outcome, difference, verdict) at print width: never one word a line.
        await page.emulateMedia({ media: 'print' });
        await page.setViewportSize({ width: 705, height: 1000 }); // A4 minus the @page margins, at 96 px/in
        const cells = await page.$$eval('#summary-of-findings td.wide', (tds) =>
          tds.map((c) => {
            // Line boxes of the cell's text (the cell itself is as tall as its row).
            const range = document.createRange();
            range.selectNodeContents(c);
            const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            return { text: c.textContent ?? '', lines: tops.size };
          }));
        expect(cells.length).toBeGreaterThan(10);
        for (const c of cells) {
          expect(c.lines, `${p.name}: "${c.text}"`).toBeLessThanOrEqual(5);
          expect(c.text.split(/\s+/).length / c.lines, `${p.name}: words per line in "${c.text}"`).toBeGreaterThanOrEqual(2);
        }
        await page.close();
      }
    } finally {
      await browser.close();
    }
  });
});
