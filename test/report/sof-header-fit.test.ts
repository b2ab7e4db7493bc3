/**
 * Session 14, point 8: printed, the summary of findings of a trial with neutral arm names (Danish
 * "Kontrolgruppe") had its header "Med kontrolgruppe" run out of its 10.5% column into the next
 * header, and "95 %-KI" broke at its hyphen. Every header now stays in its column and "95 %-KI"
 * on one line (the page at the printable A4 width, print styles). Needs /usr/bin/chromium:
 * skipped without it, failing on CI.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PORTRAIT_PX } from '../../src/report/html-page.js';
import { tempDir } from '../support/run-cli.js';
import { CHROMIUM, sharedBrowser } from '../support/shared-browser.js';
import { trialReportFiles } from './report-files-support.js';

const available = existsSync(CHROMIUM);

/** The Danish page of the bundled trial with neutral arm names: both tests read it, built once for the file. */
let danishPage: Promise<string> | undefined;
function neutralDanishPage(): Promise<string> {
  if (!danishPage) {
    const plan = JSON.parse(readFileSync('data/plans/selfback.plan.json', 'utf8')) as Record<string, unknown>;
    plan.armLabels = { intervention: { en: 'Intervention', da: 'Interventionsgruppe' }, control: { en: 'Control', da: 'Kontrolgruppe' } };
    danishPage = trialReportFiles(plan, 'da').then((files) => files.get('index.html')!);
  }
  return danishPage;
}

describe('the summary of findings\' header in print', () => {
  it('html: "95 %-KI" kept whole, a soft hyphen before "gruppe"', async () => {
    const html = await neutralDanishPage();
    expect(html).toContain('<th scope="col" class="compact">Med Kontrol&shy;gruppe</th>');
    expect(html).toContain('Relativ effekt (<span class="nowrap">95 %-KI</span>)');
    // The analysis the rows give is said in the caption, not a paragraph: page 1 keeps its line.
    expect(html).toContain('">Tabel 1. Evidensprofil (resumé af resultater): primær analyse (ANCOVA) ved hver planlagt opfølgning</div>');
  }, 60_000);

  it.skipIf(!available && !process.env.CI)('neutral arm names, Danish: every header inside its column, "95 %-KI" on one line', async () => {
    // Removed after the file (test/support/setup.ts), as every test's temporary folder.
    const dir = tempDir();
    writeFileSync(join(dir, 'index.html'), await neutralDanishPage());
    // A page of its own (a fresh context) in the worker's browser (test/support/shared-browser.ts).
    const page = await (await sharedBrowser()).newPage({ viewport: { width: PORTRAIT_PX, height: 1000 } });
    try {
      await page.emulateMedia({ media: 'print' });
      await page.goto(pathToFileURL(join(dir, 'index.html')).href);
      const heads = await page.$$eval('#summary-of-findings th', (ths) => ths.map((th) => ({ text: th.textContent ?? '', over: th.scrollWidth - th.clientWidth })));
      expect(heads.some((h) => h.text.includes('Kontrolgruppe'.slice(0, 7)))).toBe(true);
      for (const h of heads) expect(h.over, `"${h.text}" overflows its column`).toBeLessThanOrEqual(0);
      const lines = await page.$$eval('#summary-of-findings th span.nowrap', (ss) => ss.map((s) => s.getClientRects().length));
      expect(lines.length).toBeGreaterThan(0);
      for (const n of lines) expect(n).toBe(1);
    } finally {
      await page.close();
    }
  }, 90_000);
});
