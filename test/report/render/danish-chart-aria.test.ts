/**
 * A Danish page's charts speak Danish to a screen reader (docs/report-trial.md#print): vega's own
 * ARIA attributes are English whatever the chart's language ("Title text '…'", "group mark
 * container"), so none is left in a drawn SVG, and the label the page gives each chart (its alt
 * text, on the SVG's root with role="img") is in Danish. Draws every committed Danish chart spec
 * of data/reports.json in process (the specs, not the SVGs, decide what the drawing says).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../../src/report/render/render-chart.js';
import { standaloneSvg } from '../../../src/report/render/standalone-svg.js';
import { ENGLISH_CHART_WORDS, ENGLISH_WORDS } from '../../support/english-words.js';

const manifest = JSON.parse(readFileSync('data/reports.json', 'utf8')) as { reports: { out: string; lang?: string }[] };
const DANISH = manifest.reports.filter((r) => r.lang === 'da').map((r) => r.out);
const SPECS = DANISH.flatMap((out) => readdirSync(join('reports', out)).filter((f) => f.endsWith('.vl.json')).map((f) => join('reports', out, f)));

/** What an SVG says to assistive technology: every ARIA label or description, role description, <title> and <desc>. */
function accessibleTexts(svg: string): string[] {
  const attrs = [...svg.matchAll(/\saria-(?:label|roledescription|description)="([^"]*)"/g)].map((m) => m[1]!);
  const elements = [...svg.matchAll(/<(title|desc)\b[^>]*>([^<]*)<\/\1>/g)].map((m) => m[2]!);
  return [...attrs, ...elements];
}

const english = (s: string) => ENGLISH_WORDS.test(s) || ENGLISH_CHART_WORDS.test(s);

describe('accessible text of Danish charts', () => {
  it('the scan finds what vega writes', () => {
    expect(english("Title text 'Effekter målt mod MKRF'")).toBe(true);
    expect(english('group mark container')).toBe(true);
    expect(english('Effekter målt mod MKRF')).toBe(false);
    expect(accessibleTexts('<svg aria-label="a"><g aria-roledescription="b"><title>c</title></g></svg>')).toEqual(['a', 'b', 'c']);
  });

  it('bundles Danish charts to check', () => expect(SPECS.length).toBeGreaterThan(5));

  it.each(SPECS)('%s: drawn without English ARIA text', async (file) => {
    const svg = await renderSvg(JSON.parse(readFileSync(file, 'utf8')));
    expect(accessibleTexts(svg).filter(english)).toEqual([]);
  });

  it.each(DANISH)('reports/%s/index.html labels each chart in Danish', (out) => {
    const html = readFileSync(join('reports', out, 'index.html'), 'utf8');
    const roots = [...html.matchAll(/<svg\b[^>]*>/g)].map((m) => m[0]);
    expect(roots.length).toBeGreaterThan(0);
    for (const root of roots) {
      const label = /\saria-label="([^"]*)"/.exec(root)?.[1];
      expect(label, root).toBeTruthy();
      expect(label!.length).toBeGreaterThan(3);
      expect(english(label!), label).toBe(false);
    }
  });
});

describe('a chart file of its own', () => {
  const REPORTS = manifest.reports.map((r) => ({ out: r.out, lang: r.lang ?? 'en' }));

  it('names itself with the alt text, escaped, and keeps the drawing', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"><rect width="2" height="2"/></svg>';
    const out = standaloneSvg(svg, 'Effekt "RMDQ" <3 mdr. & 9 mdr.>');
    expect(out).toBe('<svg role="img" aria-label="Effekt &quot;RMDQ&quot; &lt;3 mdr. &amp; 9 mdr.&gt;" xmlns="http://www.w3.org/2000/svg" width="2" height="2">'
      + '<title>Effekt &quot;RMDQ&quot; &lt;3 mdr. &amp; 9 mdr.&gt;</title><rect width="2" height="2"/></svg>');
  });

  it.each(REPORTS)('reports/$out: every .svg file carries the label its page gives the chart', ({ out, lang }) => {
    const html = readFileSync(join('reports', out, 'index.html'), 'utf8');
    // Each chart figure's first <svg> inside it (a scrolling box and its attributes may come between).
    const pageLabels = new Map([...html.matchAll(/<figure class="chart"[^>]*\sdata-chart="([^"]+)"[^>]*>(?:(?!<\/figure>)[\s\S])*?<svg aria-label="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    // Every chart figure of the page read (until 6 December 2026 the pattern had stopped matching
    // when the scrolling box came between figure and svg, and the comparison below compared nothing).
    expect(pageLabels.size).toBe([...html.matchAll(/<figure class="chart"/g)].length);
    expect(pageLabels.size).toBeGreaterThan(0);
    const files = readdirSync(join('reports', out)).filter((f) => f.endsWith('.svg'));
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((f) => pageLabels.has(f.replace(/\.svg$/, ''))).length).toBe(pageLabels.size);
    for (const f of files) {
      const svg = readFileSync(join('reports', out, f), 'utf8');
      const root = /^<svg\b[^>]*>/.exec(svg)![0];
      expect(root, f).toContain('role="img"');
      const label = /\saria-label="([^"]*)"/.exec(root)?.[1];
      expect(label, f).toBeTruthy();
      expect(svg.slice(root.length).startsWith(`<title>${label}</title>`), f).toBe(true);
      const onPage = pageLabels.get(f.replace(/\.svg$/, ''));
      if (onPage !== undefined) expect(label, f).toBe(onPage);
      if (lang === 'da') expect(english(label!), label).toBe(false);
    }
  });
});
