/**
 * `hta report`: regenerates every report of the manifest (charts as Vega-Lite, SVG and PNG;
 * index.html; README.md; results.json). Everything is built in memory first and written only
 * when all of it succeeded; `--check` writes nothing and exits 1 when files would change.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { HtaError } from '../errors.js';
import { writeFilesAtomic } from '../io/write-atomic.js';
import type { CliIo } from './io.js';
import { checkLang } from './options.js';
import { packageVersion } from './version.js';

export function registerReport(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('report')
    .description('regenerate the reports of a manifest: charts (Vega-Lite, SVG, PNG), index.html, README.md, results.json')
    .option('--manifest <file>', 'report manifest (JSON)', 'data/reports.json')
    .option('--out <dir>', 'root folder of the reports', 'reports')
    .option('--lang <lang>', "language of every report (en or da); default: each report's own")
    .option('--only <ids>', 'only these reports of the manifest (comma-separated ids), e.g. --only uptake')
    .option('--check', 'write nothing; exit 1 listing files that are stale, missing or extra')
    .option('--allow-outside', "let the manifest name inputs outside its own folder (absolute paths, .., links); off by default so a manifest cannot read arbitrary files")
    .option('--no-cache', 'draw every chart afresh instead of reusing identical ones from node_modules/.cache/hta (or $HTA_CACHE_DIR)')
    .action(async (opts: { manifest: string; out: string; lang?: string; only?: string; check?: boolean; cache: boolean; allowOutside?: boolean }) => {
      const lang = checkLang(opts.lang);
      // Loaded on use: `hta --help` should not pay for vega and the statistics.
      const { loadManifest } = await import('../report/manifest.js');
      const { buildReports, compareWithDisk } = await import('../report/build-reports.js');
      const { defaultChartCacheDir, openChartCache, rendererFingerprint } = await import('../report/render/chart-cache.js');
      const entries = selectReports(loadManifest(opts.manifest), opts.only, opts.manifest);
      const started = performance.now();
      const version = packageVersion();
      const chartCache = opts.cache ? openChartCache(process.env.HTA_CACHE_DIR || defaultChartCacheDir(), rendererFingerprint(version)) : undefined;
      // On a terminal, one status line ("report uptake: analysing") rewritten in place.
      let status = 0;
      const onProgress = io.stderrIsTTY
        ? (message: string) => {
            io.stderr(`\r${message.padEnd(status)}`);
            status = message.length;
          }
        : undefined;
      let files: Awaited<ReturnType<typeof buildReports>>;
      try {
        files = await buildReports(entries, {
          manifestFile: opts.manifest, version, allowOutside: opts.allowOutside === true,
          ...(lang ? { lang } : {}), ...(chartCache ? { chartCache } : {}), ...(onProgress ? { onProgress } : {}),
        });
      } finally {
        if (status > 0) io.stderr(`\r${' '.repeat(status)}\r`);
      }
      const folders = entries.map((e) => e.out.replace(/\/+$/, ''));
      const drift = compareWithDisk(files, opts.out, folders);
      const changed = drift.stale.length + drift.missing.length + drift.extra.length;
      if (opts.check) {
        if (changed === 0) {
          io.stdout(`reports are up to date: ${files.size} files in ${folders.length} report(s) under ${opts.out}\n`);
          return;
        }
        for (const [what, list] of [['stale', drift.stale], ['missing', drift.missing], ['extra', drift.extra]] as const) {
          for (const f of list) io.stdout(`${what}: ${join(opts.out, f)}\n`);
        }
        io.stdout(`${changed} file(s) out of date; run \`hta report\` to regenerate\n`);
        setExit(1);
        return;
      }
      const toWrite = new Map([...drift.stale, ...drift.missing].map((rel) => [join(opts.out, rel), files.get(rel) as string | Uint8Array]));
      writeFilesAtomic(toWrite);
      for (const rel of drift.extra) rmSync(join(opts.out, rel), { force: true });
      const ms = Math.round(performance.now() - started);
      io.stderr(`${files.size} files in ${folders.length} report(s) under ${opts.out}: ${toWrite.size} written, ${drift.extra.length} removed (${ms} ms)\n`);
    });
}

/** The manifest entries named by `--only` (all without it), in manifest order; an unknown id is a usage error. */
export function selectReports<E extends { id: string }>(entries: readonly E[], only: string | undefined, manifest: string): E[] {
  if (only === undefined) return [...entries];
  const ids = only.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = ids.filter((id) => !entries.some((e) => e.id === id));
  if (ids.length === 0 || unknown.length > 0) {
    throw new HtaError('usage.invalid', `--only ${JSON.stringify(only)}: ${ids.length === 0 ? 'no report id given' : `no report ${unknown.map((u) => JSON.stringify(u)).join(', ')} in ${manifest}`}; its reports are ${entries.map((e) => e.id).join(', ')}`);
  }
  return entries.filter((e) => ids.includes(e.id));
}
