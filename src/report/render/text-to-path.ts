/**
 * Chart text → glyph paths, for the PNG step only: each `<text>` element of vega's SVG becomes a
 * `<path>` of its glyph outlines, placed as resvg places them, so resvg draws the same pixels
 * without laying text out itself. resvg 2.6 re-opens the font file for every glyph it lays out
 * (~32,000 times per `hta report`); with the text already paths its constructor takes half the
 * time (docs/architecture.md#the-cost-of-a-cold-regeneration). The SVG files written to reports/
 * keep their text; only what resvg is given changes.
 *
 * What resvg does, and so what this does (resvg's usvg, text layout; shaping by rustybuzz, which
 * follows HarfBuzz): the text's characters are mapped to the glyphs of the face its family and
 * weight select (here the core faces, chart-font.ts); the script is Latin when a Latin letter
 * occurs, else none (HarfBuzz's script guess, `DFLT` in the font); the default features of that
 * script apply (the chart font: `liga` ligatures, `kern` pair kerning; glyph-outlines.ts); the pen
 * advances by each glyph's advance plus kerning; `text-anchor` moves a line left by its whole
 * width (middle: half); the baseline is at y; glyphs are drawn at font-size / unitsPerEm, y up.
 *
 * An element this cannot convert exactly stays `<text>` for resvg: another family or weight, a
 * character the core face lacks (resvg then takes a fallback face), combining marks and other
 * scripts, whitespace that SVG collapses, attributes other than those listed in {@link textElementToPath} (stroke: the halo of a label),
 * tspans other than vega's line breaks.
 *
 * The functions the PNG worker runs call nothing outside this module and glyph-outlines.ts: the
 * worker runs them from their source text (png-pool.ts).
 */
import { readFileSync } from 'node:fs';
import { CHART_CORE_FONT_FILES, CHART_FONT_FAMILY } from './chart-font.js';
import { readGlyphFace, type GlyphFace } from './glyph-outlines.js';

/**
 * Changes with any change of what this module draws; part of the chart cache's key
 * (chart-cache.ts), besides the source of the drawing modules.
 */
export const TEXT_TO_PATH_VERSION = 2;

/** The faces text is drawn in: the core faces of the chart font, regular and bold, and their family. */
export interface TextFaces {
  readonly family: string;
  readonly regular: GlyphFace;
  readonly bold: GlyphFace;
}

/**
 * Converts the `<text>` elements of `svg` it can draw exactly; the rest of the SVG is kept byte
 * for byte. Deterministic: a pure function of the SVG and the font files.
 */
export function textToPaths(svg: string, faces: TextFaces): string {
  return svg.replace(/<text\b([^>]*)>([^]*?)<\/text>/g, (element: string, attributes: string, content: string) => {
    // A text this step fails on (a bug here) is left to resvg: the chart is still drawn.
    try {
      return textElementToPath(attributes, content, faces) ?? element;
    } catch {
      return element;
    }
  });
}

