// Transpiles a source module and every relative module it imports (statically or dynamically) to
// JavaScript in a folder inside the repository (so bare imports resolve to its node_modules),
// keeping src/'s layout: a module that runs work on worker threads only from built modules
// (src/report/off-thread.ts) can then be tested the way `hta` runs it, without `npm run build`.
// esbuild strips the types as tsc's transpileModule did (ES2022, class fields defined), in a
// fraction of the time: the CLI's closure took ~6 CPU-s with TypeScript's transpiler, ~0.5 s now
// in this process and as much again in esbuild's service process (/usr/bin/time does not count it:
// the process is never waited for). Each module's JavaScript is kept on disk by its source's hash,
// so a test worker builds from the other's (a clean clone's CI) or from an earlier run's.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { transformSync, version as esbuildVersion } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '../..');

const OPTIONS = { loader: 'ts', format: 'esm', target: 'es2022', tsconfigRaw: { compilerOptions: { useDefineForClassFields: true } } } as const;
/** Transpiled modules by the hash of what decides them: esbuild's version, its options and the source. */
const TRANSPILED = join(ROOT, 'node_modules/.cache/hta-test-transpiled');

/** A TypeScript module's source as JavaScript (types stripped; ES2022 modules, as `npm run build` targets). */
export function transpileTs(source: string): string {
  const file = join(TRANSPILED, `${createHash('sha256').update(`${esbuildVersion}\0${JSON.stringify(OPTIONS)}\0${source}`).digest('hex')}.js`);
  try {
    return readFileSync(file, 'utf8');
  } catch {
    // Not transpiled yet.
  }
  const code = transformSync(source, OPTIONS).code;
  mkdirSync(TRANSPILED, { recursive: true });
  // Whole or not at all: another worker may read it at once.
  const staged = `${file}.${process.pid}.tmp`;
  writeFileSync(staged, code);
  renameSync(staged, file);
  return code;
}

/**
 * `entry` (e.g. 'src/report/cea-off-thread.ts') built with its relative imports (and `also`'s, in
 * the same folder): its file URL, and the folder to remove after.
 */
export function builtClosure(entry: string, ...also: string[]): { url: string; dir: string } {
  return buildInto(join(ROOT, 'node_modules/.cache/hta-test-built-'), entry, ...also);
}

function buildInto(prefix: string, entry: string, ...also: string[]): { url: string; dir: string; modules: string[] } {
  mkdirSync(join(ROOT, 'node_modules/.cache'), { recursive: true });
  const out = mkdtempSync(prefix);
  // Modules find their data (value sets, fonts) relative to themselves.
  for (const dir of ['data', 'assets']) symlinkSync(join(ROOT, dir), join(out, dir));
  const todo = [entry, ...also].map((e) => resolve(ROOT, e));
  const seen = new Set<string>();
  const modules: string[] = [];
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    // Static and dynamic imports of relative modules; `import type` ones are erased, so not followed.
    for (const m of source.matchAll(/^(import|export)(\s+type)?\s[^;]*?from\s+'(\.{1,2}\/[^']+)\.js'|import\(\s*'(\.{1,2}\/[^']+)\.js'\s*\)/gms)) {
      if (!m[2]) todo.push(resolve(dirname(file), `${m[3] ?? m[4]}.ts`));
    }
    // Modules a worker imports by URL (off-thread.ts's worker set-up).
    for (const m of source.matchAll(/new URL\(\s*'(\.{1,2}\/[^']+)\.js',\s*import\.meta\.url\s*\)/g)) todo.push(resolve(dirname(file), `${m[1]}.ts`));
    const js = relative(ROOT, file).replace(/\.ts$/, '.js');
    mkdirSync(dirname(join(out, js)), { recursive: true });
    writeFileSync(join(out, js), transpileTs(source));
    modules.push(js);
  }
  return { url: pathToFileURL(join(out, entry.replace(/\.ts$/, '.js'))).href, dir: out, modules };
}

/**
 * The prefix of the shared closures' folders in one test run (its Vitest process's id, a worker's
 * parent): the run's global teardown (test/support/chart-cache-teardown.ts) removes any a worker
 * that was stopped left behind.
 */
export const sharedClosurePrefix = (runPid: number): string => join(ROOT, 'node_modules/.cache', `hta-test-built-run-${runPid}-`);

let shared: { dir: string; url: (entry: string) => string; modules: string[] } | undefined;

/**
 * The CLI (bin-entry.ts, main.ts) and the off-thread and DuckDB session modules built once per
 * test worker, for the tests that run them in a child process (signals, full disks, redirections):
 * each built its own copy (~0.5 CPU-s each). Test files share a worker's modules (vitest.config.ts),
 * so this folder outlives each file and goes when the worker exits. A test may add files beside the
 * built modules (a stand-in job) but never changes one; bin-bundle.test.ts, which replaces the
 * entry with its bundle, builds its own.
 */
export function sharedBuiltClosure(): { dir: string; url: (entry: string) => string } {
  if (!shared) {
    // bundle-loader.ts, which no module imports, for bin-bundle.test.ts's copy (the bundles load through it).
    const entries = ['src/cli/bin-entry.ts', 'src/cli/main.ts', 'src/report/off-thread.ts', 'src/uptake/engine/duckdb-session.ts', 'src/bundle-loader.ts'];
    // Named after the run, so that its teardown finds the folder should the worker not exit cleanly.
    const { dir, modules } = buildInto(sharedClosurePrefix(process.ppid), entries[0]!, ...entries.slice(1));
    // The CLI reads its version from the package.json above its modules.
    symlinkSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    shared = { dir, url: (entry) => pathToFileURL(join(dir, entry.replace(/\.ts$/, '.js'))).href, modules };
  }
  return shared;
}

/**
 * A folder of its own with the shared closure's modules copied into it, as sharedBuiltClosure
 * built them (not what tests added beside them since), with its data/, assets/ and package.json
 * links: for a test that needs the built modules fresh (a module that reads its environment when it
 * is imported, a worker pool's state) or changes the folder (a fork's own data/, an entry replaced
 * by its bundle). The modules are the bytes building them again writes; building again cost ~0.6
 * CPU-s for off-thread.ts's closure and ~1.7 for the CLI's, about half of it in esbuild's own
 * process, which /usr/bin/time does not see (it is not waited for). The caller removes `dir`.
 */
export function copyOfSharedClosure(): { dir: string; url: (entry: string) => string } {
  const from = sharedBuiltClosure();
  const dir = mkdtempSync(join(ROOT, 'node_modules/.cache/hta-test-built-'));
  for (const link of ['data', 'assets']) symlinkSync(join(ROOT, link), join(dir, link));
  symlinkSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  for (const js of from.modules) {
    mkdirSync(dirname(join(dir, js)), { recursive: true });
    copyFileSync(join(from.dir, js), join(dir, js));
  }
  return { dir, url: (entry) => pathToFileURL(join(dir, entry.replace(/\.ts$/, '.js'))).href };
}
