/**
 * `hta report`: regenerates every report of the manifest (charts as Vega-Lite, SVG and PNG;
 * index.html; README.md; results.json). Everything is built in memory first and written only
 * when all of it succeeded; `--check` writes nothing and exits 1 when files would change.
 */
import { existsSync, lstatSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { publishedName } from '../report/published-name.js';
import { maskCpr } from '../io/cpr-number.js';
import { fileSha256 } from '../io/file-sha256.js';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import type { Command } from 'commander';
import { HtaError } from '../errors.js';
import { writeFilesAtomic } from '../io/write-atomic.js';
import { inputFiles, inputRoles, namedFilesOnce, namedInputs, type InputKind, type NamedFilesReader, type PlanReader, type RoleInput, type TypedInput } from '../io/input-files.js';
import { guardPaths, refuseInputsInside, refuseNonFolder, refuseOutputNames, type PathArg } from './guard-output.js';
import type { CliIo } from './io.js';
import { checkLang } from './options.js';
import { packageVersion } from './version.js';
import { DEFAULT_MANIFEST, DEFAULT_OUT, onlyCommandDiffers, regenerateCommand, rerunCommand } from '../report/regenerate-command.js';
import { lineEndingsRemedy } from '../io/line-endings.js';
import { damagedIndexMessage, readOutputIndex, removeInterruptedIndexes, wroteThere } from '../io/output-index.js';
import { isFsError } from '../io/fs-error.js';
import { doesNotExist } from '../io/missing-file.js';
import { readJsonFile } from '../io/read-json.js';
import { valueSetFile } from '../instruments/valueset.js';
import { otherValueSetBesideManifest, planValueSetIds } from '../report/value-set-inputs.js';

export function registerReport(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('report')
    .description('regenerate the reports of a manifest: charts (Vega-Lite, SVG, PNG), index.html, README.md, results.json')
    .option('--manifest <file>', 'report manifest (JSON)', DEFAULT_MANIFEST)
    .option('--out <dir>', 'root folder of the reports', DEFAULT_OUT)
    .option('--lang <lang>', "language of every report (en or da); default: each report's own")
    .option('--only <ids>', 'only these reports of the manifest (comma-separated ids), e.g. --only uptake')
    .option('--check', 'write nothing (not even the chart cache); exit 1 listing files that are stale, missing or extra')
    .option('--allow-outside', "let the manifest name inputs outside its own folder (absolute paths, .., links); off by default so a manifest cannot read arbitrary files")
    .option('--force', "also replace report files edited by hand since hta wrote them, and files of a report's name that hta did not write (their content is lost); without it, hta report replaces only its own unchanged files")
    .option('--no-cache', 'draw every chart afresh instead of reusing identical ones from your own cache folder (~/.cache/hta/charts, or $HTA_CACHE_DIR), and keep none there')
    .action(async (opts: { manifest: string; out: string; lang?: string; only?: string; check?: boolean; cache: boolean; allowOutside?: boolean; force?: boolean }, command: Command) => {
      if (command.getOptionValueSource('manifest') === 'default') refuseMissingDefaultManifest(opts.manifest);
      refuseOutputNames([], [{ option: '--out', path: opts.out }]);
      // A file or device at --out (or on its way) is refused before any work, --check included.
      refuseNonFolder({ option: '--out', path: opts.out });
      const lang = checkLang(opts.lang);
      // Loaded on use: `hta --help` should not pay for vega and the statistics.
      const { loadManifest, refuseInputsOutside, refuseSharedFolders, reportFolder } = await import('../report/manifest.js');
      const { isPathField } = await import('../report/manifest-path.js');
      const { REPORT_KINDS } = await import('../report/kinds/report-kinds.js');
      const { buildReports, compareWithDisk, removeExtraFiles, REPORT_INDEX } = await import('../report/build-reports.js');
      const { defaultChartCacheDirOrWhyNot, openChartCache, rendererFingerprint } = await import('../report/render/chart-cache.js');
      const manifestEntries = loadManifest(opts.manifest);
      // Two entries whose folders are one on disk (a link) would write over each other's pages.
      refuseSharedFolders(manifestEntries, opts.out, opts.manifest);
      const entries = selectReports(manifestEntries, opts.only, opts.manifest);
      // The analysis worker boots while this thread checks the inputs (off-thread.ts).
      const { prestartAnalysisWorkers } = await import('../report/off-thread.js');
      prestartAnalysisWorkers(entries.filter((e) => REPORT_KINDS[e.kind]?.prefetch !== undefined).length);
      // An uptake entry's previous inside a report folder (another entry's results.json): said
      // with what to do, before the generic refusal of inputs in report folders below.
      const { refusePreviousInReportFolder } = await import('../report/previous-in-report-folder.js');
      refusePreviousInReportFolder(opts.manifest, entries, manifestEntries, opts.out);
      // Every input outside the manifest's folder at once, with its line:column (not only the first read).
      if (!opts.allowOutside) refuseInputsOutside(opts.manifest, entries);
      // Inputs stay out of the folders reports are written to (docs/output-safety.md): checked
      // before the work from the entries' file fields, and after it from what was actually read.
      const reportFolders = entries.map((e) => ({ option: `the folder of report "${e.id}"`, path: join(opts.out, e.out) }));
      const guardInputs = (inputs: PathArg[]) => {
        refuseInputsInside(reportFolders, inputs);
        refuseInputsInside([{ option: '--out', path: opts.out }], inputs);
      };
      // Every file the entries name, and the files those name (a CEA plan's unit costs, …).
      const rootsOf = new Map(entries.map((e) => [e.id, declaredInputs(e, opts.manifest, REPORT_KINDS[e.kind]?.inputKinds ?? {}, (field) => {
        // The fields the kind's schema declares as paths (manifest-path.ts); a text setting such as
        // a meta entry's "preset" names no file.
        const shape = (REPORT_KINDS[e.kind]?.entrySchema as { shape?: Record<string, never> } | undefined)?.shape;
        return shape === undefined || isPathField(shape[field]);
      })]));
      const roots = [...rootsOf.values()].flat();
      // The files each plan names, read once for the three walks below (declared inputs, the
      // plans' missing files, each report's input hashes) instead of once per walk and entry.
      // One reader of the plans for those walks and for the value sets a trial plan names (inputHashes).
      const planJson = jsonOnce();
      const planFiles = namedFilesOnce(planJson);
      const declared = inputFiles(roots, planFiles);
      guardInputs([{ option: '--manifest', path: opts.manifest }, ...declared]);
      // A folder, named pipe or device named by an entry is refused naming the entry and its key
      // (`the data of report "r" dd`), before any reader meets it without knowing whose it is.
      guardPaths({ inputs: declared });
      // Every missing input at once, each with its report and field (--check too: a missing input
      // is no stale page, and CI must say which entry names it): the files the entries name, and
      // the files their plans name (with the plan and its field). A plan's file outside the
      // manifest's folder is left to its reader, which refuses it as outside first.
      refuseMissingInputs([...roots, ...planNamed(entries.map((e) => ({ id: e.id, roots: rootsOf.get(e.id) ?? [] })), opts.manifest, opts.allowOutside === true, planFiles)], opts.manifest);
      // Each report's inputs with their SHA-256, recorded in its folder's index for --check to name a changed one.
      const reportInputs = inputHashes(opts.manifest, (entry) => rootsOf.get(entry.id) ?? [], planFiles, planJson);
      // hta reads only its own value sets: a fork's edited data/valuesets/ beside the manifest is
      // not what its pages were scored with, and an installed hta would otherwise say nothing of it.
      for (const [id, ids] of reportInputs.valueSets(entries)) {
        const other = otherValueSetBesideManifest(opts.manifest, id);
        if (other !== undefined) io.stderr(`note: report ${ids.map((r) => JSON.stringify(r)).join(', ')} read${ids.length === 1 ? 's' : ''} the EQ-5D value set ${id} from this hta (${valueSetFile(id)}), not from ${other} beside the manifest, which differs: hta reads only the value sets it comes with — to score with that file, run the hta of its project (node bin/hta.js there) (docs/manifest.md, "EQ-5D value sets")\n`);
      }
      const started = performance.now();
      const version = packageVersion();
      // --check writes nothing, the cache included: it reads charts drawn before, never adds any.
      const defaultCache = opts.cache && !process.env.HTA_CACHE_DIR ? defaultChartCacheDirOrWhyNot() : undefined;
      const cacheDir = opts.cache ? process.env.HTA_CACHE_DIR || (defaultCache && 'dir' in defaultCache ? defaultCache.dir : undefined) : undefined;
      if (defaultCache && 'none' in defaultCache) io.stderr(`note: no chart cache: ${defaultCache.none}; every chart is drawn afresh — set HTA_CACHE_DIR to a folder of your own to keep them\n`);
      const chartCache = cacheDir ? openChartCache(cacheDir, rendererFingerprint(version), { readOnly: opts.check === true }) : undefined;
      // A folder of the user's named as the cache is left alone (render/chart-cache.ts); say why.
      if (chartCache?.refused) io.stderr(`note: ${chartCache.refused}\n`);
      // On a terminal, one status line ("report uptake: analysing") rewritten in place.
      let status = 0;
      const onProgress = io.stderrIsTTY
        ? (message: string) => {
            io.stderr(`\r${message.padEnd(status)}`);
            status = message.length;
          }
        : undefined;
      const inputs = new Map<string, PathArg>([[opts.manifest, { option: '--manifest', path: opts.manifest }], ...declared.map((d) => [d.path, d] as const)]);
      // Notes on inputs (ids shaped like CPR numbers), each once however many reports read the input.
      const notes = new Set<string>();
      // Each report's analysis warnings (also on its page), once per text with the ids of the reports that carry it.
      const warnings = new Map<string, string[]>();
      let files: Awaited<ReturnType<typeof buildReports>>;
      try {
        files = await buildReports(entries, {
          inputsOf: (entry) => reportInputs.of(entry),
          manifestFile: opts.manifest, outDir: opts.out, version, allowOutside: opts.allowOutside === true, allEntries: manifestEntries,
          onInput: (path, entry) => inputs.set(path, { option: `input of report "${entry.id}"`, path }),
          // In the run's language (--lang; English when each report keeps its own): load-cea-plan.ts noteIn.
          onNote: (text) => notes.add(typeof text === 'string' ? text : text[lang ?? 'en']),
          onWarning: (id, text) => warnings.set(text, [...(warnings.get(text) ?? []), id]),
          ...(lang ? { lang } : {}), ...(chartCache ? { chartCache } : {}), ...(onProgress ? { onProgress } : {}),
        });
      } finally {
        if (status > 0) io.stderr(`\r${' '.repeat(status)}\r`);
      }
      for (const note of notes) io.stderr(`note: ${note}\n`);
      // Damaged cache entries (cut short by a power cut, emptied by a CI cache restore) were drawn
      // again, never published (render/chart-cache.ts); the operator learns the cache was hit.
      const damaged = chartCache?.damaged() ?? 0;
      if (damaged > 0) io.stderr(`note: ${damaged} chart${damaged === 1 ? '' : 's'} in the chart cache (${cacheDir}) ${damaged === 1 ? 'was' : 'were'} damaged (cut short or changed since hta stored ${damaged === 1 ? 'it' : 'them'}: a power cut, a disk that filled, a restored CI cache); ${damaged === 1 ? 'it was' : 'they were'} drawn afresh${opts.check ? '' : ' and the damaged entries replaced'}, so the pages are whole\n`);
      // The analyses' warnings, said once the run gets as far as a result (a check, or pages
      // written): a run refused before writing wrote no page the warnings describe (docs/manifest.md).
      const printWarnings = () => {
        for (const [text, ids] of warnings) io.stderr(`warning: report ${ids.map((id) => JSON.stringify(id)).join(', ')}: ${text}\n`);
      };
      const folders = entries.map((e) => reportFolder(e.out));
      guardInputs([...inputs.values()]);
      const drift = compareWithDisk(files, opts.out, folders);
      // Report folders of hta's that the manifest no longer names (not with --only: the other
      // reports are left out on purpose).
      const { orphanReportFolders } = await import('../report/orphan-folders.js');
      const orphans = opts.only === undefined ? orphanReportFolders(opts.out, folders, REPORT_INDEX) : [];
      // Staging files a run killed midway (kill -9) left in a report folder: part of a page, never
      // to be published (docs/output-safety.md "What kill -9 leaves").
      const { parseAsideName, removeStaleStaging, sayLeftovers, stagingFilesIn } = await import('../io/stale-staging.js');
      // Each folder is listed once: for --check, and for clearing the leftovers before writing.
      const listings = new Map(folders.map((f) => [join(opts.out, f), stagingFilesIn(join(opts.out, f))]));
      const leftovers = folders.flatMap((f) => listings.get(join(opts.out, f))!.map((name) => join(opts.out, f, name)));
      const changed = drift.stale.length + drift.missing.length + drift.extra.length + drift.blocked.length + orphans.length + leftovers.length;
      // A link or folder at a page's name: --force does not replace it either, so it is named first.
      const blockedList = drift.blocked.map((b) => `${join(opts.out, b.rel)} (${b.kind})`).join(', ');
      const blockedRemedy = 'hta never writes through or replaces a link, nor a folder or device, --force included: move them away (or replace a link with a copy of its file), then run again';
      if (opts.check) {
        printWarnings();
        // Which input changed since a report's pages were written (its folder's index has their
        // SHA-256), so that CI says more than "stale" (docs/manifest.md).
        const changedInputs = new Map<string, { id: string; named: string }[]>();
        // Inputs a report read when its pages were written and reads no more (its entry's data repointed).
        const droppedInputs = new Map<string, string[]>();
        for (const [k, e] of entries.entries()) {
          const before = readOutputIndex(join(opts.out, folders[k]!), REPORT_INDEX).inputs;
          if (before.size === 0) continue;
          const now = reportInputs.of(e);
          for (const key of before.keys()) {
            if (!reportInputs.reads(e, key)) droppedInputs.set(key, [...(droppedInputs.get(key) ?? []), `report ${JSON.stringify(e.id)}`]);
          }
          for (const [key, hash] of now) {
            const was = reportInputs.before(before, e, key);
            if (was === hash) continue;
            // An index from before value sets were recorded has none: not "new", only unrecorded.
            if (was === undefined && VALUE_SET_KEY.test(key)) continue;
            const why = was !== undefined ? 'changed since' : 'not read by';
            // As typed on the maintainer's terminal, a CPR-shaped number masked as everywhere hta prints.
            const name = maskCpr(reportInputs.path(e, key));
            const list = changedInputs.get(`${name}\u0000${why}`) ?? [];
            changedInputs.set(`${name}\u0000${why}`, [...list, { id: e.id, named: `report ${JSON.stringify(e.id)} (${reportInputs.field(e, key)})` }]);
          }
        }
        if (changed === 0) {
          io.stdout(`reports are up to date: ${files.size} files in ${folders.length} report(s) under ${opts.out}\n`);
          return;
        }
        // Only now, with something stale: an input whose bytes changed while every page stayed the
        // same (line endings, a re-saved file) is no failure and goes unnamed.
        // Named with the reports whose files are out of date only: a report that reads the input
        // too but whose pages came out the same (a CEA page of a trial export whose changed cell it
        // does not use) is said to be up to date, not left for the maintainer to look into.
        const staleIds = new Set([...drift.stale, ...drift.missing, ...drift.extra].flatMap((rel) => {
          const k = folders.findIndex((folder) => rel.startsWith(`${folder}/`));
          return k < 0 ? [] : [entries[k]!.id];
        }));
        for (const [keyWhy, all] of changedInputs) {
          const [name, why] = keyWhy.split('\u0000') as [string, string];
          const reports = all.filter((r) => staleIds.has(r.id)).map((r) => r.named);
          if (reports.length === 0) continue;
          const same = all.filter((r) => !staleIds.has(r.id)).map((r) => JSON.stringify(r.id));
          const alsoRead = same.length ? `; report ${same.join(', ')}, which read${same.length === 1 ? 's' : ''} it too, ${same.length === 1 ? 'is' : 'are'} up to date` : '';
          io.stdout(why === 'changed since'
            ? `input changed: ${name} — changed since the pages of ${reports.join(', ')} were written${alsoRead}\n`
            : `input new: ${name} — read by ${reports.join(', ')}, which did not read it when its pages were written${alsoRead}\n`);
        }
        // The index names an input by its role and last name (`plan/unitCosts: costs.csv`), no
        // path; one written before roles by its path from the manifest's folder, named as such
        // when that file is still there.
        for (const [key, reports] of droppedInputs) {
          const old = join(dirname(opts.manifest), key);
          const named = /^(.+?): (.+)$/.exec(key);
          io.stdout(`input no longer read: ${maskCpr(existsSync(old) || !named ? old : `${named[2]} (its ${named[1]})`)} — read when the pages of ${reports.join(', ')} were written, no longer\n`);
        }
        // A page edited by hand, or a file hta did not write, is no plain "stale": regenerating
        // refuses it until a person moves it away (or --force), so CI must say which is which.
        const damaged = drift.damagedIndexes;
        // Pages git converted to CRLF on checkout (drift.lineEndings) are no one's edits: said apart, with the remedy.
        const held = new Set([...drift.edited, ...drift.lineEndings, ...drift.foreign, ...damaged.map((d) => d.index)]);
        const stale = drift.stale.filter((f) => !held.has(f));
        // In a folder whose index is damaged (a merge conflict) no file is known to be hta's or not.
        const unknown = new Set(drift.foreign.filter((f) => damaged.some((d) => f.startsWith(`${d.folder}/`))));
        const foreign = drift.foreign.filter((f) => !unknown.has(f));
        const reportOf = (rel: string, more = '') => {
          const k = folders.findIndex((folder) => rel.startsWith(`${folder}/`));
          return k < 0 ? (more ? ` (${more.slice(2)})` : '') : ` (report ${JSON.stringify(entries[k]!.id)}${more})`;
        };
        for (const d of damaged) io.stdout(`unreadable index: ${damagedIndexMessage(join(opts.out, d.index), join(opts.out, d.folder), d.damaged, `regenerate with ${rerunCommand(opts, '--force')}`)}\n`);
        // Pages that differ in their regenerate command only (written by a run with other options,
        // or by an earlier hta from another folder), and the indexes that differ only in listing those
        // pages' SHA-256: said as such, not as a bare "stale" (docs/manifest.md).
        const pagesCommand = regenerateCommand(opts.manifest, process.cwd(), opts.out, { ...(lang !== undefined ? { lang } : {}), ...(opts.allowOutside ? { allowOutside: true } : {}) });
        const commandOnly = commandOnlyFiles(stale, files, opts.out, pagesCommand, REPORT_INDEX);
        const why = (f: string) => {
          const was = commandOnly.get(f);
          // An index an earlier hta wrote, its inputs keyed by path (inputHashes): why CI fails after an upgrade.
          if (was === undefined && f.endsWith(`/${REPORT_INDEX}`) && [...readOutputIndex(join(opts.out, dirname(f)), REPORT_INDEX).inputs.keys()].some((key) => !key.includes(': '))) {
            return '; written by an earlier hta, which named its inputs by their paths: regenerate once to name them by role and last name';
          }
          return was === undefined ? '' : f.endsWith(`/${REPORT_INDEX}`) ? '; it differs only in the SHA-256 of the pages below' : `; only its regenerate command differs: \`${was}\``;
        };
        for (const [what, list] of [['stale', stale], ['edited', drift.edited], ['differs only in line endings (git core.autocrlf?)', drift.lineEndings], ['not written by hta', foreign], ["cannot tell whether hta wrote it (its folder's index is unreadable)", [...unknown]], ['missing', drift.missing], ['extra', drift.extra]] as const) {
          // A stale or missing file named with its report (the manifest entry's id), so that CI says which report to look at.
          for (const f of list) io.stdout(`${what}: ${join(opts.out, f)}${what === 'stale' || what === 'missing' ? reportOf(f, why(f)) : ''}\n`);
        }
        for (const b of drift.blocked) io.stdout(`not a regular file (${b.kind}): ${join(opts.out, b.rel)}\n`);
        for (const f of orphans) io.stdout(`not in the manifest: ${join(opts.out, f)}/ (a report hta wrote that the manifest no longer names: delete the folder, or name it in the manifest again)\n`);
        for (const f of leftovers) {
          const aside = parseAsideName(basename(f));
          io.stdout(aside?.stem === REPORT_INDEX
            ? `left by an interrupted run: ${f} (the folder's earlier index, which a stopped hta report set aside while replacing it; the next hta report removes it once the folder's files are in place)\n`
            : aside !== undefined
            ? `left by an interrupted run: ${f} (an earlier page a stopped hta report set aside while replacing it; hta removes it only while the page in its place has the same bytes, or the bytes an hta report wrote there before — else look at it and delete it)\n`
            : `left by an interrupted run: ${f} (a staging file, part of a page a stopped hta report was writing; never publish it: the next hta report removes it when its process no longer runs — else delete it)\n`);
        }
        if (drift.blocked.length) io.stdout(`${drift.blocked.length} report file name(s) taken by something that is not a regular file: ${blockedRemedy}\n`);
        const fileCount = changed - orphans.length - leftovers.length - drift.blocked.length;
        const byHand = held.size - drift.lineEndings.length - unknown.size - damaged.length;
        const was = [...new Set([...commandOnly.values()].filter((c) => c !== ''))];
        if (was.length > 0) {
          io.stdout(`${commandOnly.size} of these file(s) differ only in the regenerate command their pages name: they were written by ${was.map((c) => `\`${c}\``).join(', ')}, this check would write \`${pagesCommand}\` — nothing else in them differs: run hta report with the same --lang and --allow-outside each time (an earlier hta also named a command that depended on the folder it was run from)\n`);
        }
        if (fileCount > 0) io.stdout(`${fileCount} file(s) out of date; run ${rerunCommand(opts)} to regenerate${byHand ? ` (${byHand} of them edited by hand or not written by hta: move them away first, or regenerate with ${rerunCommand(opts, '--force')}, which replaces them)` : ''}${damaged.length ? `, once the unreadable index above is mended` : ''}\n`);
        if (drift.lineEndings.length) io.stdout(`${drift.lineEndings.length} file(s) differ only in line endings (git core.autocrlf?): ${lineEndingsRemedy(opts.out, rerunCommand(opts, '--force'))}\n`);
        setExit(1);
        return;
      }
      if (drift.blocked.length > 0) throw new HtaError('output.failed', `refusing to write ${drift.blocked.length} report file(s) where something that is not a regular file stands: ${blockedList} — ${blockedRemedy}; nothing was written`);
      // With its index damaged, hta cannot tell its own files in a folder from the user's: that first.
      if (!opts.force && drift.damagedIndexes.length > 0) {
        const force = `regenerate with ${rerunCommand(opts, '--force')}`;
        throw new HtaError('output.failed', `${drift.damagedIndexes.map((d) => damagedIndexMessage(join(opts.out, d.index), join(opts.out, d.folder), d.damaged, force)).join('; and ')}; nothing was written`);
      }
      // A file of the user's with a report's name, or a page of hta's edited by hand, is never
      // overwritten without --force (docs/output-safety.md).
      if (!opts.force && drift.foreign.length + drift.edited.length + drift.lineEndings.length > 0) {
        const list = (rels: string[]) => rels.map((f) => join(opts.out, f)).join(', ');
        const { edited, lineEndings } = drift;
        const why = [
          ...(drift.foreign.length ? [`${drift.foreign.length} file(s) that hta report did not write (they are not in their folder's ${REPORT_INDEX}): ${list(drift.foreign)} — move them away (or delete them if they are an old report)`] : []),
          ...(edited.length ? [`${edited.length} file(s) edited since hta wrote it: ${list(edited)} — move your copy away`] : []),
          ...(lineEndings.length ? [`${lineEndings.length} file(s) that differ only in line endings from what hta wrote (git core.autocrlf?): ${list(lineEndings)} — ${lineEndingsRemedy(opts.out, rerunCommand(opts, '--force'))}`] : []),
        ];
        // The line-endings remedy already names --force; the others are offered it here.
        const orForce = drift.foreign.length + edited.length > 0 ? `; or replace them with ${rerunCommand(opts, '--force')}` : '';
        throw new HtaError('output.failed', `refusing to overwrite ${why.join('; and ')}${orForce}; nothing was written — --only <ids> regenerates the other reports`);
      }
      const toWrite = new Map([...drift.stale, ...drift.missing].map((rel) => [join(opts.out, rel), files.get(rel) as string | Uint8Array]));
      guardPaths({ inputs: [...inputs.values()], folderFiles: [...toWrite.keys()].map((path) => ({ option: '--out', path })) });
      // Stale files are hta's own, unchanged since it wrote them (or --force): those may be
      // replaced; a missing one must still be missing when it is put in place.
      // A missing file that another run of the same reports put in place meanwhile, byte for byte
      // what this run would write, is kept; one with other bytes is refused without offering
      // --force (it was just written, not an old file of the user's: docs/output-safety.md).
      // Leftovers of a killed run beside this run's files go, also beside files that are up to date
      // (those written now are cleared as they are staged: write-atomic.ts).
      for (const rel of files.keys()) {
        const dir = dirname(join(opts.out, rel));
        if (!toWrite.has(join(opts.out, rel))) removeStaleStaging(dir, basename(rel), listings.get(dir), wroteThere(dir, basename(rel)));
      }
      // Settled: a Ctrl-C that lands while the batch is put in place ends the run with its summary,
      // exit 0, as every file is then in place (docs/output-safety.md).
      await writeFilesAtomic(toWrite, { replace: new Set(drift.stale.map((rel) => join(opts.out, rel))), keepIdentical: true, settle: true });
      // Each re-checked just before it goes: one changed while the run built (by hand, or by another run) is kept.
      const changedMeanwhile = removeExtraFiles(opts.out, drift.extra, drift.extraSha256);
      const removedCount = drift.extra.length - changedMeanwhile.length;
      // Every folder now matches its index: the indexes a run killed midway left (its new one not
      // yet in place, or its copy of the one it replaced) are no longer needed, and go
      // (docs/output-safety.md#kill-9).
      for (const f of folders) removeInterruptedIndexes(join(opts.out, f), REPORT_INDEX);
      // What was done with killed runs' leftovers, one note for each kind, before the run's last line.
      sayLeftovers();
      printWarnings();
      // What the run did, in the run's language (--lang da: docs/cli.md "Danish output"; the prefix is main.ts's).
      const da = lang === 'da';
      for (const rel of [...drift.kept, ...changedMeanwhile].sort()) {
        io.stderr(da
          ? `beholdt ${join(opts.out, rel)}: en tidligere kørsel skrev den, men den er ændret siden, så den fjernes ikke\n`
          : `kept ${join(opts.out, rel)}: an earlier run wrote it, but it has changed since, so it is not removed\n`);
      }
      for (const f of orphans) {
        io.stderr(da
          ? `note: ${join(opts.out, f)}/ er en rapport, hta har skrevet, som manifestet ikke længere nævner; den beholdes, som den er (med sine gamle tal): slet mappen, hvis den ikke skal offentliggøres\n`
          : `note: ${join(opts.out, f)}/ is a report hta wrote that the manifest no longer names; it is kept as it is (with its old numbers): delete the folder if it should not be published\n`);
      }
      const ms = Math.round(performance.now() - started);
      io.stderr(da
        ? `${files.size} filer i ${folders.length} rapport(er) under ${opts.out}: ${toWrite.size} skrevet, ${removedCount} fjernet (${ms} ms)\n`
        : `${files.size} files in ${folders.length} report(s) under ${opts.out}: ${toWrite.size} written, ${removedCount} removed (${ms} ms)\n`);
    });
}

