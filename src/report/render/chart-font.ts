/**
 * The one font every chart is drawn in. Specs name the family in `config.font`; the SVG → PNG
 * step loads exactly this file (no system fonts), so the PNG looks the same on every machine.
 * The path is resolved from this module, so it works from `src/` (tests) and `dist/` alike.
 */
import { fileURLToPath } from 'node:url';

export const CHART_FONT_FAMILY = 'DejaVu Sans';

/** assets/fonts/DejaVuSans-subset.ttf (see subset-font.sh there), three levels above src/report/render/ and dist/report/render/. */
export const CHART_FONT_FILE = fileURLToPath(new URL('../../../assets/fonts/DejaVuSans-subset.ttf', import.meta.url));

/**
 * Average advance of a DejaVu Sans character as a fraction of the font size (measured on
 * mixed-case text with digits: ≈ 0.6 em). Builders use it to size text columns, since vega
 * has no canvas in Node to measure text.
 */
export const CHAR_WIDTH_EM = 0.62;

/** Estimated rendered width in pixels of `text` at `fontSize`. */
export function textWidth(text: string, fontSize: number): number {
  return Math.ceil([...text].length * CHAR_WIDTH_EM * fontSize);
}

/** PNG pixels per SVG pixel: sharp on a laptop screen and in a printed A4 page, still small. */
export const PNG_ZOOM = 2;
