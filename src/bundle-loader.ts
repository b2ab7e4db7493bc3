/**
 * Loads one of hta's bundles in its script form, with V8's code cache when one is valid
 * (docs/architecture.md#the-cost-of-a-cold-regeneration, "V8's code cache").
 *
 * `npm run build` joins each thread's code into one file (scripts/bundle-hta.mjs,
 * scripts/bundle-vega.mjs) and also writes it as a script (`<name>.cjs`): the same code, its
 * imports of Node's modules as `require`, its exports on `module.exports`. An ES module cannot be
 * given a code cache in Node 20, a script can: V8 then takes the bytecode of every function the
 * build's own run of the bundled reports compiled (scripts/code-cache.mjs) from `<name>.cjs.v8cache`
 * instead of parsing and compiling those functions again in every thread of every run.
 *
 * The cache is used only when it was made from this very code (its first 32 bytes are the
 * SHA-256 of the script as compiled, wrapper included: V8 itself checks only the source's length),
 * its bytecode is intact (the next 32 bytes are the SHA-256 of the rest: V8 20 does not check the
 * bytecode and a damaged one stops the process with a fatal error) and V8 accepts it (same V8
 * version and flags); otherwise the script compiles from its source, as it would without a cache,
 * and runs the same code either way.
 *
 * The script runs as the ES module ran: in strict mode, with `import.meta.url` its own file's URL
 * (`__hta.url`: the bundled modules name their files relative to it), and the modules the bundle
 * loads on first use (the vega bundle, HiGHS) through `__hta.lazy` and `__hta.import`.
 */
import { createHash } from 'node:crypto';
import { isAscii } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as v8 from 'node:v8';
import { Script } from 'node:vm';

/** What became of a bundle's code cache: used, none (no file), stale (made from other code, or damaged), rejected (by V8). */
export type CodeCacheUse = 'used' | 'none' | 'stale' | 'rejected';

/**
 * `HTA_CODE_CACHE=write` (scripts/code-cache.mjs, during `npm run build`): each bundle's cache is
 * written after each call of one of its exports finishes, with the functions compiled so far;
 * `off`: no cache is read (to measure without it).
 */
type Mode = 'read' | 'write' | 'off';
const modeFromEnv = (): Mode => (process.env.HTA_CODE_CACHE === 'write' ? 'write' : process.env.HTA_CODE_CACHE === 'off' ? 'off' : 'read');

/** What the script form of a bundle is given besides CommonJS's `exports`, `require` and `module`. */
interface HtaScriptHost {
  /** The script's own URL, for `import.meta.url`. */
  url: string;
  /** A module loaded on first use (relative to the script): its script form if there is one, else the module. */
  lazy(specifier: string): Promise<unknown>;
  /** A package's ES module (HiGHS: it finds its WebAssembly beside itself). */
  import(specifier: string): Promise<unknown>;
}

interface Loaded {
  exports: Record<string, unknown>;
  cache: CodeCacheUse;
}

const loaded = new Map<string, Loaded>();

const sha256 = (b: Buffer): Buffer => createHash('sha256').update(b).digest();

/** The script's source in a function: its line numbers stay those of the file. */
const wrap = (source: string): string => `(function (exports, require, module, __hta) {"use strict";${source}\n})`;

/** The bundles this thread loaded, and what became of their caches (for the bench and tests). */
export function bundlesLoaded(): { file: string; cache: CodeCacheUse }[] {
  return [...loaded].map(([file, l]) => ({ file, cache: l.cache }));
}

/**
 * The exports of the bundle's script form `url` (a `.cjs` file), loaded once per thread. `entry`:
 * a thread's own bundle (the CLI's, the analysis worker's), not one it loads on first use.
 */
