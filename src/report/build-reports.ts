/**
 * Builds every report of a manifest in memory: per report folder the charts (`.vl.json`, `.svg`,
 * `.png`), `index.html`, `README.md` and `results.json`. Nothing is written here; the caller
 * writes the whole set atomically or compares it with the disk (`--check`).
 *
 *   manifest entry ──kind.build──► page + chart specs + results
 *                  ──chart cache, or chartSvg──► SVG per chart ──PNG worker pool──► PNG (in parallel)
 *                  ──htmlPage / markdownPage──► index.html, README.md
 */
import type { InputOrigin } from '../io/input-files.js';
import { lstatSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { HtaError } from '../errors.js';
import { fsFailure, isFsError } from '../io/fs-error.js';
import { pageTextDeep } from '../io/visible-text.js';
import { kindOf } from '../io/write-atomic.js';
import { REPORT_INDEX } from '../io/index-names.js';
import { differsInLineEndingsOnly, outputIndexText, ownHashes, readOutputIndex, readRegular, sha256 } from '../io/output-index.js';
import { jsonProblems } from '../io/read-json.js';
import { zodShapeHint } from '../io/zod-shape.js';
import type { Lang } from './i18n.js';
import { htmlPage } from './html-page.js';
import { REPORT_KINDS } from './kinds/report-kinds.js';
import type { ReportEnv } from './kinds/report-kind.js';
import { type ManifestEntry, manifestInput, reportFolder } from './manifest.js';
import type { ChartSpec } from './report-page.js';
import type { Table } from './text-table.js';
import { markdownPage } from './markdown-page.js';
import type { ChartCache } from './render/chart-cache.js';
import type { PngPool } from './render/png-pool.js';
import { standaloneSvg } from './render/standalone-svg.js';
import { stopOffThreadAnalyses } from './off-thread.js';
import { regenerateCommand, regenerateMaskedNote } from './regenerate-command.js';
import { preferShortRunJit } from './short-run-jit.js';
import { isChartName, isReportFileName } from './report-file-names.js';
import { entryDanishWarnings, entryEnglishTexts, quietPlanReader } from './danish-gaps.js';

export interface BuildOptions {
  manifestFile: string;
  /** `--out`, named on the pages' regenerate command when it is not the default (regenerate-command.ts). */
  outDir?: string;
  /** Let manifest inputs lie outside the manifest's folder (`--allow-outside`). */
  allowOutside?: boolean;
  /** Overrides each entry's language. */
  lang?: Lang;
  version: string;
  onProgress?: (message: string) => void;
  /** Reuses charts drawn before from identical specs (see render/chart-cache.ts); none by default. */
  chartCache?: ChartCache;
  /** Told every input file a report reads (as opened), so the caller can keep outputs away from inputs. */
  onInput?: (path: string, entry: ManifestEntry) => void;
  /**
   * The inputs of a report (the files its entry names, and those its plan names), each keyed as the
   * manifest's folder names it, with its SHA-256: recorded in the folder's index, so that
   * `hta report --check` can say which input changed since the report was written.
   */
  inputsOf?: (entry: ManifestEntry) => ReadonlyMap<string, string>;
  /** Told the notes a report has on its inputs (ReportEnv.note). */
  onNote?: (text: string | { en: string; da: string }) => void;
  /** Told each analysis warning of a report (ReportEnv.warn), with the report's id. */
  onWarning?: (id: string, text: string) => void;
  /**
   * The whole manifest when `entries` is a selection (`--only`): a report built is the same as
   * in a full build, so one protected against an earlier entry is protected against it here too.
   */
  allEntries?: readonly ManifestEntry[];
}

/**
 * Per report folder, the list of files `hta report` wrote there with their SHA-256
 * (output-index.ts). A later run overwrites or removes a file only when this list names it and
 * its content is unchanged: a file the user put in a report folder (or an input kept there), or a
 * page edited by hand, is never lost (docs/output-safety.md).
 */
export { REPORT_INDEX };

function reportIndex(own: ReadonlyMap<string, string | Uint8Array>, inputs: ReadonlyMap<string, string> | undefined): string {
  const files = new Map([...own].map(([name, content]) => [name, sha256(content)]));
  return outputIndexText(files, 'Files hta report wrote in this folder, with their SHA-256. It removes a file here only if it is listed and unchanged; see docs/output-safety.md in hta.', inputs);
}

/** Output files keyed by path relative to the output root (forward slashes). */
export type ReportFiles = Map<string, string | Uint8Array>;

/**
 * A report's JSON. JSON.stringify writes C0 controls as `\u001b` but DEL and the C1 controls raw,
 * and a terminal that `cat`s results.json may act on a C1 CSI (U+009B) as on `ESC [`: they are
 * written `\u009b` too, the same string to a JSON reader (docs/output-safety.md#text-on-pages).
 */
const json = (v: unknown) => JSON.stringify(v, null, 2).replace(/[\x7f-\x9f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n';

export async function buildReports(entries: readonly ManifestEntry[], options: BuildOptions): Promise<ReportFiles> {
  preferShortRunJit();
  // vega, vega-lite and resvg load only when a chart must be drawn: a run served from the chart
  // cache does not pay for them.
  let renderer: Promise<{ chartSvg: (name: string, spec: ChartSpec['spec']) => Promise<string>; pool: PngPool }> | undefined;
  const draw = () =>
    (renderer ??= Promise.all([import('./render/render-chart.js'), import('./render/png-pool.js')]).then(([r, p]) => ({ chartSvg: r.chartSvg, pool: p.createPngPool() })));
  // PNGs are drawn by worker threads while this thread analyses and draws the next SVGs; each
  // promise settles to a result (never rejects), so a failure elsewhere leaves none unhandled.
  const pngs: { file: string; chart: ChartSpec; svg: string; png: Promise<{ ok: Uint8Array } | { error: Error }> }[] = [];
  const files: ReportFiles = new Map();
  const indexes: { folder: string; names: string[]; entry: ManifestEntry }[] = [];
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
    }, indexes, (building) => (renderer ? renderer.then((r) => r.pool.helpUntil(building)) : building));
    // This thread would only wait for the last PNGs: it draws some of them itself.
    if (renderer && pngs.length > 0) await (await renderer).pool.helpUntil(Promise.all(pngs.map((p) => p.png)));
    for (const { file, chart, svg, png } of pngs) {
      const r = await png;
      if ('error' in r) throw new HtaError('output.failed', `chart "${chart.name}" could not be drawn as PNG: ${r.error.message}`);
      files.set(file, r.ok);
      options.chartCache?.put(chart.spec, { svg, png: r.ok });
    }
    options.chartCache?.prune();
    for (const { folder, names, entry } of indexes) {
      files.set(`${folder}/${REPORT_INDEX}`, reportIndex(new Map(names.map((n) => [n, files.get(`${folder}/${n}`) as string | Uint8Array])), options.inputsOf?.(entry)));
    }
    return files;
  } finally {
    await stopOffThreadAnalyses();
    if (renderer) await (await renderer).pool.close();
  }
}

