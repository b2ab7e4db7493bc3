/**
 * Issue #15, point 6: a trial report printed to A4 by Chromium (called from the browser test,
 * which has the browser open). Page 1 holds the title, the conclusion and the whole summary of
 * findings with all its footnotes (issue #15), and the summary's phrase columns never wrap one
 * word a line. Needs pdftotext (poppler-utils);
 * without it the check fails on CI and is skipped elsewhere.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';

const PDFTOTEXT = '/usr/bin/pdftotext';

// Asynchronous, so the browser test's other pages go on loading while poppler reads this one.
const run = async (file: string, args: string[]): Promise<string> => (await promisify(execFile)(file, args, { encoding: 'utf8' })).stdout;

export const PRINTED_PAGES = [
  { name: 'selfback', conclusion: 'Conclusion', first: 'Disability (RMDQ 0–24)', table: 'Table 1. Summary of findings', grouped: 'Table 4. Effects in the trial and in the target population' },
  { name: 'selfback-da', conclusion: 'Konklusion', first: 'Fysisk funktionsniveau (RMDQ 0–24)', table: 'Tabel 1. Evidensprofil', grouped: 'Tabel 4. Effekter i forsøget og i målgruppen' },
];

export async function checkPrintedPage(browser: Browser, p: (typeof PRINTED_PAGES)[number], dir = 'reports'): Promise<void> {
  if (!existsSync(PDFTOTEXT)) {
    if (process.env.CI) expect.fail(`${PDFTOTEXT} is missing; .ci/run should install poppler-utils`);
    console.warn(`print check of ${p.name} skipped: needs ${PDFTOTEXT} (poppler-utils)`);
    return;
  }
  // Its own context, closed even when a check fails: the browser test checks pages concurrently.
  const context = await browser.newContext();
  try {
    await printAndCheck(await context.newPage(), p, dir);
  } finally {
    await context.close();
  }
}

async function printAndCheck(page: Page, p: (typeof PRINTED_PAGES)[number], dir: string): Promise<void> {
  await page.goto(pathToFileURL(resolve(dir, p.name, 'index.html')).href);
  mkdirSync('test-output', { recursive: true });
  const pdf = join('test-output', `report-${p.name}.pdf`);
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const page1 = await run(PDFTOTEXT, ['-f', '1', '-l', '1', '-layout', pdf, '-']);
  expect(page1, `${p.name} page 1`).toContain(p.conclusion);
  expect(page1).toContain(p.table);
  // The first row's outcome name, read in text order (a cell's words may wrap across layout lines).
  const page1Flow = (await run(PDFTOTEXT, ['-f', '1', '-l', '1', pdf, '-'])).replace(/\s+/g, ' ');
  expect(page1Flow).toContain(p.first);
  // The whole summary of findings ends on page 1 with the title and the conclusion (issue #15: a
  // committee reviewer found it running onto page 2): every outcome's heading row, the last row
  // and every footnote, whole.
  const notes = await page.$$eval('#summary-of-findings p.notes', (ps) => ps.map((x) => x.textContent ?? ''));
  expect(notes.length, `${p.name}: summary footnotes`).toBeGreaterThan(1);
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  for (const n of notes) expect(flat(page1Flow), `${p.name}: footnote "${n.slice(0, 40)}…" on page 1`).toContain(flat(n));
  const headings = await page.$$eval('#summary-of-findings tr.group th', (tds) => tds.map((x) => x.textContent ?? ''));
  expect(headings.length, `${p.name}: outcome headings`).toBeGreaterThan(5);
  for (const h of headings) expect(page1Flow, `${p.name}: "${h}" on page 1`).toContain(flat(h));
  // A table that runs on repeats its header row on the next page.
  const lastHeader = await page.$eval('#summary-of-findings thead th:last-child', (th) => th.textContent ?? '');
  const page2 = flat(await run(PDFTOTEXT, ['-f', '2', '-l', '2', pdf, '-']));
  expect(page2, `${p.name}: the summary's header repeated on page 2`).not.toContain(lastHeader);
  for (const n of notes) expect(page2, `${p.name}: a footnote on page 2`).not.toContain(flat(n).slice(0, 40));
  await checkOutcomesKept(page, pdf, p);
  await checkShortTablesWhole(page, pdf, p.name);
  await checkValuesWhole(pdf, p.name);
  expect(await run(PDFTOTEXT, ['-layout', pdf, '-']), `${p.name}: a p below 0.001`).toMatch(/<\s?0[.,]001/);
  // Charts wider than a portrait page (the effects forest) print on landscape pages.
  const info = await run(PDFTOTEXT.replace('pdftotext', 'pdfinfo'), ['-f', '1', '-l', '99', pdf]);
  const sizes = [...info.matchAll(/size:\s+([\d.]+) x ([\d.]+) pts/g)];
  expect(sizes[0]![1]! < sizes[0]![2]!, 'page 1 is portrait').toBe(true);
  const landscape = sizes.findIndex((m) => Number(m[1]) > Number(m[2]));
  expect(landscape, 'a landscape page').toBeGreaterThan(0);
  const text = await run(PDFTOTEXT, ['-f', String(landscape + 1), '-l', String(landscape + 1), pdf, '-']);
  expect(text).toMatch(/Benefit of app in MCIDs|Effektforskel i enheder af MKRF|Weeks since baseline|Uger efter baseline/);
  // The summary's phrase columns (difference, verdict) at print width: never one word a line.
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
    // Two words a line on average, a short phrase allowed its odd word ("No significant / difference").
    expect(c.lines, `${p.name}: lines of "${c.text}"`).toBeLessThanOrEqual(Math.max(1, Math.ceil(c.text.split(/\s+/).length / 2)));
  }
}

/**
 * The effects in the trial and in the target population (one row per population, per outcome and
 * follow-up): each outcome's rows, at every follow-up, print on one page, never split by a page
 * break (docs/report-trial.md#print). A row is found in the PDF by its difference and 95% CI;
 * a row whose text is on more than one page of the table is left out of the check.
 */
