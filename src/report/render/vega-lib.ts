/**
 * The parts of vega and vega-lite that render-chart uses, from one module.
 *
 * `npm run build` replaces this module's compiled form (dist/report/render/vega-lib.js) with a
 * single-file bundle of these exports and everything they import (scripts/bundle-vega.mjs):
 * vega and vega-lite are ~100 small ES modules, and Node resolving, reading and linking each
 * one cost ~0.2 CPU-s per cold `hta report`, more than evaluating them. Under a TypeScript
 * runner (the tests) and from plain `tsc` output the re-exports below load the packages as usual;
 * the drawing is the same code either way.
 */
export { Error, parse, resetSVGDefIds, textMetrics, View } from 'vega';
export { compile } from 'vega-lite';
export type { TopLevelSpec } from 'vega-lite';

// vega exports its scenegraph's text metrics (vega-scenegraph's `textMetrics`), which its type
// declarations leave out: `width` is replaced in render-chart.ts (text-metrics.ts says why).
declare module 'vega' {
  export const textMetrics: {
    width: (item: { fontSize?: number | string; fontWeight?: number | string }, text: unknown) => number;
  };
}
