/**
 * Text widths for vega's layout, from the chart font's own advance widths.
 *
 * Without a canvas (Node), vega estimates every text as 0.8 em per character. DejaVu Sans averages
 * ~0.6 em, so each axis, legend, title and label column reserved a quarter to a third more room
 * than its text takes: charts came out wider than their content (the activation funnel at 820 px
 * held 560 px of drawing), and a chart wider than a portrait A4 column prints on a landscape page
 * or shrinks. With the advances of the font the SVG and PNG are drawn in (chart-font.ts), the
 * layout is what a browser with the font would compute, less kerning (a few tenths of a pixel per
 * pair). Deterministic: the widths come from the shipped font files only.
 *
 * The font files are TrueType; only three tables are read: `head` (units per em), `hhea` +
 * `hmtx` (advance widths) and `cmap` (character → glyph, formats 4 and 12; read by glyph-outlines.ts). OpenType spec:
 * https://learn.microsoft.com/typography/opentype/spec/ (cmap, hmtx). docs/report-trial.md#fonts.
 */
import { readFileSync } from 'node:fs';
import { CHART_FONT_BOLD_FILE, CHART_FONT_FILE } from './chart-font.js';
import { readCmap, requiredTable, tableOffsets } from './glyph-outlines.js';

/** Advance widths in em per code point, and the width of a character the font lacks (.notdef). */
export interface FontAdvances {
  readonly byCodePoint: ReadonlyMap<number, number>;
  readonly missing: number;
}

/** Reads the advance width (in em) of every character the TrueType font `bytes` maps. */
export function fontAdvances(bytes: Uint8Array): FontAdvances {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = tableOffsets(bytes);
  const table = (tag: string): number => requiredTable(tables, tag);
  const unitsPerEm = view.getUint16(table('head') + 18);
  const numberOfHMetrics = view.getUint16(table('hhea') + 34);
  const hmtx = table('hmtx');
  // Glyphs past the last long metric share its advance (hmtx spec).
  const advance = (glyph: number) => view.getUint16(hmtx + 4 * Math.min(glyph, numberOfHMetrics - 1)) / unitsPerEm;
  const byCodePoint = new Map<number, number>();
  for (const [codePoint, glyph] of readCmap(bytes, table('cmap'))) byCodePoint.set(codePoint, advance(glyph));
  return { byCodePoint, missing: advance(0) };
}

/** Width in em of `text` set in a font with these advances (no kerning). */
export function emWidth(text: string, font: FontAdvances): number {
  let w = 0;
  for (const ch of text) w += font.byCodePoint.get(ch.codePointAt(0)!) ?? font.missing;
  return w;
}

let faces: { regular: FontAdvances; bold: FontAdvances } | undefined;

/** The chart font's two faces, read once per process. */
export function chartFontAdvances(): { regular: FontAdvances; bold: FontAdvances } {
  faces ??= { regular: fontAdvances(readFileSync(CHART_FONT_FILE)), bold: fontAdvances(readFileSync(CHART_FONT_BOLD_FILE)) };
  return faces;
}

/** What vega's text metrics are given: a scenegraph text item's size and weight. */
interface TextItem {
  fontSize?: number | string;
  fontWeight?: number | string;
}

/** Bold in CSS terms: the keywords bold/bolder, or a numeric weight of 600 and above. */
function isBold(weight: number | string | undefined): boolean {
  if (weight === undefined) return false;
  if (weight === 'bold' || weight === 'bolder') return true;
  const n = Number(weight);
  return Number.isFinite(n) && n >= 600;
}

/**
 * vega's `textMetrics.width(item, text)` for the chart font: the trimmed text's width in pixels
 * at the item's font size (vega's default 11) in the item's weight.
 *
 * vega calls it both to size a text's bounds and, with slices of the text, to truncate a text
 * longer than its `limit` (labelLimit …). It must return the plain width for the second use, so it
 * never truncates itself: the bounds of a text vega truncates are then those of the whole text
 * (too wide, never too narrow — room is left, nothing overlaps). The charts set their limits so
 * that labels are not truncated.
 */
export function chartTextWidth(item: TextItem, text: unknown): number {
  const size = item.fontSize != null ? +item.fontSize || 0 : 11;
  const { regular, bold } = chartFontAdvances();
  return size * emWidth(text == null ? '' : String(text).trim(), isBold(item.fontWeight) ? bold : regular);
}