async function buildContent(
  entries: readonly ManifestEntry[],
  options: BuildOptions,
  files: ReportFiles,
  drawChart: (pngFile: string, chart: ChartSpec) => Promise<string>,
  pendingIndexes: { folder: string; names: string[]; entry: ManifestEntry }[],
  /** Awaits a report's build, drawing waiting PNGs on this thread while the build waits for another thread's analysis. */
  whileBuilding: <T>(building: Promise<T>) => Promise<T>,
): Promise<void> {
  const memoStore = new Map<string, unknown>();
  const selected = new Set(entries);
  const prepare = (entry: ManifestEntry) => {
    const kind = REPORT_KINDS[entry.kind];
    if (!kind) throw new HtaError('input.invalid', `${options.manifestFile}: report "${entry.id}" has kind "${entry.kind}"; known kinds: ${Object.keys(REPORT_KINDS).join(', ')}`);
    const parsed = kind.entrySchema.safeParse(entry);
    if (!parsed.success) {
      throw new HtaError('input.invalid', `${options.manifestFile}: report "${entry.id}" is not a valid "${entry.kind}" entry`,
        jsonProblems(entry, parsed.error.issues, options.manifestFile, zodShapeHint(kind.entrySchema)).map((p) => ({ ...p, field: `${entry.id}.${p.field ?? ''}` })));
    }
    const env: ReportEnv = {
      input: (path: string, from?: InputOrigin) => {
        const file = manifestInput(options.manifestFile, entry.id, path, options.allowOutside, from);
        options.onInput?.(file, entry);
        return file;
      },
      lang: options.lang ?? entry.lang,
      ...(options.lang ? { runLang: options.lang } : {}),
      version: options.version,
      place: { manifestFile: options.manifestFile, index: (options.allEntries ?? entries).indexOf(entry) },
      memo: <T>(key: string, compute: () => T): T => {
        if (!memoStore.has(key)) {
          const value = compute();
          // A promise that fails before its report awaits it must not count as unhandled.
          if (value instanceof Promise) value.catch(() => undefined);
          memoStore.set(key, value);
        }
        return memoStore.get(key) as T;
      },
      ...(options.onNote ? { note: options.onNote } : {}),
      ...(options.onWarning ? { warn: (text: string) => options.onWarning!(entry.id, text) } : {}),
    };
    return { entry, kind, data: { ...entry, ...(parsed.data as object) } as ManifestEntry & Record<string, unknown>, env };
  };
  // Entries left out by --only are prepared too (as context: an entry's `earlier`), but one that
  // is not valid is simply no context: only the reports built are checked.
  const all = (options.allEntries ?? entries).flatMap((entry) => {
    if (selected.has(entry)) return [prepare(entry)];
    try {
      return [prepare(entry)];
    } catch {
      return [];
    }
  });
  all.forEach((p, i) => {
    p.env.earlier = all.slice(0, i).map((e) => ({ entry: e.data, env: e.env }));
    p.env.later = all.slice(i + 1).map((e) => ({ entry: e.data, env: e.env }));
  });
  const prepared = all.filter((p) => selected.has(p.entry));
  // A Danish page falls back to English where the plan (or the entry) has no "da": said on stderr,
  // so a committee's page with English labels never goes out unnoticed (docs/manifest.md).
  const quietPlans = new Map<string, unknown>();
  for (const { entry, env } of prepared) {
    if (env.lang !== 'da' || !env.warn) continue;
    for (const w of entryDanishWarnings(entry as unknown as Record<string, unknown>, quietPlanReader(env.input, quietPlans))) env.warn(w);
  }
  // Work that can leave the main thread starts now and runs while the reports before it build.
  for (const { kind, data, env } of prepared) kind.prefetch?.(data as ManifestEntry, env);
  // A prefetch that awaits before it sends its job (the uptake analysis first looks for earlier
  // reports of its registry) sends it in a later microtask: let those run now, before the first
  // report's long synchronous analysis, so that every job waits at its worker in manifest order
  // (off-thread.ts) and the first report needing one does not wait behind a later one's.
  await new Promise((resolve) => setImmediate(resolve));
  // One command regenerates every report of the manifest: the same line on each page.
  const command = regenerateCommand(options.manifestFile, process.cwd(), options.outDir, {
    ...(options.lang !== undefined ? { lang: options.lang } : {}),
    ...(options.allowOutside ? { allowOutside: true } : {}),
  });
  // A name in it masked (a YYYYMMDD-hhmm timestamp has a personnummer's shape): said, so the user can rename it.
  const masked = regenerateMaskedNote(options.manifestFile, process.cwd(), options.outDir);
  if (masked) options.onNote?.(masked);
  for (const { entry, kind, data, env } of prepared) {
    options.onProgress?.(`report ${entry.id}: analysing`);
    const content = await whileBuilding(kind.build(data as ManifestEntry, env));
    if (command !== 'hta report') content.page.command = command;
    const folder = reportFolder(entry.out);
    const rendered = new Map<string, { svg: string; alt: string; numbers?: Table }>();
    const pngs: string[] = [];
    for (const drafted of content.charts) {
      // A chart's text is a page's text: no bidi formatting, no raw control character, in its
      // spec, SVG and PNG alike (pageText, docs/output-safety.md#text-on-pages).
      const chart = { ...drafted, spec: pageTextDeep(drafted.spec) };
      // Removal trusts only names a report can write (report-file-names.ts): a chart must have one.
      if (!isChartName(chart.name)) throw new Error(`chart name "${chart.name}" is not lower-case letters, digits and hyphens`);
      options.onProgress?.(`report ${entry.id}: rendering ${chart.name}`);
      // One chart at a time: vega numbers SVG ids from process-wide counters (see render-chart).
      files.set(`${folder}/${chart.name}.vl.json`, json(chart.spec));
      const svg = await drawChart(`${folder}/${chart.name}.png`, chart);
      pngs.push(`${chart.name}.png`);
      rendered.set(chart.name, { svg, alt: chart.alt, ...(chart.numbers ? { numbers: chart.numbers } : {}) });
      files.set(`${folder}/${chart.name}.svg`, standaloneSvg(svg, chart.alt) + '\n');
    }
    // What the Danish page shows in English for want of Danish (the texts warned of above) is marked lang="en" there.
    const english = env.lang === 'da' ? entryEnglishTexts(entry as unknown as Record<string, unknown>, quietPlanReader(env.input, quietPlans)) : [];
    files.set(`${folder}/index.html`, htmlPage({ ...content.page, english: [...(content.page.english ?? []), ...english] }, rendered));
    files.set(`${folder}/README.md`, markdownPage(content.page, rendered));
    files.set(`${folder}/results.json`, json(content.results));
    // PNGs may still be drawing; the index is completed once they are (see buildReports).
    pendingIndexes.push({ folder, names: [...content.charts.flatMap((c) => [`${c.name}.vl.json`, `${c.name}.svg`]), ...pngs, 'index.html', 'README.md', 'results.json'], entry });
  }
}