/**
 * The stale files that differ from what this run writes in the pages' regenerate command only
 * (regenerate-command.ts `onlyCommandDiffers`), each with the command it names; and a report
 * folder's index (with '') whose every stale page is such a page, when the index differs from this
 * run's in those pages' SHA-256 only.
 */
function commandOnlyFiles(stale: readonly string[], files: ReadonlyMap<string, string | Uint8Array>, outDir: string, command: string, indexName: string): Map<string, string> {
  const out = new Map<string, string>();
  const read = (rel: string) => {
    try {
      return readFileSync(join(outDir, rel), 'utf8');
    } catch {
      return undefined;
    }
  };
  for (const rel of stale) {
    if (!/\/(README\.md|index\.html)$/.test(rel)) continue;
    const now = files.get(rel);
    const before = read(rel);
    const was = typeof now === 'string' && before !== undefined ? onlyCommandDiffers(before, now, command) : undefined;
    if (was !== undefined) out.set(rel, was);
  }
  for (const rel of stale) {
    if (!rel.endsWith(`/${indexName}`)) continue;
    const folder = rel.slice(0, -indexName.length);
    const pages = stale.filter((f) => f.startsWith(folder) && f !== rel);
    if (pages.length === 0 || !pages.every((f) => out.has(f))) continue;
    const listed = (text: string | undefined) => {
      try {
        const o = JSON.parse(text ?? '') as { files?: Record<string, string>; inputs?: unknown };
        const { inputs: _inputs, ...rest } = o;
        return JSON.stringify({ ...rest, files: Object.fromEntries(Object.entries(o.files ?? {}).filter(([name]) => !out.has(`${folder}${name}`))) });
      } catch {
        return undefined;
      }
    };
    const now = files.get(rel);
    const before = listed(read(rel));
    if (typeof now === 'string' && before !== undefined && before === listed(now)) out.set(rel, '');
  }
  return out;
}