async function checkOutcomesKept(page: Page, pdf: string, p: (typeof PRINTED_PAGES)[number]): Promise<void> {
  const rows = await page.$$eval('figure.table', (figures, caption) => {
    const figure = figures.find((f) => (f.querySelector('.figcaption')?.textContent ?? '').startsWith(caption));
    return [...(figure?.querySelectorAll('tbody tr') ?? [])].map((tr) => [...tr.querySelectorAll('td, th')].map((td) => td.textContent ?? ''));
  }, p.grouped);
  expect(rows.length, `${p.name}: rows of "${p.grouped}"`).toBeGreaterThan(10);
  const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
  // The outcome of a row: its label without the follow-up ("Work ability (WAS 0–10), 3 months"),
  // carried down to the rows under it.
  // A row under its outcome has one cell fewer: the outcome's cell spans it (rowspan, text-table.ts).
  let outcome = '';
  const width = Math.max(...rows.map((cells) => cells.length));
  const keyed = rows.map((cells) => {
    if (cells.length === width && cells[0]) outcome = flat(cells[0]).replace(/, [^,]*$/, '');
    return { outcome, text: flat(cells[cells.length - width + 3] ?? '') };
  });
  const pages = (await run(PDFTOTEXT, [pdf, '-'])).split('\f').map(flat);
  const start = pages.findIndex((t) => t.includes(flat(p.grouped)));
  expect(start, `${p.name}: "${p.grouped}" printed`).toBeGreaterThanOrEqual(0);
  const range = pages.slice(start, start + 4);
  const pagesOf = new Map<string, Set<number>>();
  let placed = 0;
  for (const r of keyed) {
    const on = range.flatMap((t, i) => (t.includes(r.text) ? [i] : []));
    if (on.length !== 1) continue;
    placed++;
    pagesOf.set(r.outcome, (pagesOf.get(r.outcome) ?? new Set()).add(on[0]!));
  }
  expect(placed, `${p.name}: rows found on one page each`).toBeGreaterThan(rows.length / 2);
  const split = [...pagesOf].filter(([, on]) => on.size > 1).map(([o, on]) => `${o}: pages ${[...on].map((i) => start + i + 1).join(', ')}`);
  expect(split, `${p.name}: outcomes split across pages in "${p.grouped}"`).toEqual([]);
}

/**
 * A short table (figure.table.short, text-table.ts) prints whole with its caption: its caption and
 * its last row on one page (Table 2, "Baseline characteristics", had its caption and 3 rows on one
 * page and 10 rows on the next, 16 % full). Rows are found by their cells' text in pdftotext's flow.
 */
