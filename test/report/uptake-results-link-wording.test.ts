/**
 * Wording of an uptake page (explorer s27, finding 3): the English funnel sentence agrees with its
 * count ("1 is outside", not "1 are"), and the link to results.json says that the file also holds
 * breakdowns the page does not show (by region and period) — a reader, and a data owner, are told
 * that results.json publishes more than the page, in English and Danish. A trial page keeps the
 * plain line: its results.json holds the page's numbers.
 */
import { describe, expect, it } from 'vitest';
import { htmlPage } from '../../src/report/html-page.js';
import { markdownPage } from '../../src/report/markdown-page.js';
import type { ReportPage } from '../../src/report/report-page.js';
import { runCli } from '../support/run-cli.js';

const page = (lang: 'en' | 'da', more: boolean): ReportPage => ({ lang, title: 'T', provenance: 'P.', ...(more ? { resultsHoldMore: true as const } : {}), sections: [] });

describe('the results.json line of a page', () => {
  it('an uptake page says results.json holds breakdowns the page does not show (en, da; HTML and README)', () => {
    expect(htmlPage(page('en', true), new Map())).toContain('Every number on this page, machine-readable, and the breakdowns the page does not show (by region and period): <a href="results.json">results.json</a>');
    expect(markdownPage(page('da', true), new Map())).toContain('Alle tal på siden i maskinlæsbar form, og de opdelinger, siden ikke viser (efter region og periode): [results.json](results.json)');
  });
  it('a page without such rows keeps the plain line', () => {
    expect(htmlPage(page('en', false), new Map())).toContain('Every number on this page, machine-readable: <a href="results.json">results.json</a>');
  });
});

describe('the funnel sentence', () => {
  it('"1 is outside the 95% limits" when one clinic whose position is shown is outside', async () => {
    // The explorer's Danish-shaped export (semicolon CSV, dd-mm-yyyy; fixtures/funnel-one-outside):
    // of the 10 clinics whose position is shown (11 before the insider rule hid one more clinic's
    // funnel row: docs/disclosure-control.md "Insiders"), one is outside the 95% limits.
    const F = 'test/report/fixtures/funnel-one-outside';
    const r = await runCli('uptake', `${F}/reg-2025-09.csv`, '--eligible', `${F}/eligible.csv`, '--plan', `${F}/plan-09.json`, '--first-publication');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('of the 10 clinics whose position is shown, 1 is outside the 95% limits');
  }, 60_000);
});
