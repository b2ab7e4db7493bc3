// Replaces dist/report/render/vega-lib.js (tsc's re-exports of vega and vega-lite) with one
// ES module holding them and all their dependencies, so that a cold `hta report` loads one file
// instead of ~100 (see src/report/render/vega-lib.ts). Run after tsc: `npm run build`.
//
// The bundle must run the same code as the packages do under Node: Node's resolution
// conditions only (no "module" condition, "main" before "module"), nothing minified or
// down-levelled, and the optional `canvas` package left to a runtime import, as vega-canvas
// does it (not installed, vega measures text by its estimate, which decides the SVG bytes).
// Two patches (scripts/vega-patches.mjs) let vega and vega-lite parse each distinct expression
// once per process instead of once per use; what they return is unchanged.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { vegaPatches } from './vega-patches.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Writes the bundle of src/report/render/vega-lib.ts's exports to `outfile` (with `patches`, VEGA_PATCHES by default). */
export async function bundleVega(outfile = join(root, 'dist/report/render/vega-lib.js'), patches = undefined) {
  await build({
    absWorkingDir: root,
    entryPoints: ['src/report/render/vega-lib.ts'],
    outfile,
    allowOverwrite: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'esnext',
    conditions: [],
    mainFields: ['main', 'module'],
    external: ['canvas'],
    legalComments: 'eof',
    logLevel: 'warning',
    plugins: [vegaPatches(patches)],
  });

  // The bundle must export what vega-lib.ts does (render-chart imports it): a missing export would
  // otherwise surface only when the first chart is drawn.
  const source = readFileSync(join(root, 'src/report/render/vega-lib.ts'), 'utf8');
  const expected = [...source.matchAll(/^export \{([^}]*)\} from/gm)].flatMap((m) => m[1].split(',').map((s) => s.trim())).sort();
  const got = Object.keys(await import(pathToFileURL(outfile).href)).sort();
  if (got.join() !== expected.join()) throw new Error(`vega bundle exports ${got.join(', ')}; vega-lib.ts exports ${expected.join(', ')}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundleVega();
