import { createHash } from 'node:crypto';
/**
 * The loader of the bundles' script forms (src/bundle-loader.ts): the script runs as its ES module
 * ran (strict mode, its own URL as import.meta.url, modules loaded on first use through `__hta`),
 * and V8's code cache is used only when it was made from the script's very bytes and V8 accepts
 * it; otherwise the script compiles from its source and runs the same.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundlesLoaded, loadBundle } from '../src/bundle-loader.js';
import { tempDir } from './support/run-cli.js';

// What esbuild's CommonJS output of a bundle looks like, in small: exports on module.exports,
// Node's modules by require, import.meta.url as __hta.url.
const SCRIPT = `
const { basename } = require("node:path");
function self() { return this; }
function answer(n) { return n * 6; }
module.exports = {
  url: __hta.url,
  name: basename(__hta.url),
  strict: self() === undefined,
  answer,
  later: () => __hta.lazy("./later.js"),
  module: () => __hta.lazy("./plain.js"),
};
`;

const cacheOf = (file: string) => bundlesLoaded().find((b) => b.file === file)?.cache;

describe('loadBundle', () => {
  it('runs a script form as its module ran', async () => {
    const dir = tempDir();
    const file = join(dir, 'entry.cjs');
    writeFileSync(file, SCRIPT);
    writeFileSync(join(dir, 'later.cjs'), 'module.exports.here = __hta.url;');
    writeFileSync(join(dir, 'plain.js'), 'export const kind = "module";');
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }');
    const m = loadBundle(pathToFileURL(file), 'off') as Record<string, any>;
    expect(m.url).toBe(pathToFileURL(file).href);
    expect(m.name).toBe('entry.cjs');
    expect(m.strict).toBe(true);
    expect(m.answer(7)).toBe(42);
    // A module loaded on first use: its script form when there is one, else the module itself.
    expect((await m.later()).here).toBe(pathToFileURL(join(dir, 'later.cjs')).href);
    expect((await m.module()).kind).toBe('module');
    // Once per thread.
    expect(loadBundle(pathToFileURL(file), 'off')).toBe(m);
    expect(cacheOf(file)).toBe('none');
  });

  it('uses a code cache made from the same bytes, and compiles from the source otherwise', () => {
    const dir = tempDir();
    const made = join(dir, 'made.cjs');
    writeFileSync(made, SCRIPT);
    const writing = loadBundle(pathToFileURL(made), 'write') as Record<string, any>;
    expect(existsSync(`${made}.v8cache`)).toBe(false);
    // The cache is written when a call of an export is done, with the functions compiled so far.
    expect(writing.answer(2)).toBe(12);
    const cache = readFileSync(`${made}.v8cache`);
    expect(cache.length).toBeGreaterThan(32);

    /** A copy of the script (`edit`ed) beside a copy of the cache, loaded afresh. */
    const load = (name: string, edit: (s: string) => string, cacheBytes: Buffer = cache) => {
      const file = join(dir, name);
      writeFileSync(file, edit(SCRIPT));
      writeFileSync(`${file}.v8cache`, cacheBytes);
      const m = loadBundle(pathToFileURL(file)) as Record<string, any>;
      return { answer: m.answer(7) as number, cache: cacheOf(file) };
    };
    expect(load('same.cjs', (s) => s)).toEqual({ answer: 42, cache: 'used' });
    // Other bytes of the same length: V8 alone would take the cache (it checks the length only).
    expect(load('edited.cjs', (s) => s.replace('n * 6', 'n * 5'))).toEqual({ answer: 35, cache: 'stale' });
    expect(cache.subarray(32, 64).equals(createHash('sha256').update(cache.subarray(64)).digest())).toBe(true);
    // Bytecode damaged after V8's header (V8 20 does not check it: a fatal error, exit 133, without
    // the loader's own check of its SHA-256), and bytes V8 cannot use (its header), with intact digests.
    const damaged = Buffer.from(cache);
    damaged.fill(7, damaged.length - 40, damaged.length - 8);
    expect(load('damaged.cjs', (s) => s, damaged)).toEqual({ answer: 42, cache: 'stale' });
    const garbage = Buffer.alloc(cache.length - 64, 7);
    expect(load('garbled.cjs', (s) => s, Buffer.concat([cache.subarray(0, 32), createHash('sha256').update(garbage).digest(), garbage]))).toEqual({ answer: 42, cache: 'rejected' });
    // HTA_CODE_CACHE=off reads no cache.
    const off = join(dir, 'off.cjs');
    copyFileSync(made, off);
    copyFileSync(`${made}.v8cache`, `${off}.v8cache`);
    loadBundle(pathToFileURL(off), 'off');
    expect(cacheOf(off)).toBe('none');
  });
});