export interface Drift {
  stale: string[];
  missing: string[];
  /** Files an earlier run wrote (listed in the folder's index, unchanged) that this run would not: removed on regeneration. */
  extra: string[];
  /** The SHA-256 each `extra` file had when it was read (its index's): it is removed only while it still has it. */
  extraSha256: Map<string, string>;
  /** Stale files that hta did not write (not in the folder's index, or an index that is not hta's): never overwritten without --force. */
  foreign: string[];
  /** Stale files an earlier run wrote that were changed since (by hand): never overwritten without --force. */
  edited: string[];
  /**
   * Stale files an earlier run wrote that differ from what it wrote in CRLF line ends only (git
   * core.autocrlf): no one's edit, but never overwritten without --force either. Not in `edited`.
   */
  lineEndings: string[];
  /** Report folders whose index is empty or holds merge-conflict markers: `index` its path (relative), `damaged` why. */
  damagedIndexes: { folder: string; index: string; damaged: string }[];
  /** Files an earlier run wrote and this one would not, but changed since: kept. */
  kept: string[];
  /**
   * Names this run writes where a symbolic link, folder or other non-file stands (`kind`: `a
   * symbolic link`, …): never written through or replaced, `--force` included; not in the lists above.
   */
  blocked: { rel: string; kind: string }[];
}