/** One `<text>`'s `<path>` (or `<g>` of one path per line), or undefined when it must stay text. */
export function textElementToPath(attributes: string, content: string, faces: TextFaces): string | undefined {
  const attrs = new Map<string, string>();
  const attributePattern = /\s+([\w:-]+)="([^"]*)"/y;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = attributePattern.exec(attributes))) {
    attrs.set(m[1]!, m[2]!);
    consumed = attributePattern.lastIndex;
  }
  if (attributes.slice(consumed).trim() !== '') return undefined;
  // The attributes converted; any other keeps the element a `<text>`.
  const known = ['text-anchor', 'transform', 'font-family', 'font-size', 'font-weight', 'fill', 'fill-opacity', 'opacity', 'x', 'y', 'dx', 'dy'];
  for (const name of attrs.keys()) if (!known.includes(name)) return undefined;
  // A number as SVG writes it; an attribute that is a list (per-character positions) or has units is not converted.
  const number = (v: string | undefined, fallback: number): number | undefined => (v === undefined ? fallback : /^\s*-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(v) ? Number(v) : undefined);
  if (attrs.get('font-family') !== faces.family) return undefined;
  const sizeText = attrs.get('font-size');
  if (sizeText === undefined || !/^(\d+\.?\d*|\.\d+)(px)?$/.test(sizeText)) return undefined;
  const size = Number(sizeText.replace('px', ''));
  const weight = attrs.get('font-weight') ?? 'normal';
  const face = weight === 'normal' || weight === '400' ? faces.regular : weight === 'bold' || weight === '700' ? faces.bold : undefined;
  const anchor = attrs.get('text-anchor') ?? 'start';
  if (!face || !['start', 'middle', 'end'].includes(anchor) || !(size > 0)) return undefined;
  const x0 = number(attrs.get('x'), 0);
  const y0 = number(attrs.get('y'), 0);
  const dx0 = number(attrs.get('dx'), 0);
  const dy0 = number(attrs.get('dy'), 0);
  if (x0 === undefined || y0 === undefined || dx0 === undefined || dy0 === undefined) return undefined;

  // The lines: the element's text, or vega's line breaks — a `<tspan>` per line, the second and
  // later at x="0" with a dy (each a new text chunk, anchored on its own); an empty `<tspan/>` first.
  const lines: { text: string; x: number; y: number }[] = [];
  if (!content.includes('<')) lines.push({ text: content, x: x0 + dx0, y: y0 + dy0 });
  else {
    const tspan = /<tspan((?:\s+[\w:-]+="[^"]*")*)\s*(?:\/>|>([^<]*)<\/tspan>)/y;
    let y = y0 + dy0;
    let at = 0;
    for (let first = true; at < content.length; first = false) {
      const t = tspan.exec(content);
      if (!t) return undefined;
      at = tspan.lastIndex;
      const a = new Map([...t[1]!.matchAll(/\s+([\w:-]+)="([^"]*)"/g)].map((p) => [p[1]!, p[2]!] as [string, string]));
      for (const name of a.keys()) if (name !== 'x' && name !== 'dy') return undefined;
      const x = number(a.get('x'), x0 + dx0);
      const dy = number(a.get('dy'), 0);
      // A first tspan with its own x or dy, or a later one without x (continuing the line): not vega's line breaks.
      if (x === undefined || dy === undefined || (first ? a.size > 0 : !a.has('x'))) return undefined;
      const text = t[2] ?? '';
      // A line of spaces only: SVG's whitespace handling, left to resvg.
      if (text !== '' && text.trim() === '') return undefined;
      // dx and dy belong to characters: an empty line (a blank line of a title) has none, so resvg
      // never moves the pen by its dy, and the next line is placed from the last one that had text.
      if (text !== '') y += dy;
      lines.push({ text, x, y });
    }
  }

  const k = size / face.unitsPerEm;
  const paths: string[] = [];
  for (const line of lines) {
    const d = linePath(line.text, face, anchor);
    if (d === undefined) return undefined;
    if (d !== '') paths.push(`<path transform="translate(${line.x},${line.y}) scale(${k},${-k})" d="${d}"/>`);
  }
  // The text's own transform and paint on a group: opacity applies to the whole text, as resvg does.
  const paint = ['transform', 'fill', 'fill-opacity', 'opacity'].filter((n) => attrs.has(n)).map((n) => ` ${n}="${attrs.get(n)}"`).join('');
  return `<g${paint}>${paths.join('')}</g>`;
}

/**
 * The path data of one line of text (XML-escaped, as in the SVG) in `face`'s units, y up, its
 * origin at the anchor; undefined when it must stay text. Remembered per face: charts repeat
 * their labels (axis ticks, legends), and the worker draws many charts.
 */
export function linePath(escaped: string, face: GlyphFace, anchor: string): string | undefined {
  const cache = ((face as unknown as { lines?: Map<string, string | undefined> }).lines ??= new Map());
  const key = `${anchor} ${escaped}`;
  if (cache.has(key)) return cache.get(key);
  const d = linePathUncached(escaped, face, anchor);
  cache.set(key, d);
  return d;
}

function linePathUncached(escaped: string, face: GlyphFace, anchor: string): string | undefined {
  const line = { text: escaped };
  {
    const text = line.text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_e: string, name: string) =>
      name[0] === '#' ? String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1))) : ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[name.toLowerCase()]!);
    // A stray `&` (not XML) or whitespace SVG would collapse or strip.
    if (text.includes('&') && /&(?!(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(line.text)) return undefined;
    if (/[\t\n\r]| {2}|^ | $/.test(text)) return undefined;
    const glyphs: number[] = [];
    let latin = false;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      // Only Latin and script-neutral characters (combining marks, other scripts, controls and
      // default-ignorables such as the soft hyphen are shaped by rules not applied here).
      if (/\p{Script=Latin}/u.test(ch)) latin = true;
      else if (!/\p{Script=Common}/u.test(ch) || /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(ch)) return undefined;
      const g = face.glyph(cp);
      if (g === 0) return undefined; // resvg would take a fallback face
      glyphs.push(g);
    }
    const shaped = face.shape(glyphs, latin ? 'latn' : 'DFLT');
    if (!shaped) return undefined;
    let width = 0;
    for (const g of shaped) width += g.advance;
    let pen = anchor === 'start' ? 0 : anchor === 'middle' ? -width / 2 : -width;
    const parts: string[] = [];
    for (const g of shaped) {
      const o = face.outline(g.glyph);
      if (o.start) parts.push(`M${pen + o.start[0]} ${o.start[1]}`, o.rest);
      pen += g.advance;
    }
    return parts.join('');
  }
}

let chartFaces: TextFaces | undefined;

/** The chart font's core faces (chart-font.ts), read once per thread. */
export function chartTextFaces(): TextFaces {
  chartFaces ??= { family: CHART_FONT_FAMILY, regular: readGlyphFace(readFileSync(CHART_CORE_FONT_FILES[0]!)), bold: readGlyphFace(readFileSync(CHART_CORE_FONT_FILES[1]!)) };
  return chartFaces;
}

/** The functions above, for the PNG worker, which runs them from their source (png-pool.ts). */
export const TEXT_TO_PATH_FUNCTIONS: readonly ((...args: never[]) => unknown)[] = [textToPaths, textElementToPath, linePath, linePathUncached];
