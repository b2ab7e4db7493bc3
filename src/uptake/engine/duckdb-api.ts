/**
 * @duckdb/node-api, loaded with `require`. The package is CommonJS: an ESM `import` of it has
 * Node run its CommonJS export scanner (cjs-module-lexer) over the entry and every module it
 * re-exports (about 180 files) before loading them, which cost ~0.15–0.2 CPU-s of each uptake
 * run (the analysis worker of `hta report`, docs/architecture.md#the-cost-of-a-cold-regeneration);
 * `require` loads the same modules without the scan. Types come from the package as before.
 */
import { createRequire } from 'node:module';

export type DuckDbApi = typeof import('@duckdb/node-api');

export const duckdb: DuckDbApi = createRequire(import.meta.url)('@duckdb/node-api') as DuckDbApi;
