/**
 * Vega-Lite spec → SVG → PNG, headless and byte-for-byte deterministic.
 *
 *   spec ──vega-lite compile──► Vega spec ──vega.View(renderer 'none').toSVG()──► SVG
 *   SVG ──resvg (shipped font only, fixed zoom)──► PNG
 *
 * Vega numbers clip paths and gradients from process-wide counters; they are reset before every
 * chart so the same spec always gives the same ids, whatever was rendered before it.
 */
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import { createRequire } from 'node:module';
import * as vega from './vega-lib.js';
import type { TopLevelSpec } from './vega-lib.js';
import { HtaError } from '../../errors.js';
import { CHART_FONT_FAMILY, CHART_FONT_FILES, PNG_ZOOM } from './chart-font.js';
import { chartTextWidth } from './text-metrics.js';
import { chartTextFaces, textToPaths } from './text-to-path.js';
import { loadResvg, resvgSource } from './resvg-binding.js';

/** Vega-Lite compile warnings (e.g. merged legend properties) are not the reader's business; errors still throw. */
const quietLogger = {
  level(): number { return 0; },
  error(...args: unknown[]) { throw new Error(args.map(String).join(' ')); },
  warn() { return quietLogger; },
  info() { return quietLogger; },
  debug() { return quietLogger; },
} as unknown as NonNullable<Parameters<typeof vega.compile>[1]>['logger'];

/** Compiles a Vega-Lite spec and draws it to an SVG string; throws on any vega warning-level error. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const compiled = vega.compile(spec, { logger: quietLogger }).spec;
  vega.resetSVGDefIds();
  // Lay text out by the chart font's advance widths, not vega's 0.8 em per character (text-metrics.ts).
  vega.textMetrics.width = chartTextWidth;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.Error });
  const svg = await view.toSVG();
  view.finalize();
  return withoutVegaAria(svg);
}

/**
 * vega writes ARIA attributes in English whatever the chart's language: a role description on
 * every mark container ("group mark container", "title") and the titles as "Title text '…'".
 * They are dropped: the page labels each chart as one image (role="img" with the chart's alt
 * text in the page's language, html-page.ts), whose children a screen reader does not read, and
 * a Danish page must not speak English (docs/report-trial.md#print). Only tags are rewritten (text
 * has no unescaped `<`), and vega escapes quotes in attribute values, so a value ends at its first `"`.
 */
export function withoutVegaAria(svg: string): string {
  return svg.replace(/<[^>]*>/g, (tag) => tag.replace(/ (?:role|aria-roledescription|aria-label)="[^"]*"/g, ''));
}

/** resvg options of every PNG: the shipped font only, regular and bold (no system fonts), fixed zoom, white background. */
export function pngOptions(zoom = PNG_ZOOM): ResvgRenderOptions {
  return {
    fitTo: { mode: 'zoom', value: zoom },
    font: { fontFiles: [...CHART_FONT_FILES], loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY },
    background: 'white',
  };
}

/**
 * resvg, loaded on first use: `hta report` draws its PNGs on the pool's worker threads, so the
 * main thread, which imports this module for its SVGs, need not load the native module (~12 ms).
 */
let Resvg: typeof import('@resvg/resvg-js').Resvg | undefined;

/**
 * SVG → PNG with the shipped font only (on this thread; `createPngPool` does the same off it).
 * resvg is given the chart's text as glyph paths (text-to-path.ts): the same pixels, drawn with
 * half the work in resvg's constructor.
 */
export function svgToPng(svg: string, zoom = PNG_ZOOM): Uint8Array {
  Resvg ??= loadResvg(resvgSource(), createRequire(import.meta.url));
  return new Uint8Array(new Resvg(textToPaths(svg, chartTextFaces()), pngOptions(zoom)).render().asPng());
}

/** The SVG of a chart; a spec vega cannot draw becomes an `output.failed` error naming the chart. */
export async function chartSvg(name: string, spec: TopLevelSpec): Promise<string> {
  try {
    return await renderSvg(spec);
  } catch (err) {
    throw new HtaError('output.failed', `chart "${name}" could not be rendered: ${(err as Error).message}`);
  }
}
