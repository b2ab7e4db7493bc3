/**
 * Issue #15, point 6: chart text ≥ 8 pt when a report is printed on A4 — every chart of every
 * bundled report (data/reports.json: trial, meta, uptake, registry, CEA; English and Danish). A
 * chart prints scaled down to the page's printable width when wider, and to the height a page
 * holds with its heading when taller (src/report/html-page.ts decides portrait or landscape and
 * the print CSS sets both limits), so its smallest text prints at
 * font px × (printed width ÷ chart width) × 0.75 pt (96 px = 72 pt). Reads the committed SVGs (CI fails when they are stale: `hta report --check`),
 * so it checks what a committee prints.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printedWidthPx, svgSize } from '../../src/report/html-page.js';

const manifest = JSON.parse(readFileSync('data/reports.json', 'utf8')) as { reports: { out: string; kind: string }[] };

/** Every chart of every bundled report, as `out/chart`. */
const CHARTS = manifest.reports.flatMap((r) =>
  readdirSync(join('reports', r.out))
    .filter((f) => f.endsWith('.svg'))
    .map((f) => `${r.out}/${f.replace(/\.svg$/, '')}`),
);

/** The smallest text of a chart in printed points, and how many texts it has. */
function printedPt(svg: string): { pt: number; texts: number } {
  const size = svgSize(svg);
  const texts = [...svg.matchAll(/<text\b[^>]*>/g)].map((m) => m[0]);
  // Every text element carries its own font-size (vega's SVG renderer); one without would be missed.
  const fonts = texts.map((t) => Number(/font-size="([\d.]+)px"/.exec(t)?.[1] ?? NaN));
  return { pt: Math.min(...fonts) * (printedWidthPx(size) / size.width) * 0.75, texts: fonts.length };
}

describe('charts printed on A4', () => {
  it('covers every report kind', () => {
    expect(new Set(manifest.reports.map((r) => r.kind))).toEqual(new Set(['trial', 'meta', 'uptake', 'registry', 'cea']));
    for (const r of manifest.reports) expect(CHARTS.some((c) => c.startsWith(`${r.out}/`)), r.out).toBe(true);
  });

  it.each(CHARTS)('%s prints its smallest text at ≥ 8 pt', (name) => {
    const { pt, texts } = printedPt(readFileSync(`reports/${name}.svg`, 'utf8'));
    expect(texts).toBeGreaterThan(0);
    expect(pt, `${name}: ${pt.toFixed(2)} pt`).toBeGreaterThanOrEqual(8);
  });
});

/**
 * The print stylesheet itself (every page shares it): no size below 8 pt for tables, notes,
 * captions or body text. The browser test reads the computed sizes of every printed text
 * (print-text-size-check.ts); this reads the rules, without a browser.
 */
describe('the print stylesheet', () => {
  const html = readFileSync(join('reports', manifest.reports[0]!.out, 'index.html'), 'utf8');
  const print = (/@media print \{([\s\S]*?)\n\}/.exec(html)?.[1] ?? '').replace(/\/\*[\s\S]*?\*\//g, '');

  it('sets every font size in points, ≥ 8 pt', () => {
    const sizes = [...print.matchAll(/([^{}]+)\{[^}]*font-size:\s*([\d.]+)(pt|px|em|rem|%)/g)].map((m) => ({ rule: m[1]!.trim(), value: Number(m[2]), unit: m[3] }));
    expect(sizes.length).toBeGreaterThan(3);
    for (const s of sizes) {
      expect(s.unit, s.rule).toBe('pt');
      expect(s.value, `${s.rule}: ${s.value} pt`).toBeGreaterThanOrEqual(8);
    }
    // Tables, notes, captions and the provenance are set in points in print (their screen sizes are em).
    for (const rule of ['table', '.notes', '.figcaption', '.provenance']) expect(sizes.some((s) => s.rule.split(/,\s*/).includes(rule)), rule).toBe(true);
  });
});