/**
 * The files an entry names (any text field, or list of texts, besides id, kind, out and lang), as
 * paths to read, each with what its kind says it is (a plan names files of its own).
 */
function declaredInputs(entry: Record<string, unknown> & { id: string }, manifest: string, kinds: Readonly<Record<string, InputKind>>, isPath: (field: string) => boolean): RoleInput[] {
  return Object.entries(entry)
    .filter(([field]) => !['id', 'kind', 'out', 'lang'].includes(field) && isPath(field))
    .flatMap(([field, value]) => (typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []).map((path, k, all) => ({
      option: `the ${field} of report "${entry.id}"`,
      path: isAbsolute(path) ? path : join(dirname(manifest), path),
      kind: kinds[field] ?? 'file',
      // What names it in the entry, for the folder's index (inputHashes): `data`, or `data[2]` of a list.
      role: all.length > 1 ? `${field}[${k}]` : field,
    })));
}

/**
 * Each report's inputs — the files its entry names and the files those name (a plan's unit costs)
 * — keyed by their roles (`data`, `plan`, `plan/trialPlan/adverseEvents.file`: input-files.ts
 * `inputRoles`) and last names as the pages print them (`data: udtræk DDMMYY-XXXX.csv`), with their SHA-256; each file is read once however many reports name it. A folder
 * (a Parquet export) has no SHA-256 here and is left out. Not by path: the index is published with
 * the report, and a path as the manifest names it can hold a person's folder names (`Anna
 * Jensen/OneDrive - …/`) or a CPR number in a file name — nor by a hash of the path, from which a
 * number in a known folder is found by trying them all (docs/output-safety.md).
 * An index written before roles (keyed by the path relative to the manifest's folder) is still
 * read: `before` gives an input's earlier SHA-256 under either key.
 */
