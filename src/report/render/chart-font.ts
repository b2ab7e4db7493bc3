/**
 * The one font every chart is drawn in, regular and bold. Specs name the family in
 * `config.font`; the SVG → PNG step loads exactly these files (no system fonts), so the PNG looks
 * the same on every machine and bold text stays bold. Report pages embed a smaller web subset of
 * the same faces (`webFontFaceCss`). Paths are resolved from this module, so they work from
 * `src/` (tests) and `dist/` alike. Licence and subsetting: assets/fonts/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CHART_FONT_FAMILY = 'DejaVu Sans';

/**
 * assets/fonts/DejaVuSans-subset.ttf (see subset-font.sh there), three levels above src/report/render/
 * and dist/report/render/: every character a chart may print, regular. Its advance widths lay text
 * out (text-metrics.ts); resvg loads it as the fallback face "DejaVu Sans Fallback".
 */
export const CHART_FONT_FILE = fileURLToPath(new URL('../../../assets/fonts/DejaVuSans-subset.ttf', import.meta.url));

/** The bold face of the same subset. */
export const CHART_FONT_BOLD_FILE = fileURLToPath(new URL('../../../assets/fonts/DejaVuSans-Bold-subset.ttf', import.meta.url));

/**
 * The core faces, "DejaVu Sans" regular and bold: the characters charts print (Latin-1, Latin
 * Extended-A, punctuation, math signs), same glyphs, advances and kerning as the subset. resvg
 * re-reads a font file for every glyph it lays out, so the common characters come from these small
 * files and only a character they lack from the fallback (docs/architecture.md#the-cost-of-a-cold-regeneration).
 */
export const CHART_CORE_FONT_FILES: readonly string[] = [
  fileURLToPath(new URL('../../../assets/fonts/DejaVuSans-core.ttf', import.meta.url)),
  fileURLToPath(new URL('../../../assets/fonts/DejaVuSans-Bold-core.ttf', import.meta.url)),
];

/** Every font file resvg loads, in this order: the core faces, then the fallback faces. */
export const CHART_FONT_FILES: readonly string[] = [...CHART_CORE_FONT_FILES, CHART_FONT_FILE, CHART_FONT_BOLD_FILE];

/** The page subsets (WOFF), by CSS font-weight. */
export const WEB_FONT_FILES: Readonly<Record<400 | 700, string>> = {
  400: fileURLToPath(new URL('../../../assets/fonts/DejaVuSans-web.woff', import.meta.url)),
  700: fileURLToPath(new URL('../../../assets/fonts/DejaVuSans-Bold-web.woff', import.meta.url)),
};

let fontFaceCss: string | undefined;

/**
 * `@font-face` rules embedding the page font as base64 data URLs (read once per process), so a
 * report page and its inline SVG charts show the same glyphs on every machine, offline.
 */
export function webFontFaceCss(): string {
  fontFaceCss ??= ([400, 700] as const)
    .map((weight) => `@font-face { font-family: "${CHART_FONT_FAMILY}"; font-style: normal; font-weight: ${weight}; src: url(data:font/woff;base64,${readFileSync(WEB_FONT_FILES[weight]).toString('base64')}) format("woff"); }`)
    .join('\n');
  return fontFaceCss;
}

/**
 * Average advance of a DejaVu Sans character as a fraction of the font size (measured on
 * mixed-case text with digits: ≈ 0.6 em). Builders use it to size the text columns they place
 * themselves, with a little room to spare; vega's own layout uses the font's real widths
 * (text-metrics.ts).
 */
export const CHAR_WIDTH_EM = 0.62;

/** Estimated rendered width in pixels of `text` at `fontSize`. */
export function textWidth(text: string, fontSize: number): number {
  return Math.ceil([...text].length * CHAR_WIDTH_EM * fontSize);
}

/**
 * PNG pixels per SVG pixel. The PNG is the download for slides and documents (pages and READMEs
 * show the SVG, and print from it): charts 630–980 px wide become 950–1,470 px, 150–230 dpi across
 * an A4 text column. 2 was sharper still but cost every cold `hta report` ~0.7 CPU-s more (raster
 * and deflate grow with the pixel count: 53 → 30 Mpx for the bundled charts;
 * docs/architecture.md#the-cost-of-a-cold-regeneration).
 */
export const PNG_ZOOM = 1.5;
