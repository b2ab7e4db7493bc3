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
//
// The bundle is also written as a script, vega-lib.cjs (scripts/script-form.mjs), which the CLI
// loads with V8's code cache (src/bundle-loader.ts); vega-lib.js stays the module whose bytes the
// chart cache's fingerprint reads (src/report/render/chart-cache.ts).
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { scriptForm } from './script-form.mjs';
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

  // The script form. A script cannot await at its top level: vega-canvas's optional import of
  // `canvas` (not installed: vega then measures text by its estimate) becomes a require in the
  // same try, which finds and fails to find the package as the import does.
  const module = readFileSync(outfile, 'utf8');
  const TRY_CANVAS = 'NodeCanvas = await import("canvas");';
  if (module.split(TRY_CANVAS).length !== 2) throw new Error(`vega bundle: expected vega-canvas's \`${TRY_CANVAS}\` once (scripts/bundle-vega.mjs)`);
  writeFileSync(outfile.replace(/\.js$/, '.cjs'), await scriptForm(module.replace(TRY_CANVAS, 'NodeCanvas = require("canvas");'), 'the vega bundle', { packages: ['canvas'] }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundleVega();