function inputHashes(manifest: string, rootsOf: (entry: { id: string }) => readonly RoleInput[], planFiles: NamedFilesReader, planJson: PlanReader) {
  const base = dirname(manifest);
  const keyOf = (path: string) => relative(base, path).split(sep).join('/');
  const hashes = new Map<string, string | undefined>();
  const paths = new Map<string, Map<string, string>>();
  const fields = new Map<string, Map<string, string>>();
  const hashOf = (path: string) => {
    if (!hashes.has(path)) hashes.set(path, hashFile(path));
    return hashes.get(path);
  };
  const memo = new Map<string, Map<string, string>>();
  const valueSetsRead = new Map<string, string[]>();
  return {
    of(entry: { id: string }): ReadonlyMap<string, string> {
      const known = memo.get(entry.id);
      if (known) return known;
      const out = new Map<string, string>();
      const named = new Map<string, string>();
      const where = new Map<string, string>();
      for (const input of inputRoles(rootsOf(entry), planFiles)) {
        const hash = hashOf(input.path);
        if (hash === undefined) continue;
        // The role and the file's last name as the pages name it (masked: report/published-name.ts),
        // so that an entry repointed at another file reads as a new input, not a changed one.
        const key = `${input.role}: ${publishedName(input.path)}`;
        out.set(key, hash);
        where.set(key, input.path);
        // "the data of report "x"" → "its data"; a file a plan names keeps its plan and field.
        const field = input.option.replace(/^the (\S+) of report ".*"$/, 'its $1');
        named.set(key, field);
        // The EQ-5D value sets a trial plan scores with are read from hta's own data/valuesets/:
        // inputs too, else an edited set moves every EQ-5D page with no input named (docs/manifest.md).
        if (input.kind !== 'trial-plan') continue;
        for (const id of valueSetsOf(input.path, valueSetsRead, planJson)) {
          const file = valueSetFile(id);
          const setHash = hashOf(file);
          if (setHash === undefined) continue;
          const setKey = `${input.role}/valueSet: ${id}.json`;
          out.set(setKey, setHash);
          where.set(setKey, file);
          named.set(setKey, `the EQ-5D value set of ${field}`);
        }
      }
      fields.set(entry.id, named);
      paths.set(entry.id, where);
      memo.set(entry.id, out);
      return out;
    },
    /** The SHA-256 the folder's index recorded for the entry's input `key` (under its path in an index from before roles). */
    before(recorded: ReadonlyMap<string, string>, entry: { id: string }, key: string): string | undefined {
      if (recorded.has(key)) return recorded.get(key);
      const path = paths.get(entry.id)?.get(key);
      return path === undefined ? undefined : recorded.get(keyOf(path));
    },
    /** Whether an index key is one of the entry's inputs now (by role, or by path in an index from before roles). */
    reads(entry: { id: string }, key: string): boolean {
      const where = paths.get(entry.id);
      return where?.has(key) === true || [...(where?.values() ?? [])].some((p) => keyOf(p) === key);
    },
    /**
     * The input as the user would type it (relative to the current folder, as the manifest's
     * entries are read); a value set of hta's own from the current folder when it lies in it (a
     * fork's `data/valuesets/…`), else as hta reads it.
     */
    path: (entry: { id: string }, key: string) => {
      const path = paths.get(entry.id)?.get(key) ?? key;
      const fromCwd = isAbsolute(path) ? relative(process.cwd(), path) : path;
      return fromCwd.startsWith('..') || isAbsolute(fromCwd) ? path : fromCwd;
    },
    /** Each value set the entries read (its id and file), with the ids of the reports that read it. */
    valueSets(entries: readonly { id: string }[]): Map<string, string[]> {
      const readers = new Map<string, string[]>();
      for (const e of entries) {
        this.of(e);
        for (const [key, path] of paths.get(e.id) ?? []) {
          const id = VALUE_SET_KEY.exec(key)?.[1];
          if (id !== undefined && path === valueSetFile(id)) readers.set(id, [...new Set([...(readers.get(id) ?? []), e.id])]);
        }
      }
      return readers;
    },
    /** What the entry calls it: `its data`, `data/plans/x.cea.json's "unitCosts"`. */
    field: (entry: { id: string }, key: string) => fields.get(entry.id)?.get(key) ?? key,
  };
}

