/**
 * Builds every report of a manifest in memory: per report folder the charts (`.vl.json`, `.svg`,
 * `.png`), `index.html`, `README.md` and `results.json`. Nothing is written here; the caller
 * writes the whole set atomically or compares it with the disk (`--check`).
 *
 *   manifest entry ──kind.build──► page + chart specs + results
 *                  ──chart cache, or chartSvg──► SVG per chart ──PNG worker pool──► PNG (in parallel)
 *                  ──htmlPage / markdownPage──► index.html, README.md
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { HtaError } from '../errors.js';
import { jsonProblems } from '../io/read-json.js';
import { zodShapeHint } from '../io/zod-shape.js';
import type { Lang } from './i18n.js';
import { htmlPage } from './html-page.js';
import { REPORT_KINDS } from './kinds/report-kinds.js';
import type { ReportEnv } from './kinds/report-kind.js';
import { type ManifestEntry, manifestInput } from './manifest.js';
import type { ChartSpec } from './report-page.js';
import { markdownPage } from './markdown-page.js';
import type { ChartCache } from './render/chart-cache.js';
import type { PngPool } from './render/png-pool.js';

export interface BuildOptions {
  manifestFile: string;
  /** Let manifest inputs lie outside the manifest's folder (`--allow-outside`). */
  allowOutside?: boolean;
  /** Overrides each entry's language. */
  lang?: Lang;
  version: string;
  onProgress?: (message: string) => void;
  /** Reuses charts drawn before from identical specs (see render/chart-cache.ts); none by default. */
  chartCache?: ChartCache;
}

/** Output files keyed by path relative to the output root (forward slashes). */
export type ReportFiles = Map<string, string | Uint8Array>;

const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';

export async function buildReports(entries: readonly ManifestEntry[], options: BuildOptions): Promise<ReportFiles> {
  // vega, vega-lite and resvg load only when a chart must be drawn: a run served from the chart
  // cache does not pay for them.
  let renderer: Promise<{ chartSvg: (name: string, spec: ChartSpec['spec']) => Promise<string>; pool: PngPool }> | undefined;
  const draw = () =>
    (renderer ??= Promise.all([import('./render/render-chart.js'), import('./render/png-pool.js')]).then(([r, p]) => ({ chartSvg: r.chartSvg, pool: p.createPngPool() })));
  // PNGs are drawn by worker threads while this thread analyses and draws the next SVGs; each
  // promise settles to a result (never rejects), so a failure elsewhere leaves none unhandled.
  const pngs: { file: string; chart: ChartSpec; svg: string; png: Promise<{ ok: Uint8Array } | { error: Error }> }[] = [];
  const files: ReportFiles = new Map();
  try {
    await buildContent(entries, options, files, async (file, chart) => {
      const cached = options.chartCache?.get(chart.spec);
      if (cached) {
        files.set(file, cached.png);
        return cached.svg;
      }
      const { chartSvg, pool } = await draw();
      const svg = await chartSvg(chart.name, chart.spec);
      pngs.push({ file, chart, svg, png: pool.render(svg).then((ok) => ({ ok }), (error: Error) => ({ error })) });
      return svg;
    });
    for (const { file, chart, svg, png } of pngs) {
      const r = await png;
      if ('error' in r) throw new HtaError('output.failed', `chart "${chart.name}" could not be drawn as PNG: ${r.error.message}`);
      files.set(file, r.ok);
      options.chartCache?.put(chart.spec, { svg, png: r.ok });
    }
    options.chartCache?.prune();
    return files;
  } finally {
    if (renderer) await (await renderer).pool.close();
  }
}

async function buildContent(
  entries: readonly ManifestEntry[],
  options: BuildOptions,
  files: ReportFiles,
  drawChart: (pngFile: string, chart: ChartSpec) => Promise<string>,
): Promise<void> {
  const memoStore = new Map<string, unknown>();
  for (const entry of entries) {
    const kind = REPORT_KINDS[entry.kind];
    if (!kind) throw new HtaError('input.invalid', `${options.manifestFile}: report "${entry.id}" has kind "${entry.kind}"; known kinds: ${Object.keys(REPORT_KINDS).join(', ')}`);
    const parsed = kind.entrySchema.safeParse(entry);
    if (!parsed.success) {
      throw new HtaError('input.invalid', `${options.manifestFile}: report "${entry.id}" is not a valid "${entry.kind}" entry`,
        jsonProblems(entry, parsed.error.issues, options.manifestFile, zodShapeHint(kind.entrySchema)).map((p) => ({ ...p, field: `${entry.id}.${p.field ?? ''}` })));
    }
    const env: ReportEnv = {
      input: (path: string) => manifestInput(options.manifestFile, entry.id, path, options.allowOutside),
      lang: options.lang ?? entry.lang,
      version: options.version,
      memo: <T>(key: string, compute: () => T): T => {
        if (!memoStore.has(key)) memoStore.set(key, compute());
        return memoStore.get(key) as T;
      },
    };
    options.onProgress?.(`report ${entry.id}: analysing`);
    const content = await kind.build({ ...entry, ...(parsed.data as object) }, env);
    const folder = entry.out.replace(/\/+$/, '');
    const rendered = new Map<string, { svg: string; alt: string }>();
    for (const chart of content.charts) {
      options.onProgress?.(`report ${entry.id}: rendering ${chart.name}`);
      // One chart at a time: vega numbers SVG ids from process-wide counters (see render-chart).
      files.set(`${folder}/${chart.name}.vl.json`, json(chart.spec));
      const svg = await drawChart(`${folder}/${chart.name}.png`, chart);
      rendered.set(chart.name, { svg, alt: chart.alt });
      files.set(`${folder}/${chart.name}.svg`, svg + '\n');
    }
    files.set(`${folder}/index.html`, htmlPage(content.page, rendered));
    files.set(`${folder}/README.md`, markdownPage(content.page, rendered));
    files.set(`${folder}/results.json`, json(content.results));
  }
}

function listFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

export interface Drift {
  stale: string[];
  missing: string[];
  extra: string[];
}

/** Compares the built files with `outDir`: changed, absent, and files in report folders that a run would not produce. */
export function compareWithDisk(files: ReportFiles, outDir: string, folders: readonly string[]): Drift {
  const drift: Drift = { stale: [], missing: [], extra: [] };
  for (const [rel, content] of files) {
    let current: Buffer;
    try {
      current = readFileSync(join(outDir, rel));
    } catch {
      drift.missing.push(rel);
      continue;
    }
    if (!current.equals(typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content))) drift.stale.push(rel);
  }
  for (const folder of folders) {
    for (const p of listFiles(join(outDir, folder))) {
      const rel = relative(outDir, p).split(sep).join('/');
      if (!files.has(rel) && !/(^|\/)\.[^/]*\.tmp$/.test(rel)) drift.extra.push(rel);
    }
  }
  for (const k of ['stale', 'missing', 'extra'] as const) drift[k].sort();
  return drift;
}
