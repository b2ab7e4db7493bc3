/**
 * @duckdb/node-api, loaded with `require`. The package is CommonJS: an ESM `import` of it has
 * Node run its CommonJS export scanner (cjs-module-lexer) over the entry and every module it
 * re-exports (about 180 files) before loading them, which cost ~0.15–0.2 CPU-s of each uptake
 * run (the analysis worker of `hta report`, docs/architecture.md#the-cost-of-a-cold-regeneration);
 * `require` loads the same modules without the scan. Types come from the package as before.
 *
 * After `npm run build` the package's JavaScript comes as one file beside this module
 * (scripts/bundle-duckdb.mjs → duckdb-node-api.cjs): requiring the ~180 files one by one cost
 * ~0.07 CPU-s more. The bundle is the package's code, given a require made at the package's own
 * entry, so its native bindings resolve as they do without it. From the TypeScript sources (the
 * tests) and a bare `tsc` the package loads as before.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export type DuckDbApi = typeof import('@duckdb/node-api');

const require = createRequire(import.meta.url);
const BUNDLE = fileURLToPath(new URL('./duckdb-node-api.cjs', import.meta.url));

function loadDuckDb(): DuckDbApi {
  const entry = require.resolve('@duckdb/node-api');
  if (!existsSync(BUNDLE)) return require(entry) as DuckDbApi;
  return (require(BUNDLE) as (packageRequire: NodeJS.Require) => DuckDbApi)(createRequire(entry));
}

export const duckdb: DuckDbApi = loadDuckDb();
