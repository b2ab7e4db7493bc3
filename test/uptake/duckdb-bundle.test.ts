/**
 * @duckdb/node-api's bundle (scripts/bundle-duckdb.mjs → dist/uptake/engine/duckdb-node-api.cjs,
 * loaded by src/uptake/engine/duckdb-api.ts after `npm run build`): the package's exports, the
 * native bindings required through the package's own require and nothing else but Node's modules
 * (one file is its point), and the same answers as the package.
 */
import { isBuiltin, createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript, without type declarations
import { bundleDuckdbApi } from '../../scripts/bundle-duckdb.mjs';
import type { DuckDbApi } from '../../src/uptake/engine/duckdb-api.js';

const require = createRequire(import.meta.url);

describe('dist/uptake/engine/duckdb-node-api.cjs (scripts/bundle-duckdb.mjs)', () => {
  it("exports the package's API, requires only its bindings, and answers as the package does", async () => {
    const text = (await bundleDuckdbApi()) as string;
    const entry = require.resolve('@duckdb/node-api');
    const packageRequire = createRequire(entry);
    const required: string[] = [];
    const tracked = Object.assign((id: string) => {
      required.push(id);
      return packageRequire(id) as unknown;
    }, packageRequire);
    const module = { exports: undefined as unknown };
    new Function('module', 'exports', text)(module, {});
    const bundled = (module.exports as (r: NodeJS.Require) => DuckDbApi)(tracked as NodeJS.Require);
    const pkg = require(entry) as DuckDbApi;
    expect(Object.keys(bundled).sort()).toEqual(Object.keys(pkg).sort());
    expect([...new Set(required)].filter((id) => !isBuiltin(id))).toEqual(['@duckdb/node-bindings']);

    const query = "select 42::integer as n, 'æ' as s, [1.5, null]::double[] as l, date '2024-02-29' as d, 1e300 * 10 as inf";
    const answer = async (api: DuckDbApi) => {
      const instance = await api.DuckDBInstance.create(':memory:', { threads: '1' });
      const connection = await instance.connect();
      const reader = await connection.runAndReadAll(query);
      const out = { columns: reader.columnNames(), types: reader.columnTypes().map(String), rows: reader.getRowObjectsJS() };
      connection.closeSync();
      instance.closeSync();
      return out;
    };
    expect(await answer(bundled)).toEqual(await answer(pkg));
  });
});