/** An index key of a value set a trial plan scores with (`plan/valueSet: dk-5l-2021.json`), its id captured. */
const VALUE_SET_KEY = /^\S+\/valueSet: (.+)\.json$/;

/**
 * The value set ids a trial plan's EQ-5D outcomes score with (none for a plan that cannot be read:
 * its reader says why); `valueSetsRead` keeps them per run (a report's en and da entries name the
 * same plan), and `planJson` is the run's one reader of plans, which the walks over the files
 * plans name have read it with already — a second read of every trial plan before.
 */
function valueSetsOf(plan: string, valueSetsRead: Map<string, string[]>, planJson: PlanReader): string[] {
  let ids = valueSetsRead.get(plan);
  if (ids === undefined) {
    try {
      ids = planValueSetIds(planJson(plan, 'analysis plan'));
    } catch {
      ids = [];
    }
    valueSetsRead.set(plan, ids);
  }
  return ids;
}

/**
 * The files the entries' plans name, at any depth, each labelled with the plan, its field and the
 * report (`data/plans/selfback.cea.json's "unitCosts" (report "cea")`); with `allowOutside` false,
 * only those inside the manifest's folder.
 */
function planNamed(entries: readonly { id: string; roots: readonly TypedInput[] }[], manifest: string, allowOutside: boolean, planFiles: NamedFilesReader): PathArg[] {
  const folder = dirname(manifest);
  const out: PathArg[] = [];
  const visit = (input: TypedInput, id: string, depth: number) => {
    if (depth > 8) return;
    const children = namedInputs(input, planFiles);
    const outside = (path: string) => {
      const rel = relative(folder, path);
      return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
    };
    // A plan naming a file outside the folder is its reader's to refuse first, as outside.
    if (!allowOutside && children.some((c) => outside(c.path))) return;
    for (const child of children) {
      out.push({ option: `${child.option} (report ${JSON.stringify(id)})`, path: child.path });
      visit(child, id, depth + 1);
    }
  };
  for (const e of entries) for (const r of e.roots) visit(r, e.id, 0);
  return out;
}

