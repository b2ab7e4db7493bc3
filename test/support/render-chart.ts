/** A chart drawn on this thread, SVG and PNG, with the size its SVG declares: for tests of the chart builders. */
import type { TopLevelSpec } from 'vega-lite';
import { chartSvg, svgToPng } from '../../src/report/render/render-chart.js';

export interface RenderedChart {
  svg: string;
  /** Drawn from the SVG when first read: most tests read only the SVG, and a PNG of a large chart costs ~0.1 CPU-s. */
  readonly png: Uint8Array;
  width: number;
  height: number;
}

export async function renderChart(name: string, spec: TopLevelSpec): Promise<RenderedChart> {
  const svg = await chartSvg(name, spec);
  const size = /<svg[^>]*\bwidth="([\d.]+)"[^>]*\bheight="([\d.]+)"/.exec(svg);
  let png: Uint8Array | undefined;
  return {
    svg,
    get png() {
      return (png ??= svgToPng(svg));
    },
    width: Number(size?.[1] ?? 0),
    height: Number(size?.[2] ?? 0),
  };
}