export async function checkShortTablesWhole(page: Page, pdf: string, name: string): Promise<void> {
  const tables = await page.$$eval('figure.table.short', (figures) => figures.map((f) => ({
    caption: f.querySelector('.figcaption')?.textContent ?? '',
    first: [...(f.querySelector('tbody tr')?.querySelectorAll('td, th') ?? [])].map((td) => td.textContent ?? '').join(' '),
    last: [...(f.querySelector('tbody:last-of-type tr:last-child')?.querySelectorAll('td, th') ?? [])].map((td) => td.textContent ?? '').join(' '),
  })));
  expect(tables.length, `${name}: short tables`).toBeGreaterThan(0);
  const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
  const pages = (await run(PDFTOTEXT, [pdf, '-'])).split('\f').map(flat);
  const split: string[] = [];
  for (const t of tables) {
    const captionOn = pages.findIndex((x) => x.includes(flat(t.caption)));
    const lastOn = pages.findIndex((x, i) => i >= captionOn && x.includes(flat(t.last)));
    if (captionOn < 0 || lastOn < 0) continue;
    if (lastOn !== captionOn) split.push(`${t.caption.slice(0, 50)}: caption on page ${captionOn + 1}, last row on page ${lastOn + 1}`);
  }
  expect(split, `${name}: short tables split across pages`).toEqual([]);
}

/**
 * One value, one line, in the printed tables (a Danish reader found "<" / "0,001", "(n =" / "232)"
 * and "(−0,4 til" / "18,5)" on two lines): read in pdftotext's layout, every "< 0,001",
 * "(n = …)" and interval is on one line.
 */
export async function checkValuesWhole(pdf: string, name: string): Promise<void> {
  const text = await run(PDFTOTEXT, ['-layout', pdf, '-']);
  // (Layout mode sets the columns side by side: a value cut at its column's edge is followed by
  // two spaces or more, or by the line's end.)
  const broken = text.split('\n').filter((l) => /(?:^|\s)<(?: {2,}|\s*$)|\(n =(?! \d)|\([−-]?[€$£]?[\d.,]+(?: EUR| kr\.| %-point| pp)? (?:til|to)(?! [−-]?[€$£]?\d)/.test(l));
  expect(broken, `${name}: values broken across lines`).toEqual([]);
  // An outcome label's instrument range and threshold, and a table's follow-up, whole
  // (text-table.ts labelCellHtml; a reviewer found "(NRS 0–" / "10)", "≥ 5" / "points" and
  // "3" / "months" in Tables 4, 6 and 7): a cell's line never ends inside them.
  const labels = text.split('\n').filter((l) => /\(\p{Lu}+ [\d,.]+–(?=\s|$)|[≥≤] [\d,.]+(?![\d,.]| ?%)(?= {2,}|\s*$)|^ {6,}(?:months|måneder|mdr\.)\s*$/u.test(l));
  expect(labels, `${name}: outcome labels or follow-ups broken across lines`).toEqual([]);
}

/**
 * The Danish CEA page printed to A4: its short tables whole, its values whole, and the one-way
 * sensitivity table's ICER on one line ("7.359 EUR pr. vundet QALY" was three, beside the
 * probability column's wide header). Run by the browser test, which has the browser open.
 */
export const PRINTED_CEA_PAGE = 'selfback-cea-da';
export async function checkPrintedCea(browser: Browser, dir = 'reports'): Promise<void> {
  if (!existsSync(PDFTOTEXT)) {
    if (process.env.CI) expect.fail(`${PDFTOTEXT} is missing; .ci/run should install poppler-utils`);
    return;
  }
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(pathToFileURL(resolve(dir, PRINTED_CEA_PAGE, 'index.html')).href);
    mkdirSync('test-output', { recursive: true });
    const pdf = join('test-output', `report-${PRINTED_CEA_PAGE}.pdf`);
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    await checkShortTablesWhole(page, pdf, PRINTED_CEA_PAGE);
    await checkValuesWhole(pdf, PRINTED_CEA_PAGE);
    const text = await run(PDFTOTEXT, ['-layout', pdf, '-']);
    const sensitivity = text.slice(text.indexOf('Tabel 5. Envejsfølsomhedsanalyse'));
    expect(sensitivity.match(/^Basisanalyse .*$/m)?.[0], 'the base case\'s ICER on one line').toMatch(/\d EUR pr\. vundet QALY/);
  } finally {
    await context.close();
  }
}
