/**
 * A content-addressed cache of rendered charts: Vega-Lite spec → (SVG, PNG). Drawing is a pure
 * function of the spec and of the renderer (vega, vega-lite, resvg, the shipped font, the zoom),
 * so an entry keyed by a hash of all of them can be reused byte for byte; drawing the ~30 charts
 * is most of the time `hta report` takes when only some inputs changed.
 *
 *   key = sha256(drawing code, hta version, package versions, font bytes, zoom, spec JSON)
 *
 * "Drawing code" is the source of the modules that turn a spec into bytes (render-chart, text-metrics,
 * png-pool, chart-font, vega-lib), so changing them invalidates every entry without anyone
 * remembering to.
 *
 * Entries live in `node_modules/.cache/hta/charts/` (the usual place for a tool's build cache; never
 * in `reports/`), are written atomically, and a missing or unreadable entry is simply a miss. CI
 * starts from a clean clone, so `hta report --check` there always draws every chart afresh.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHART_FONT_FILES, PNG_ZOOM } from './chart-font.js';

/**
 * The modules, next to this one, whose code decides the drawn bytes. From dist/, vega-lib is the
 * bundle of vega and vega-lite (scripts/bundle-vega.mjs), so its hash also covers their
 * dependencies (vega-scenegraph, d3-*, …), whose versions the list below does not name.
 */
const DRAWING_MODULES = ['render-chart', 'text-metrics', 'png-pool', 'chart-font', 'vega-lib'];

/** Entries kept after a run (most recently used first); ~30 charts per full regeneration. */
const MAX_ENTRIES = 400;

export interface CachedChart {
  svg: string;
  png: Uint8Array;
}

export interface ChartCache {
  get(spec: unknown): CachedChart | undefined;
  put(spec: unknown, chart: CachedChart): void;
  /** Drops the least recently used entries beyond the limit. */
  prune(): void;
}

/** The default cache folder: `<package root>/node_modules/.cache/hta/charts`. */
export function defaultChartCacheDir(): string {
  return fileURLToPath(new URL('../../../node_modules/.cache/hta/charts/', import.meta.url));
}

function packageVersion(name: string): string {
  const require = createRequire(import.meta.url);
  let dir = dirname(require.resolve(name));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === name) return pkg.version ?? '?';
    } catch {
      // not this folder
    }
    const up = dirname(dir);
    if (up === dir) return '?';
    dir = up;
  }
}

/** Everything besides the spec that the drawn bytes depend on. */
export function rendererFingerprint(htaVersion: string): string {
  const fontHash = createHash('sha256');
  for (const f of CHART_FONT_FILES) fontHash.update(readFileSync(f));
  const font = fontHash.digest('hex');
  const versions = ['vega', 'vega-lite', '@resvg/resvg-js'].map((n) => `${n}@${packageVersion(n)}`);
  // Same extension as this module: .ts under a TypeScript runner, .js from dist/.
  const ext = import.meta.url.slice(import.meta.url.lastIndexOf('.'));
  const code = createHash('sha256');
  for (const m of DRAWING_MODULES) code.update(readFileSync(new URL(`./${m}${ext}`, import.meta.url)));
  return JSON.stringify({ code: code.digest('hex'), hta: htaVersion, versions, font, zoom: PNG_ZOOM });
}

/** File name stem of a spec's entry. */
export function chartCacheKey(fingerprint: string, spec: unknown): string {
  return createHash('sha256').update(fingerprint).update('\u0000').update(JSON.stringify(spec)).digest('hex');
}

/** A cache in `dir` (created on first write); any file-system failure turns it into a no-op. */
export function openChartCache(dir: string, fingerprint: string): ChartCache {
  const keyOf = (spec: unknown) => chartCacheKey(fingerprint, spec);
  let writable = true;
  return {
    get(spec) {
      const base = join(dir, keyOf(spec));
      let chart: CachedChart;
      try {
        chart = { svg: readFileSync(`${base}.svg`, 'utf8'), png: new Uint8Array(readFileSync(`${base}.png`)) };
      } catch {
        return undefined;
      }
      try {
        // Marks the entry as recently used, for `prune`; a read-only cache is still a cache.
        const now = new Date();
        utimesSync(`${base}.png`, now, now);
      } catch {
        // ignore
      }
      return chart;
    },
    put(spec, chart) {
      if (!writable) return;
      const base = join(dir, keyOf(spec));
      try {
        mkdirSync(dir, { recursive: true });
        // The PNG last: an entry counts only when its PNG exists, and each file appears whole.
        for (const [ext, data] of [['svg', chart.svg], ['png', chart.png]] as const) {
          const tmp = `${base}.${ext}.${process.pid}.tmp`;
          writeFileSync(tmp, data);
          renameSync(tmp, `${base}.${ext}`);
        }
      } catch {
        writable = false;
      }
    },
    prune() {
      try {
        const entries = readdirSync(dir)
          .filter((f) => f.endsWith('.png'))
          .map((f) => ({ base: join(dir, f.slice(0, -4)), used: statSync(join(dir, f)).mtimeMs }))
          .sort((a, b) => b.used - a.used);
        for (const e of entries.slice(MAX_ENTRIES)) {
          for (const ext of ['png', 'svg']) unlinkSync(`${e.base}.${ext}`);
        }
      } catch {
        // a cache that cannot be pruned is still correct
      }
    },
  };
}