/**
 * Compares the built files with `outDir`: changed, absent, and files an earlier run wrote in a
 * report folder that this run would not. Only a folder's index says what hta wrote there.
 */
/**
 * Whether two index texts are the same once their inputs' SHA-256 are left out (false when either is
 * no JSON object). The inputs' keys count: an index keyed by paths (written before roles, cli/report.ts
 * `inputHashes`) is rewritten by the next run, so that no path stays in a published folder.
 */
function sameButInputs(current: Buffer, content: string): boolean {
  const strip = (text: string): string | undefined => {
    try {
      const o = JSON.parse(text) as unknown;
      if (o === null || typeof o !== 'object' || Array.isArray(o)) return undefined;
      const { inputs, ...rest } = o as Record<string, unknown>;
      const keys = inputs !== null && typeof inputs === 'object' ? Object.keys(inputs) : [];
      return JSON.stringify({ ...rest, inputKeys: keys }, null, 2);
    } catch {
      return undefined;
    }
  };
  const a = strip(current.toString('utf8'));
  return a !== undefined && a === strip(content);
}

export function compareWithDisk(files: ReportFiles, outDir: string, folders: readonly string[]): Drift {
  const drift: Drift = { stale: [], missing: [], extra: [], extraSha256: new Map(), foreign: [], edited: [], lineEndings: [], damagedIndexes: [], kept: [], blocked: [] };
  const indexes = new Map(folders.map((f) => [f, readOutputIndex(join(outDir, f), REPORT_INDEX)]));
  const folderOf = (rel: string) => folders.find((f) => rel.startsWith(`${f}/`));
  for (const [rel, content] of files) {
    const st = lstatSync(join(outDir, rel), { throwIfNoEntry: false });
    let current: Buffer | undefined;
    try {
      current = readFileSync(join(outDir, rel));
    } catch {
      // Absent, or a folder or a dangling link (below).
    }
    // A folder's index that differs from the one on disk in its inputs' SHA-256 only (an input
    // re-saved with other line endings, say, while every page is the same) is up to date: the
    // inputs are kept only to name the changed input when a page IS stale (docs/manifest.md).
    const same = current?.equals(typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content)) === true
      || (current !== undefined && typeof content === 'string' && rel.endsWith(`/${REPORT_INDEX}`) && sameButInputs(current, content));
    // A link (or a folder) at a page's name that would have to change is never written through or
    // replaced, even with --force: named as what it is, not as stale, edited or missing.
    if (st && !st.isFile() && !same) {
      drift.blocked.push({ rel, kind: kindOf(st) });
      continue;
    }
    if (current === undefined) {
      drift.missing.push(rel);
      continue;
    }
    if (same) continue;
    drift.stale.push(rel);
    const folder = folderOf(rel);
    const index = folder !== undefined ? indexes.get(folder) : undefined;
    const name = folder !== undefined ? rel.slice(folder.length + 1) : rel;
    if (name === REPORT_INDEX) {
      // A damaged index of hta's (a merge conflict) is no file of the user's: named apart.
      if (index?.damaged !== undefined) drift.damagedIndexes.push({ folder: folder!, index: rel, damaged: index.damaged });
      else if (index?.foreign) drift.foreign.push(rel);
      continue;
    }
    // The index's SHA-256, or one an index of a run killed midway records (output-index.ts
    // `interrupted`: its new index beside pages not yet replaced): hta's own, unchanged, either way.
    const own = index === undefined ? [] : ownHashes(index, name);
    if (own.length === 0) drift.foreign.push(rel);
    else if (!own.includes(sha256(current))) (own.some((h) => differsInLineEndingsOnly(current, h)) ? drift.lineEndings : drift.edited).push(rel);
  }
  for (const [folder, index] of indexes) {
    // A file a killed run's index lists (a chart its new index no longer has, which it had not yet removed) is hta's too.
    for (const name of new Set([...index.files.keys(), ...index.interrupted.keys()])) {
      // Only a name a report can write: a foreign or hand-edited index never costs a user's file.
      if (!isReportFileName(name)) continue;
      const rel = `${folder}/${name}`;
      if (files.has(rel)) continue;
      const current = readRegular(join(outDir, rel));
      if (current === undefined) continue;
      const hash = sha256(current);
      if (ownHashes(index, name).includes(hash)) {
        drift.extra.push(rel);
        drift.extraSha256.set(rel, hash);
      } else if (index.files.has(name)) {
        drift.kept.push(rel);
      }
    }
  }
  for (const k of ['stale', 'missing', 'extra', 'foreign', 'edited', 'lineEndings', 'kept'] as const) drift[k].sort();
  drift.blocked.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return drift;
}

/**
 * Removes the extra files compareWithDisk found, each only if it is still a regular file (never a
 * link) with the bytes it had when the run read it (`sha256`, re-read just before the removal):
 * a file changed since — by the user, or by another run — is not hta's to remove, and is kept
 * (returned, for the run to say so; docs/output-safety.md).
 */
export function removeExtraFiles(outDir: string, extra: readonly string[], sha256Of: ReadonlyMap<string, string>): string[] {
  const kept: string[] = [];
  for (const rel of extra) {
    const path = join(outDir, rel);
    const current = readRegular(path);
    if (current === undefined) continue;
    const expected = sha256Of.get(rel);
    if (expected === undefined || sha256(current) !== expected) {
      kept.push(rel);
      continue;
    }
    try {
      unlinkSync(path);
    } catch (err) {
      throw isFsError(err) ? fsFailure(err, 'remove', path) : err;
    }
  }
  return kept;
}
