// Replaces dist/report/render/vega-lib.js (tsc's re-exports of vega and vega-lite) with one
// ES module holding them and all their dependencies, so that a cold `hta report` loads one file
// instead of ~100 (see src/report/render/vega-lib.ts). Run after tsc: `npm run build`.
//
// The bundle must run the same code as the packages do under Node: Node's resolution
// conditions only (no "module" condition, "main" before "module"), nothing minified or
// down-levelled, and the optional `canvas` package left to a runtime import, as vega-canvas
// does it (not installed, vega measures text by its estimate, which decides the SVG bytes).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
  absWorkingDir: root,
  entryPoints: ['src/report/render/vega-lib.ts'],
  outfile: 'dist/report/render/vega-lib.js',
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
});

// The bundle must export what vega-lib.ts does (render-chart imports it): a missing export would
// otherwise surface only when the first chart is drawn.
const source = readFileSync(join(root, 'src/report/render/vega-lib.ts'), 'utf8');
const expected = [...source.matchAll(/^export \{([^}]*)\} from/gm)].flatMap((m) => m[1].split(',').map((s) => s.trim())).sort();
const got = Object.keys(await import(pathToFileURL(join(root, 'dist/report/render/vega-lib.js')).href)).sort();
if (got.join() !== expected.join()) throw new Error(`vega bundle exports ${got.join(', ')}; vega-lib.ts exports ${expected.join(', ')}`);
