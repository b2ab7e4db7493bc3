/**
 * Issue #15, point 6: every report page embeds its font (regular and bold) and every PNG is drawn
 * with both faces, so bold survives and every machine shows the same glyphs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
// @ts-expect-error opentype.js ships no type declarations; only `parse` and `charToGlyphIndex` are used.
import { parse } from 'opentype.js';
import { describe, expect, it } from 'vitest';
import { htmlPage } from '../../../src/report/html-page.js';
import { CHART_FONT_BOLD_FILE, WEB_FONT_FILES } from '../../../src/report/render/chart-font.js';
import { pngOptions, svgToPng } from '../../../src/report/render/render-chart.js';

const page = htmlPage({ lang: 'da', title: 'Prøve', provenance: 'p', sections: [{ id: 's', title: 'Konklusion', intro: ['x'] }] }, new Map());

describe('the page font', () => {
  it('is embedded as base64 WOFF @font-face, regular (400) and bold (700), named as the charts name it', () => {
    const faces = [...page.matchAll(/@font-face \{ font-family: "DejaVu Sans"; font-style: normal; font-weight: (\d+); src: url\(data:font\/woff;base64,([A-Za-z0-9+/=]+)\) format\("woff"\); \}/g)];
    expect(faces.map((f) => f[1])).toEqual(['400', '700']);
    for (const f of faces) {
      const bytes = Buffer.from(f[2]!, 'base64');
      expect(bytes.subarray(0, 4).toString('latin1')).toBe('wOFF');
      expect(bytes.byteLength).toBeLessThan(40_000); // a subset, not the 700 kB font
    }
    expect(page).not.toMatch(/url\((?!data:)/); // nothing fetched
  });

  it.each([400, 700] as const)('the web subset (weight %s) covers every character of every committed page (all bundled reports, English and Danish)', (weight) => {
    const buf = readFileSync(WEB_FONT_FILES[weight]);
    const font = parse(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength)) as { charToGlyphIndex(c: string): number };
    const names = readdirSync('reports').filter((d) => existsSync(`reports/${d}/index.html`));
    expect(names.length).toBeGreaterThanOrEqual(8);
    for (const name of names) {
      const html = readFileSync(`reports/${name}/index.html`, 'utf8').replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ');
      const text = html.replace(/&(amp|lt|gt|quot|#39);/g, ' ');
      const missing = [...new Set([...text])].filter((c) => c > ' ' && font.charToGlyphIndex(c) === 0);
      expect(missing, name).toEqual([]);
    }
  });
});

describe('PNG fonts', () => {
  it('resvg loads the bold face, so bold text is drawn bold', () => {
    expect(pngOptions().font?.fontFiles).toContain(CHART_FONT_BOLD_FILE);
    const svg = (weight: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="30"><text x="4" y="20" font-family="DejaVu Sans" font-size="14" font-weight="${weight}">Randomised</text></svg>`;
    const ink = (png: Uint8Array) => Buffer.from(png).toString('base64');
    expect(ink(svgToPng(svg('bold'), 1))).not.toBe(ink(svgToPng(svg('normal'), 1)));
  });
});

describe('A4 print stylesheet', () => {
  const svg = (w: number, h: number) => `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"></svg>`;
  const sections = [
    { id: 'flat', title: 'Wide and flat', chart: 'flat' },
    { id: 'tall', title: 'Wide and tall', chart: 'tall' },
    { id: 'narrow', title: 'Narrow', chart: 'narrow' },
  ];
  const html = htmlPage({ lang: 'en', title: 't', provenance: 'p', sections }, new Map([
    ['flat', { svg: svg(1300, 450), alt: 'a' }],
    ['tall', { svg: svg(1100, 1400), alt: 'b' }],
    ['narrow', { svg: svg(680, 700), alt: 'c' }],
  ]));

  it('has A4 @page margins, lets sections flow (the summary starts on page 1), and prints wide flat charts on landscape pages', () => {
    expect(html).toMatch(/@page \{ size: A4; margin: [\d.]+mm/);
    expect(html).toMatch(/@page landscape \{ size: A4 landscape;/);
    expect(html).not.toContain('avoid-page');
    expect(html).toContain('<section id="flat" class="landscape">');
    expect(html).toContain('<section id="tall">');
    expect(html).toContain('<section id="narrow">');
  });
});
