/**
 * The one font every chart is drawn in. Specs name the family in `config.font`; the SVG → PNG
 * step loads exactly this file (no system fonts), so the PNG looks the same on every machine.
 * The path is resolved from this module, so it works from `src/` (tests) and `dist/` alike.
 */
import { fileURLToPath } from 'node:url';

export const CHART_FONT_FAMILY = 'DejaVu Sans';

/** assets/fonts/DejaVuSans.ttf, three levels above src/report/render/ and dist/report/render/. */
export const CHART_FONT_FILE = fileURLToPath(new URL('../../../assets/fonts/DejaVuSans.ttf', import.meta.url));

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