export function loadBundle(url: URL | string, mode: Mode = modeFromEnv(), entry = true): Record<string, unknown> {
  const file = fileURLToPath(url);
  const known = loaded.get(file);
  if (known) return known.exports;
  const bytes = readFileSync(file);
  // The bundles are ASCII (esbuild escapes other characters): decoded as Latin-1, the same string, faster.
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  // The code V8 compiles: the wrapper's words too, so a changed wrapper never takes an old cache.
  const digest = createHash('sha256').update(wrap('')).update(bytes).digest();
  let cache: CodeCacheUse = 'none';
  let cachedData: Buffer | undefined;
  if (mode === 'read') {
    try {
      const stored = readFileSync(`${file}.v8cache`);
      const bytecode = stored.subarray(64);
      if (stored.subarray(0, 32).equals(digest) && stored.subarray(32, 64).equals(sha256(bytecode))) cachedData = bytecode;
      else cache = 'stale';
    } catch {
      // no cache: compile from the source
    }
  }
  const script = new Script(wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  if (cachedData) cache = script.cachedDataRejected ? 'rejected' : 'used';
  // For `npm run bench`, which sees only its own thread's bundles (`bundlesLoaded`): every thread
  // says what became of its caches in one file — a worker's cache rejected run after run went
  // unseen (docs/architecture.md "The cost of a cold regeneration").
  const log = process.env.HTA_BENCH_CODE_CACHE_LOG;
  if (log) {
    const { threadId } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
    appendFileSync(log, `${threadId} ${file.split(/[\\/]/).pop()} ${cache}\n`);
  }
  const here = pathToFileURL(file).href;
  const host: HtaScriptHost = {
    url: here,
    lazy: async (specifier) => {
      const target = new URL(specifier, here);
      const scriptForm = new URL(target.href.replace(/\.js$/, '.cjs'));
      return existsSync(scriptForm) ? loadBundle(scriptForm, mode, false) : import(target.href);
    },
    import: (specifier) => import(specifier.startsWith('.') ? new URL(specifier, here).href : specifier),
  };
  const module = { exports: {} as Record<string, unknown> };
  const run = script.runInThisContext() as (e: unknown, r: unknown, m: unknown, h: HtaScriptHost) => void;
  run.call(undefined, module.exports, mode === 'write' ? cacheWriter(file, script, digest) : createRequire(file), module, host);
  const exports = mode === 'write' && entry ? writingAfterEachCall(module.exports) : module.exports;
  loaded.set(file, { exports, cache });
  return exports;
}

// ---- writing the caches (scripts/code-cache.mjs) -----------------------------------------------

/**
 * The V8 flags hta set at run time (report/short-run-jit.ts, uptake/disclosure/linear-program.ts),
 * as far as this thread knows: V8 accepts a cache only under the flags it was made with, so each
 * script's cache is made under the flags it was compiled with. Workers learn the main thread's
 * through their copy of its environment (flags are process-wide).
 */
const FLAGS_ENV = 'HTA_CODE_CACHE_FLAGS';
const flagsSet = (): Record<string, string> => JSON.parse(process.env[FLAGS_ENV] ?? '{}') as Record<string, string>;

function trackedSetFlags(flags: string): void {
  v8.setFlagsFromString(flags);
  const m = /^--([\w-]+)=(\S+)$/.exec(flags.trim());
  if (m) process.env[FLAGS_ENV] = JSON.stringify({ ...flagsSet(), [m[1]!]: m[2]! });
}

let defaults: Map<string, string> | undefined;
/** A flag's default value, from `node --v8-options`. */
function flagDefault(name: string): string | undefined {
  defaults ??= new Map([...spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout.matchAll(/default: --([\w-]+)=(\S+)/g)].map((m) => [m[1]!, m[2]!]));
  return defaults.get(name);
}

/** Sets the flags to `state` (hta's flags not in it to their defaults); false when a default is unknown. */
function setFlagState(state: Record<string, string>): boolean {
  const now = flagsSet();
  for (const name of new Set([...Object.keys(now), ...Object.keys(state)])) {
    const value = state[name] ?? flagDefault(name);
    if (value === undefined) return false;
    v8.setFlagsFromString(`--${name}=${value}`);
  }
  return true;
}

/** Writes each bundle's cache: the functions compiled so far, under the flags it was compiled with. */
const writers: (() => void)[] = [];
const writeCaches = (): void => {
  for (const w of writers) w();
};

/** Registers `script`'s cache writer; returns the `require` the script is given (its V8 flags tracked). */
function cacheWriter(file: string, script: Script, digest: Buffer): NodeJS.Require {
  const compiledUnder = flagsSet();
  writers.push(() => {
    const now = flagsSet();
    if (!setFlagState(compiledUnder)) return;
    try {
      const tmp = `${file}.v8cache.${process.pid}.${process.hrtime.bigint()}.tmp`;
      const bytecode = script.createCachedData();
      writeFileSync(tmp, Buffer.concat([digest, sha256(bytecode), bytecode]));
      renameSync(tmp, `${file}.v8cache`);
    } finally {
      setFlagState(now);
    }
  });
  const base = createRequire(file);
  const v8Tracked = { ...v8, setFlagsFromString: trackedSetFlags };
  return Object.assign((id: string) => (id === 'node:v8' || id === 'v8' ? v8Tracked : base(id)), base);
}

/** The entry bundle's exports, each function writing this thread's caches when its call is done. */
function writingAfterEachCall(exports: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(exports).map(([name, value]) => {
      if (typeof value !== 'function') return [name, value];
      const f = value as (...args: unknown[]) => unknown;
      const wrapped = (...args: unknown[]): unknown => {
        const r = f(...args);
        if (r instanceof Promise) return r.finally(writeCaches);
        writeCaches();
        return r;
      };
      return [name, wrapped];
    }),
  );
}
