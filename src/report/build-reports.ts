/**
 * Builds every report of a manifest in memory: per report folder the charts (`.vl.json`, `.svg`,
 * `.png`), `index.html`, `README.md` and `results.json`. Nothing is written here; the caller
 * writes the whole set atomically or compares it with the disk (`--check`).
 *
 *   manifest entry ──kind.build──► page + chart specs + results
 *                  ──renderChart──► SVG + PNG per chart
 *                  ──htmlPage / markdownPage──► index.html, README.md
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { HtaError } from '../errors.js';
import type { Lang } from './i18n.js';
import { htmlPage } from './html-page.js';
import { REPORT_KINDS } from './kinds/report-kinds.js';
import type { ReportEnv } from './kinds/report-kind.js';
import type { ManifestEntry } from './manifest.js';
import { markdownPage } from './markdown-page.js';
import { renderChart } from './render/render-chart.js';

export interface BuildOptions {
  manifestFile: string;
  /** Overrides each entry's language. */
  lang?: Lang;
  version: string;
  onProgress?: (message: string) => void;
}

/** Output files keyed by path relative to the output root (forward slashes). */
export type ReportFiles = Map<string, string | Uint8Array>;

const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';

export async function buildReports(entries: readonly ManifestEntry[], options: BuildOptions): Promise<ReportFiles> {
  const files: ReportFiles = new Map();
  const memoStore = new Map<string, unknown>();
  for (const entry of entries) {
    const kind = REPORT_KINDS[entry.kind];
    if (!kind) throw new HtaError('input.invalid', `${options.manifestFile}: report "${entry.id}" has kind "${entry.kind}"; known kinds: ${Object.keys(REPORT_KINDS).join(', ')}`);
    const parsed = kind.entrySchema.safeParse(entry);
    if (!parsed.success) {
      throw new HtaError('input.invalid', `${options.manifestFile}: report "${entry.id}" is not a valid "${entry.kind}" entry`,
        parsed.error.issues.map((i) => ({ file: options.manifestFile, field: `${entry.id}.${i.path.join('.')}`, expected: i.message })));
    }
    const env: ReportEnv = {
      baseDir: dirname(options.manifestFile),
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
      const r = await renderChart(chart.name, chart.spec);
      rendered.set(chart.name, { svg: r.svg, alt: chart.alt });
      files.set(`${folder}/${chart.name}.vl.json`, json(chart.spec));
      files.set(`${folder}/${chart.name}.svg`, r.svg + '\n');
      files.set(`${folder}/${chart.name}.png`, r.png);
    }
    files.set(`${folder}/index.html`, htmlPage(content.page, rendered));
    files.set(`${folder}/README.md`, markdownPage(content.page, rendered));
    files.set(`${folder}/results.json`, json(content.results));
  }
  return files;
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
