/**
 * resvg's native module, loaded as `@resvg/resvg-js` loads it, without its C-library probe where
 * the answer is at hand.
 *
 * The package picks its native module by platform, and on Linux asks whether Node runs on glibc
 * or musl by building the whole of `process.report.getReport()` (every handle, heap space and
 * shared library of the process) for one field: ~15 ms on the main thread of a cold `hta report`,
 * ~5 ms in the PNG worker (docs/architecture.md#the-cost-of-a-cold-regeneration). On Linux x64
 * the libraries this process has mapped say it at once: glibc's `libc.so.6` is there or it is not.
 * There the glibc build is loaded directly (from the package's own folder first, then its
 * platform package, as the package itself looks); anywhere else, or when that build is not
 * installed, the package is loaded and probes as before. The native module is the same either
 * way; the package's only other work is to pass the options as JSON text, which `loadResvg` does.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** What a thread loads resvg from: the native module (which takes its options as JSON text) or the package. */
export interface ResvgSource {
  path: string;
  native: boolean;
}

/** Whether this Linux process runs on glibc: its `libc.so.6` is among the libraries it has mapped. */
function mapsGlibc(): boolean {
  try {
    return /\/libc\.so\.6$/m.test(readFileSync('/proc/self/maps', 'utf8'));
  } catch {
    return false;
  }
}

/**
 * resvg's native module allocates through its own mimalloc, which by default gives memory back to
 * the system 10 ms after it is freed (`purge_delay`). Each chart's pixmap (~2–6 MB at PNG_ZOOM) was
 * then drawn in fresh pages that the kernel had to fault in and zero again: ~30,000 page faults and
 * ~0.1 CPU-s of system time for the 37 bundled PNGs (docs/architecture.md#the-cost-of-a-cold-regeneration).
 * With purging off, the pages freed after one chart are reused by the next; the pixels are the
 * same. mimalloc reads the option from the process's environment when the native module is
 * loaded, so this is set before the first load, from the thread that loads it or starts the PNG
 * workers (a worker's `process.env` is a copy of its own and does not reach the environment). A
 * value the user set is kept.
 */
export function keepResvgFreedMemory(env: NodeJS.ProcessEnv = process.env): void {
  env.MIMALLOC_PURGE_DELAY ??= '-1';
}

/** Where this thread loads resvg from (and, first, {@link keepResvgFreedMemory}: every load goes through here). */
export function resvgSource(glibc: () => boolean = mapsGlibc): ResvgSource {
  keepResvgFreedMemory();
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('@resvg/resvg-js');
  if (process.platform === 'linux' && process.arch === 'x64' && glibc()) {
    const local = join(dirname(pkg), 'resvgjs.linux-x64-gnu.node');
    if (existsSync(local)) return { path: local, native: true };
    try {
      return { path: createRequire(pkg).resolve('@resvg/resvg-js-linux-x64-gnu'), native: true };
    } catch {
      // Not installed beside the package: the package finds what it has.
    }
  }
  return { path: pkg, native: false };
}

/**
 * resvg's `Resvg` class from `source`, taking its options as an object as the package's does.
 * Written to run alone (no imports, no closure): the PNG worker is given its source (png-pool.ts).
 */
export function loadResvg(source: ResvgSource, load: (path: string) => unknown): typeof import('@resvg/resvg-js').Resvg {
  const m = load(source.path) as { Resvg: typeof import('@resvg/resvg-js').Resvg };
  if (!source.native) return m.Resvg;
  const Native = m.Resvg as unknown as new (svg: string, options?: string) => InstanceType<typeof import('@resvg/resvg-js').Resvg>;
  return class Resvg extends Native {
    constructor(svg: string | Uint8Array, options?: object) {
      super(svg as string, options === undefined ? undefined : JSON.stringify(options));
    }
  } as unknown as typeof import('@resvg/resvg-js').Resvg;
}