/**
 * The SHA-256 of the regular file at `path`, through a symbolic link (an input may be a link to
 * its file), read 1 MiB at a time: a registry export of gigabytes is never held whole, and one
 * over 2 GiB is hashed like any other. Undefined for a folder (a Parquet export) or a file that
 * cannot be read.
 */
function hashFile(path: string): string | undefined {
  try {
    return statSync(path).isFile() ? fileSha256(path) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Refuses (exit 2, before any report is read) when an input an entry names is not there: every one at once, each with the report, the field and the path
 * (`the data of report "selfback" data/x.csv — the file does not exist`), so that a CI run of
 * `hta report --check` says which manifest entry to mend (docs/manifest.md).
 */
function refuseMissingInputs(inputs: readonly PathArg[], manifest: string): void {
  // One path named by several entries (a trial export of an English and a Danish page) is one
  // problem naming every entry.
  const byPath = new Map<string, string[]>();
  for (const a of inputs) byPath.set(a.path, [...new Set([...(byPath.get(a.path) ?? []), a.option])]);
  const missing: string[] = [];
  for (const [path, options] of byPath) {
    const a = { option: options.join(', '), path };
    try {
      statSync(a.path);
    } catch (err) {
      if (!isFsError(err) || (err.code !== 'ENOENT' && err.code !== 'ENOTDIR')) continue;
      // A link whose file is gone is said as such: "does not exist" would send the user looking for the link.
      let link: string | undefined;
      try {
        link = lstatSync(a.path).isSymbolicLink() ? readlinkSync(a.path) : undefined;
      } catch {
        link = undefined;
      }
      missing.push(`${a.option} ${a.path} — ${link === undefined ? doesNotExist(a.path) : `it is a link to ${link}, which does not exist`}`);
    }
  }
  if (missing.length === 0) return;
  throw new HtaError('input.unreadable', `${missing.length === 1 ? 'an input' : `${missing.length} inputs`} of ${manifest} cannot be read: ${missing.join('; ')}; nothing was read or written`);
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

/**
 * `hta report` with no --manifest, in a folder without data/reports.json: says where it looked
 * (relative to the current folder, which it names) and how to name another manifest — with the
 * one in the current folder when there is one (`cd data; hta report` beside `reports.json`)
 * (docs/manifest.md). A manifest named by --manifest goes to the reader's usual message.
 */
function refuseMissingDefaultManifest(manifest: string): void {
  if (existsOrLink(manifest)) return;
  const here = ['reports.json', basename(manifest)].find((name) => existsOrLink(name));
  // The current folder is said, not named: every other path on stderr is as the user typed it
  // (or relative to the current folder), and its full path names the home folder, a person's
  // folder or a CPR-shaped one (masked, but still a folder of someone's), pasted with the error
  // into a ticket; `pwd` gives it to whoever needs it (docs/cli.md, "File names").
  throw new HtaError('input.unreadable', `cannot read report manifest ${manifest}: the file does not exist — without --manifest, hta report reads ${manifest} under the current folder; name another manifest with --manifest <file>${here ? `: ${here} is in the current folder (--manifest ${here})` : ''}`);
}

/** Whether anything is at `path` (a broken link too: the reader then says what is wrong with it). */
const existsOrLink = (path: string): boolean => {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
};

/**
 * `readJsonFile` for one run of the checks: each plan read once, and a plan that cannot be read
 * failing the same way each time it is asked (its readers name nothing for it; the build says why).
 */
function jsonOnce(): PlanReader {
  const known = new Map<string, { json: unknown } | { error: unknown }>();
  return (path, what) => {
    let got = known.get(path);
    if (!got) {
      try {
        got = { json: readJsonFile(path, what) };
      } catch (error) {
        got = { error };
      }
      known.set(path, got);
    }
    if ('error' in got) throw got.error;
    return got.json;
  };
}
