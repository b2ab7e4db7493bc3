// PNGs draw the common characters from small core faces and any other from the fallback faces
// (assets/fonts/subset-font.sh): every text must look as it does drawn with the fallback's full
// coverage alone — same glyphs, weight, kerning — and never as a notdef box.
import { createRequire } from 'node:module';
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHART_CORE_FONT_FILES, CHART_FONT_BOLD_FILE, CHART_FONT_FILE } from '../../../src/report/render/chart-font.js';
import { pngOptions } from '../../../src/report/render/render-chart.js';

const { Resvg } = createRequire(import.meta.url)('@resvg/resvg-js') as typeof import('@resvg/resvg-js');

const svg = (text: string, weight: string, family = 'DejaVu Sans') =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="260" height="60"><text x="4" y="20" font-family="${family}" font-size="14" font-weight="${weight}">${text}</text>` +
  `<text transform="translate(250,56) rotate(-90)" font-family="${family}" font-size="11" font-weight="${weight}" text-anchor="start">${text}</text></svg>`;

/** Pixels of `text` as the PNGs draw it (core + fallback faces). */
const drawn = (text: string, weight: string) => new Resvg(svg(text, weight), pngOptions(1)).render().pixels;

/** Pixels of `text` drawn with the full-coverage faces alone: what the PNGs looked like before the core faces. */
const full = (text: string, weight: string) =>
  new Resvg(svg(text, weight, 'DejaVu Sans Fallback'), { ...pngOptions(1), font: { fontFiles: [CHART_FONT_FILE, CHART_FONT_BOLD_FILE], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans Fallback' } }).render().pixels;

/** Pixels of `text` drawn with the core faces alone (a character they lack is a notdef box). */
const coreOnly = (text: string, weight: string) =>
  new Resvg(svg(text, weight), { ...pngOptions(1), font: { fontFiles: [...CHART_CORE_FONT_FILES], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' } }).render().pixels;

describe('chart font: core faces with a fallback', () => {
  it('the core faces are small (resvg reads them for every glyph)', () => {
    for (const f of CHART_CORE_FONT_FILES) expect(statSync(f).size).toBeLessThan(60_000);
  });

  for (const weight of ['normal', 'bold']) {
    it(`${weight}: characters outside the core (Greek, Cyrillic, combining marks, math) are drawn from the fallback, as with the full font`, () => {
      const text = 'δ = 0.5, Ж, ∑ ∞ q\u0307 — Kontrol';
      expect(drawn(text, weight).equals(coreOnly(text, weight))).toBe(false); // the core lacks them: the test can fail
      expect(drawn(text, weight).equals(full(text, weight))).toBe(true);
    });

    it(`${weight}: Danish letters, kerning and the symbols charts use come from the core, as with the full font`, () => {
      const text = 'Ærø Århus AV To 95 % CI −1,2 ≥ 3 ± x² € … ⊕ ◯';
      expect(drawn(text, weight).equals(full(text, weight))).toBe(true);
      expect(drawn(text, weight).equals(coreOnly(text, weight))).toBe(true);
    });
  }

  it('a decomposed (NFD) Å draws as the composed one', () => {
    const nfd = 'Århus'.normalize('NFD');
    expect(nfd.length).toBe(6);
    for (const weight of ['normal', 'bold']) expect(drawn(nfd, weight).equals(drawn('Århus', weight))).toBe(true);
  });

  it('bold stays bold when it falls back (δ)', () => {
    expect(drawn('δ', 'bold').equals(drawn('δ', 'normal'))).toBe(false);
    expect(drawn('δ', 'bold').equals(full('δ', 'bold'))).toBe(true);
  });
});
