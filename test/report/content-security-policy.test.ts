/**
 * Every index.html carries a strict Content-Security-Policy (docs/output-safety.md#content-security-policy):
 * no script, image, frame or request, only the page's inline CSS and its base64 font. Defence in
 * depth, should an escaping slip ever let markup into a page. The page must need nothing the
 * policy refuses (checked here on a page built now and on every bundled page; in Chromium the
 * bundled pages render and print the same with it as without it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedBuilds, trialReportFiles } from './report-files-support.js';

const plan = JSON.parse(readFileSync(join(process.cwd(), 'data/plans/selfback.plan.json'), 'utf8')) as unknown;
const POLICY = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; base-uri 'none'; form-action 'none'";

/** The policy in the page's head, and nothing in the page that it would refuse. */
function expectPolicyKept(html: string, name: string): void {
  const head = html.slice(0, html.indexOf('</head>'));
  expect(head, name).toContain(`<meta http-equiv="Content-Security-Policy" content="${POLICY}">`);
  // The policy comes before anything it governs: right after the charset.
  expect(head.indexOf('Content-Security-Policy'), name).toBeLessThan(head.indexOf('<style>'));
  // Nothing the policy refuses: no script or event handler, no fetched image, frame, stylesheet or import.
  expect(html.match(/<(script|img|image|iframe|object|embed|link|base|form)\b[^>]*>/gi) ?? [], name).toEqual([]);
  expect(html.match(/\son[a-z]+\s*=/gi) ?? [], name).toEqual([]);
  expect(html.match(/@import/g) ?? [], name).toEqual([]);
  // Every url() is a data: font or a reference inside the page (an SVG gradient or clip path).
  const urls = [...html.matchAll(/url\(\s*['"]?([^)'"]{0,40})/g)].map((m) => m[1]!);
  expect(urls.filter((u) => !u.startsWith('data:font/') && !u.startsWith('#')), name).toEqual([]);
}

describe('Content-Security-Policy of the pages', () => {
  // The English and the Danish page share one analysis of the trial, as `hta report` shares it.
  const builds = sharedBuilds();
  it.each(['en', 'da'] as const)('a trial page built now (%s)', async (lang) => {
    const files = await trialReportFiles(plan, lang, undefined, builds);
    expectPolicyKept(files.get('index.html')!, `trial ${lang}`);
  }, 120_000);

  it('every bundled page: trial, meta, uptake, CEA and registry, English and Danish', () => {
    const folders = readdirSync(join(process.cwd(), 'reports'));
    expect(folders.length).toBeGreaterThanOrEqual(8);
    for (const f of folders) expectPolicyKept(readFileSync(join(process.cwd(), 'reports', f, 'index.html'), 'utf8'), f);
  });
});
