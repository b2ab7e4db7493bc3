// The V8 code caches of hta's bundles (src/bundle-loader.ts), the last step of `npm run build`:
// runs `hta report` of every bundled report once (into a temporary folder, no chart cache) with
// HTA_CODE_CACHE=write, so that each thread writes `<bundle>.cjs.v8cache` with the bytecode of the
// functions it compiled — the CLI's, vega's and the analysis worker's. A later run takes that
// bytecode instead of compiling those functions again (docs/architecture.md#the-cost-of-a-cold-regeneration).
//
// A cache is only an aid: if this run fails, the build goes on without caches (a warning says
// why) and hta compiles its bundles from their source, as it would with a cache V8 rejects.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');

/** The code caches in dist/ (`<bundle>.cjs.v8cache`). */
const caches = () =>
  readdirSync(dist, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.cjs.v8cache'))
    .map((f) => join(dist, f));

export function writeCodeCaches() {
  for (const f of caches()) rmSync(f);
  const out = mkdtempSync(join(tmpdir(), 'hta-code-cache-'));
  try {
    const env = { ...process.env, HTA_CODE_CACHE: 'write' };
    delete env.HTA_CODE_CACHE_FLAGS;
    const r = spawnSync(process.execPath, [join(root, 'bin/hta.js'), 'report', '--no-cache', '--manifest', join(root, 'data/reports.json'), '--out', join(out, 'reports')], { cwd: root, env, encoding: 'utf8', timeout: 300_000 });
    if (r.status !== 0) {
      for (const f of caches()) rmSync(f);
      console.warn(`warning: no V8 code caches (hta report exited ${r.status}: ${(r.stderr ?? '').trim().split('\n').pop()}); hta runs without them`);
      return [];
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return caches();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeCodeCaches();
