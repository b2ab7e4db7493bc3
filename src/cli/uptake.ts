/**
 * `hta uptake <registry.csv|.parquet> --eligible <csv> --plan <plan> [--json] [--csv-dir <dir>]`
 * (or `--aggregates <dir|files…>` instead of the registry): regional uptake, equity, clinic
 * variation and budget impact of the app from a registry export, read and aggregated by the
 * embedded SQL engine (`--memory-limit`, `--threads`; docs/uptake-aggregates.md).
 *
 * Everything printed or written comes from `analyseUptake`, which has already applied disclosure
 * control: hidden counts, and everything derived from them, arrive as the one marker "suppressed"
 * (docs/disclosure-control.md), and this file only formats them — it never sees a hidden count or
 * a patient id. `--audit` runs the independent attacker (`auditPublishedUptake`) on exactly what
 * would be printed, and reports each suppressed cell's interval and the information loss.
 */
import { join } from 'node:path';
import type { Command } from 'commander';
import { formatNumberForExport } from '../io/format-number.js';
import { type AtomicSink, openAtomicSink, type WriteOptions } from '../io/write-atomic.js';
import { checkFolderOutputs, folderOutputNames, writeFolderFiles } from '../io/write-folder.js';
import { csvCell, csvCellIn, toCsv, toCsvIn, type CsvCell, type SpreadsheetDialect } from '../io/write-csv.js';
import type { Lang } from '../report/i18n.js';
import { monthText } from '../report/date-text.js';
import { renderTextTable } from '../report/text-table.js';
import { uptakeTables } from '../report/uptake-tables.js';
import { loadUptakePlanFile, lowThresholdWarning, placeholderWarning, publicationOf, type UptakePlan } from '../uptake/uptake-plan.js';
import { excludedDetailLines, registryEncodingNote, uptakeInputNotes } from '../uptake/input-notes.js';
import { EXCLUSION_KIND_WORDS } from '../uptake/published-exclusion.js';
import { excludedRowsCell } from '../uptake/disclosure/excluded-count.js';
import { clinicSpellingsNotes } from '../uptake/clinic-names.js';
import { HtaError, type Problem } from '../errors.js';
import { EXCLUDED_ROW_HEADER, excludedRowCells } from '../problem-groups.js';
import { registryCopyDialect } from '../uptake/registry-copy-dialect.js';
import type { UptakeAnalysis, UptakeRun } from '../uptake/uptake-analysis.js';
import type { AuditReport, PublishedUptake } from '../uptake/disclosure/attacker-audit.js';
import { noPreviousNote, unchainedBefore } from '../uptake/disclosure/unchained-publication.js';
import { auditText, type UptakeAuditResult } from '../uptake/disclosure/audit-text.js';
import { periodEnd, readPreviousFiles, uncarriedNote, type PreviousFile, type PreviousPublication } from '../uptake/disclosure/previous-publication.js';
import { type CliIo, printData } from './io.js';
import { checkLang, FORCE_OPTION } from './options.js';
import { inputFiles } from '../io/input-files.js';
import { guardPaths, refuseInputsInside, refuseMissingInputs, refuseOutputNames } from './guard-output.js';
import { DEFAULT_MEMORY_LIMIT, parseMemoryLimit, parseThreads } from '../uptake/engine/engine-limits.js';

/** Whether the attacker audit found anything that fails a publication (exit 1), in the run's audit and a published file's alike. */
function auditFinds(a: AuditReport): boolean {
  return a.narrow.length > 0 || a.disclosedDifferences.length > 0 || a.costsOnSuppressed.length > 0 || a.absentRows.length > 0;
}

/** The readable summary printed without --json: the tables of `uptakeTables`, as plain text. */
export function uptakeSummary(a: UptakeAnalysis, lang: Lang = 'en'): string {
  const tables = uptakeTables(a, lang);
  const notes = uptakeInputNotes(a, lang);
  const out = [tables.preamble.join('\n') + '\n' + (notes.length ? notes.join('\n') + '\n' : '')];
  for (const key of ['activation', 'uptake', 'equity', 'clinics', 'observed', 'projection', 'regionTotals', 'sensitivity'] as const) {
    const { title, intro, table } = tables[key];
    out.push([title, ...(intro.length ? [intro.join('\n')] : []), ...(table ? [renderTextTable(table)] : [''])].join('\n\n'));
  }
  return out.join('\n');
}

export type { UptakeAuditResult } from '../uptake/disclosure/audit-text.js';

/** The audit of a run: the attacker reads the analysis exactly as `--json` would print it. */
export async function uptakeAudit(run: UptakeRun, previous?: PreviousPublication, previousRead: readonly PreviousFile[] = []): Promise<UptakeAuditResult> {
  const [{ lossShare }, { auditAsRead }] = await Promise.all([import('../uptake/disclosure/attacker-audit.js'), import('../uptake/disclosure/published-audit.js')]);
  const published = JSON.parse(JSON.stringify(run.analysis)) as PublishedUptake & Pick<UptakeAnalysis, 'suppression'>;
  const { threshold, protectionLevel, zerosSensitive } = published.suppression;
  // Other cuts of the same extract (--previous files of this export date) are read with it as one publication.
  const sameExtract = previousRead
    .map((p) => ({ file: p.file, json: p.json as PublishedUptake }))
    .filter((p) => p.json.exportDate === published.exportDate);
  const { audit } = auditAsRead(published, { threshold, protectionLevel, zerosSensitive }, previous, sameExtract.map((p) => p.json));
  return {
    audit,
    informationLoss: { cellShare: lossShare(audit.suppressedCells, audit.countCells), countShare: lossShare(run.loss.hiddenCount, run.loss.totalCount) },
    earlier: previous?.exportDates ?? [],
    ...(unchainedBefore(previous?.unchained, published.exportDate).length > 0 ? { unchained: unchainedBefore(previous?.unchained, published.exportDate) } : {}),
    ...(sameExtract.length > 0 ? { sameExtract: sameExtract.map((p) => p.file) } : {}),
  };
}

/**
 * Without --previous, when the export's last printed period (month, or year) is partial: its
 * counts and the whole-export totals will grow with the next export, and the two publications
 * can be subtracted (docs/disclosure-control.md "Publishing again").
 */
export function partialLastPeriod(a: UptakeAnalysis, lang: Lang = 'en'): string | undefined {
  const monthly = a.metrics.some((m) => m.periodType === 'month');
  const period = monthly ? a.exportDate.slice(0, 7) : a.exportDate.slice(0, 4);
  if (periodEnd(period) === a.exportDate) return undefined;
  if (lang === 'da') {
    return `udtrækket slutter før udgangen af ${monthly ? monthText(period, 'da') : period}: en senere offentliggørelse fra dette register vil vise ${monthly ? 'den måned' : 'det år'} og totalerne for hele udtrækket vokset med nogle få patienter, og de to kan trækkes fra hinanden, så de patienter kan genfindes. Offentliggør den næste med --previous <denne offentliggørelses results.json> (docs/disclosure-control.md "Publishing again").`;
  }
  return `the export ends within ${period}: a later publication of this registry will print that ${monthly ? 'month' : 'year'} and the whole-export totals grown by a few patients, and the two can be subtracted to recover them. Publish the next one with --previous <this publication's results.json> (docs/disclosure-control.md "Publishing again").`;
}

/** The audit as text, in the run's language (disclosure/audit-text.ts). */
export function uptakeAuditText(r: UptakeAuditResult, lang: Lang = 'en'): string {
  return auditText(r, lang);
}

function csvValue(v: unknown): CsvCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? formatNumberForExport(v) : null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

function tableCsv<T extends object>(rows: readonly T[], columns: readonly (keyof T & string)[]): string {
  return toCsv(columns, rows.map((r) => columns.map((c) => csvValue(r[c]))));
}

/** The files `--csv-dir` receives (checked before the analysis runs); clinic-funnel.csv only when the plan publishes the funnel. */
export const UPTAKE_CSV_FILES = ['activation-metrics.csv', 'uptake-per-1000.csv', 'clinic-funnel.csv', 'budget-observed.csv', 'budget-projection.csv', 'budget-sensitivity.csv'] as const;
/** Written beside them only when the run filled denominators or excluded rows. */
export const UPTAKE_OPTIONAL_CSV_FILES = ['eligible-filled.csv', 'excluded-rows.csv'] as const;

/**
 * The files `--csv-dir` may receive in a run of this plan, all checked before the run
 * (docs/output-safety.md): clinic-funnel.csv when the plan publishes the funnel, eligible-filled.csv
 * when it fills denominators, excluded-rows.csv when invalid rows are left out — a user's file of
 * one of these names found only after the analysis would stop a run that had done all the work.
 */
export function uptakeCsvFileNames(plan: Pick<UptakePlan, 'publish' | 'eligibleFill'>, invalidRows: 'fail' | 'exclude'): string[] {
  return [
    ...UPTAKE_CSV_FILES.filter((name) => name !== 'clinic-funnel.csv' || publicationOf(plan).clinics),
    ...(plan.eligibleFill === 'carry-forward' ? ['eligible-filled.csv'] : []),
    ...(invalidRows === 'exclude' ? ['excluded-rows.csv'] : []),
  ];
}

/** One CSV per metric table of the analysis, keyed by file name (the names of UPTAKE_CSV_FILES). */
export function uptakeCsvFiles(a: UptakeAnalysis): Map<string, string> {
  const files = new Map<string, string>();
  files.set('activation-metrics.csv', tableCsv(a.metrics, [
    'region', 'period', 'periodType', 'dimension', 'level', 'referrals', 'activations', 'activationRate', 'activationCiLower', 'activationCiUpper',
    'medianDaysToActivation', 'atRisk4w', 'retained4w', 'retention4w', 'retention4wCiLower', 'retention4wCiUpper',
    'atRisk12w', 'retained12w', 'retention12w', 'retention12wCiLower', 'retention12wCiUpper',
  ]));
  files.set('uptake-per-1000.csv', tableCsv(a.uptake, ['region', 'year', 'activations', 'eligible', 'per1000', 'ciLower', 'ciUpper', 'method']));
  // A funnel the plan does not publish gets no file (not an empty one that looks like "no clinics").
  if (a.funnel) {
    files.set('clinic-funnel.csv', tableCsv(a.funnel.rows, [
      'clinic', 'region', 'referrals', 'activations', 'rate', 'lower95', 'upper95', 'lower998', 'upper998', 'outside95', 'outside998',
    ]));
  }
  files.set('budget-observed.csv', tableCsv(a.budget.observed, ['region', 'year', 'activations', 'cost', 'averagePrice', 'partialYear']));
  files.set('budget-projection.csv', tableCsv(a.budget.projection, ['scenario', 'region', 'year', 'yearIndex', 'share', 'eligible', 'eligibleYear', 'patients', 'cost']));
  files.set('budget-sensitivity.csv', tableCsv(a.budget.sensitivity, ['region', 'parameter', 'change', 'totalCost', 'difference']));
  // What was not taken as it stood (docs/plan-uptake.md): filled denominators, excluded rows.
  if (a.eligibleFill) files.set('eligible-filled.csv', tableCsv(a.eligibleFill.filled, ['region', 'year', 'fromYear', 'eligible']));
  // Published like the rest: the count (or the marker) and the kinds, no lines, values or
  // counts per kind (published-exclusion.ts); those are in --excluded-out, the analyst's file.
  if (a.excluded) {
    files.set('excluded-rows.csv', toCsv(['rows', 'kind', 'problem'], [
      [excludedRowsCell(a.excluded.rows), null, 'all excluded rows'],
      ...a.excluded.kinds.map((k) => [null, k, EXCLUSION_KIND_WORDS[k].en] as CsvCell[]),
    ]));
  }
  return files;
}

/**
 * The problems of excluded rows, one per line (`excludedRowCells`), streamed to `path` in the
 * export's dialect (registry-copy-dialect.ts: the analyst opens the list beside the export).
 * Whether Excel needs a byte-order mark to read it is known for sure only when the whole export
 * was read (a Windows-1252 letter may come after a megabyte of plain text): the start of the list
 * is held (up to `HELD_CHARS`) until `commit`/`finish`, and `bom(true)` before them puts the mark
 * in. A list longer than that is written as the export's start suggested.
 */
export function excludedCsvSink(path: string, options: WriteOptions = {}, dialect?: SpreadsheetDialect): ExcludedCsvSink {
  const sink = openAtomicSink(path, options);
  const d: SpreadsheetDialect = dialect ?? { delimiter: ',', eol: '\n', bom: false };
  let buffer = toCsvIn(EXCLUDED_ROW_HEADER, [], { ...d, bom: false });
  let started = false;
  let bom = d.bom;
  const line = (cells: CsvCell[]) => cells.map((c) => csvCellIn(c, d.delimiter)).join(d.delimiter) + d.eol;
  let count = 0;
  const flush = () => {
    sink.write((!started && bom ? '\uFEFF' : '') + buffer);
    started = true;
    buffer = '';
  };
  return {
    add(p) {
      count++;
      buffer += line(excludedRowCells(p));
      if (buffer.length > (started ? 65_536 : HELD_CHARS)) flush();
    },
    bom(needed) {
      if (needed) bom = true;
    },
    async commit() {
      flush();
      await sink.commit();
      return count;
    },
    // Complete, for a batch that puts it in place with other files (writeFolderFiles' alongside).
    finish() {
      flush();
      return { sink, count };
    },
    discard: () => sink.discard(),
  };
}

/** How much of the list's start is held until the export's encoding is known (4 MiB of text: ~80,000 problems). */
const HELD_CHARS = 4 << 20;

export interface ExcludedCsvSink {
  add(p: Problem): void;
  /** The export turned out not to be UTF-8 (read as Windows-1252 or UTF-16): Excel needs the mark. */
  bom(needed: boolean): void;
  commit(): Promise<number>;
  finish(): { sink: AtomicSink; count: number };
  discard(): void;
}

export function registerUptake(program: Command, io: CliIo, setExit: (code: number) => void = () => {}): void {
  program
    .command('uptake')
    .description('regional uptake, equity, clinic funnel and budget impact from a registry export (small counts suppressed)')
    .argument('[registry...]', 'registry export, CSV or .parquet: id, region, clinic, referred, activated, last_active, age, sex, referrer (or the plan\'s column names; docs/input-registry.md); one file (several exports are joined first)')
    .option('--aggregates <paths...>', 'instead of a registry: the aggregate tables of sql/uptake-aggregates.sql as CSV (folders or files; several regions\' parts are summed; docs/uptake-aggregates.md)')
    .option('--memory-limit <size>', 'memory the SQL engine may use before it spills to a temporary folder (e.g. 512MB, 2GB)', DEFAULT_MEMORY_LIMIT)
    .option('--threads <n>', 'threads of the SQL engine (default: the cores)')
    // Required, except by --audit --published (checked below: commander cannot say "unless").
    .option('--eligible <file>', 'denominator CSV: region, year, eligible — its regions are the analysis\'s regions (required)')
    .option('--plan <file>', 'uptake plan (JSON: price tiers, scenarios, suppression threshold, column names, date format; docs/plan-uptake.md) (required)')
    .option('--json', 'print the full analysis as JSON (schema: `hta plan schema --uptake-results`)')
    .option('--csv-dir <dir>', 'also write one CSV per metric table into this folder')
    .option('--lang <lang>', 'language of the summary: en or da', 'en')
    .option('--exclude-invalid', 'leave invalid registry rows out and go on (every output says how many and why), and the eligible file\'s repeated header lines (named on stderr); default: any invalid row stops the run')
    .option('--excluded-out <file>', 'with --exclude-invalid: write the problems of the excluded rows as CSV (line, column, field, problem; no ids, no values)')
    // Repeatable, not variadic: `--previous p2.json reg3.csv` must leave reg3.csv the registry.
    .option('--previous <results.json>', 'an earlier publication of this registry (its --json output or report results.json; repeat for several: --previous a.json --previous b.json): their printed counts, and those of the publications each carries, are known constants of the suppression, so none can be subtracted from this one (docs/disclosure-control.md "Publishing again")', (path: string, had: string[] | undefined) => [...(had ?? []), path])
    .option('--first-publication', 'without --previous: no publication of this registry came before this one; recorded in results.json ("firstPublication"), so a later run naming this file knows no earlier one is missing (docs/disclosure-control.md "A link made without --previous")')
    .option('--audit', 'instead of the results, audit their disclosure control (exit 1 if any suppressed cell is narrower than the protection level or any small count is derivable)')
    .option('--published <results.json>', 'with --audit: audit this publication as it was published (its results.json or --json output), against every earlier publication it carries and any --previous; no registry, --eligible or --plan')
    .option(...FORCE_OPTION)
    .action(async (registries: string[], opts: {
      eligible?: string; plan?: string; json?: boolean; csvDir?: string; lang: string; excludeInvalid?: boolean; excludedOut?: string; audit?: boolean; force?: boolean;
      aggregates?: string[]; memoryLimit: string; threads?: string; previous?: string[]; published?: string; firstPublication?: boolean;
    }) => {
      // Several exports (one per region): said how to join them, rather than "too many arguments".
      if (registries.length > 1) {
        // Spark's INT96 timestamps kept instants by the join command (registry-folder.ts).
        const int96 = await (await import('../uptake/registry-folder.js')).filesInt96(registries);
        throw (await import('../uptake/several-registries.js')).severalRegistriesError(registries, process.cwd(), int96);
      }
      const file: string | undefined = registries[0];
      const lang = checkLang(opts.lang) ?? 'en';
      if (opts.published !== undefined) {
        await auditPublished(opts.published, file, opts, io, setExit, lang);
        return;
      }
      if (opts.firstPublication && opts.previous !== undefined) throw new HtaError('usage.invalid', '--first-publication says no earlier publication of this registry exists, and --previous names one: give one of the two');
      if (opts.eligible === undefined) throw new HtaError('usage.invalid', 'required option \'--eligible <file>\' not specified');
      if (opts.plan === undefined) throw new HtaError('usage.invalid', 'required option \'--plan <file>\' not specified');
      const { eligible, plan: planPath } = opts;
      // Every typed input that is not there, named at once (guard-output.ts) — after the output
      // names, which guardPaths checks first too (a name Windows cannot make is said before).
      refuseOutputNames([opts.excludedOut !== undefined ? { option: '--excluded-out', path: opts.excludedOut } : undefined], [opts.csvDir !== undefined ? { option: '--csv-dir', path: opts.csvDir } : undefined]);
      refuseMissingInputs([file !== undefined ? { option: '<registry>', path: file } : undefined, { option: '--eligible', path: eligible }, { option: '--plan', path: planPath }, ...(opts.previous ?? []).map((path) => ({ option: '--previous', path }))]);
      const { runUptake } = await import('../uptake/run-uptake.js');
      if ((file === undefined) === (opts.aggregates === undefined)) {
        throw new HtaError('usage.invalid', 'give a registry export (hta uptake registry.csv …) or --aggregates <dir|files>, one of the two');
      }
      if (opts.aggregates !== undefined && (opts.excludeInvalid || opts.excludedOut !== undefined)) {
        throw new HtaError('usage.invalid', '--exclude-invalid and --excluded-out apply to registry rows; --aggregates has none');
      }
      // A folder given to --aggregates stands for its .csv files: those are the inputs.
      const aggregates = opts.aggregates !== undefined ? (await import('../uptake/engine/read-aggregate-tables.js')).aggregateFiles(opts.aggregates) : undefined;
      const memoryLimit = parseMemoryLimit(opts.memoryLimit);
      const threads = opts.threads !== undefined ? parseThreads(opts.threads) : undefined;
      const csvDir = opts.csvDir !== undefined ? { option: '--csv-dir', path: opts.csvDir } : undefined;
      const inputs = inputFiles([
        ...(file !== undefined ? [{ option: '<registry>', path: file, kind: 'file' as const }] : []),
        ...(aggregates ?? []).map((path) => ({ option: '--aggregates', path, kind: 'file' as const })),
        { option: '--eligible', path: eligible, kind: 'file' }, { option: '--plan', path: planPath, kind: 'uptake-plan' },
        ...(opts.previous ?? []).map((path) => ({ option: '--previous', path, kind: 'file' as const })),
      ]);
      // Published tables never go into a folder holding any input of the run (at any depth): not
      // the patient-level registry, nor the aggregate tables, which hold small counts, nor the
      // denominator, the plan or an earlier publication, which the tables would land beside and
      // be published with — as cea --out-dir and hta report's --out (docs/output-safety.md
      // "Inputs stay out").
      if (csvDir) refuseInputsInside([csvDir], inputs, 'the published tables are written into that folder');
      // A Spark folder given as the registry: refused as guardPaths would, its command keeping INT96 timestamps instants (registry-folder.ts).
      const folderError = file !== undefined ? await (await import('../uptake/registry-folder.js')).registryFolderError(file) : undefined;
      if (folderError) throw folderError;
      guardPaths({
        inputs,
        outputDirs: [csvDir],
        folderFiles: csvDir ? folderOutputNames([...UPTAKE_CSV_FILES, ...UPTAKE_OPTIONAL_CSV_FILES]).map((name) => ({ option: '--csv-dir', path: join(csvDir.path, name) })) : [],
        outputs: [opts.excludedOut !== undefined ? { option: '--excluded-out', path: opts.excludedOut } : undefined],
        force: opts.force === true,
      });
      const folder = csvDir ? { dir: csvDir.path, option: '--csv-dir', force: opts.force === true } : undefined;
      const plan = loadUptakePlanFile(planPath);
      for (const warning of [lowThresholdWarning(plan, lang), placeholderWarning(plan, lang)]) if (warning) io.stderr(`${warning}\n`);
      const invalidRows = opts.excludeInvalid ? 'exclude' : (plan.invalidRows ?? 'fail');
      // Before the run: no file the folder may receive in this run may be the user's (or edited
      // since hta wrote them), the optional ones included.
      if (folder) checkFolderOutputs(folder, uptakeCsvFileNames(plan, invalidRows));
      if (opts.excludedOut !== undefined) {
        if (invalidRows !== 'exclude') throw new HtaError('usage.invalid', '--excluded-out needs --exclude-invalid (or "invalidRows": "exclude" in the uptake plan)');
      }
      // Read and parsed once, before the registry (a wrong file fails first): the run merges them
      // into the known counts, the audit reads other cuts of this extract from the same objects.
      const previousRead = opts.previous !== undefined ? readPreviousFiles(opts.previous) : undefined;
      // Streamed to a staging file (a million bad rows must not be held in memory), renamed
      // into place only when the whole run succeeded.
      const copyDialect = opts.excludedOut !== undefined && file !== undefined ? await registryCopyDialect(file) : undefined;
      const sink = opts.excludedOut !== undefined ? excludedCsvSink(opts.excludedOut, { replace: opts.force === true }, copyDialect) : undefined;
      let run: Awaited<ReturnType<typeof runUptake>>;
      try {
        run = await runUptake({
          // The paths as given (folders as folders): a message names a region's part as the user named it.
          ...(file !== undefined ? { registryFile: file } : { aggregates: opts.aggregates ?? [] }),
          eligibleFile: eligible, plan, planFile: planPath, invalidRows, memoryLimit,
          lang,
          ...(threads !== undefined ? { threads } : {}),
          ...(sink ? { onExcluded: sink.add } : {}),
          ...(previousRead !== undefined ? { previousRead } : {}),
          ...(opts.firstPublication ? { firstPublication: true } : {}),
        });
      } catch (err) {
        sink?.discard();
        throw err;
      }
      const analysis = run.analysis;
      const excludedWritten = (n: number) => io.stderr(lang === 'da' ? `skrev ${n} problem(er) i ${run.excluded?.rows ?? 0} udeladt(e) række(r) til ${opts.excludedOut}\n` : `wrote ${n} problem(s) of ${run.excluded?.rows ?? 0} excluded row(s) to ${opts.excludedOut}\n`);
      // With --csv-dir, the excluded rows' problems are put in place with the tables, after them:
      // never on a run that then refuses a table (docs/output-safety.md).
      const withTables = folder !== undefined && !opts.audit;
      try {
        if (run.registryEncoding && file !== undefined) io.stderr(`note: ${registryEncodingNote(run.registryEncoding, lang, file)}\n`);
        for (const note of run.notes) io.stderr(`note: ${note}\n`);
        // Printed once: in the text summary on stdout, which a run with --json or --audit does not print.
        if (run.changedNote && (opts.json || opts.audit)) io.stderr(`note: ${run.changedNote}\n`);
        if (run.clinicSpellings) for (const n of clinicSpellingsNotes(run.clinicSpellings, file ?? 'the aggregate tables')) io.stderr(`note: ${n}\n`);
        // The excluded rows' lines and values: for the analyst, on stderr only (never in a published output).
        if (run.excluded) for (const line of excludedDetailLines(run.excluded, lang)) io.stderr(`${line}\n`);
        // The checks before writing (a protection level below the threshold; a chain whose earlier
        // publication hid counts): one function, the one `hta report` asks too (disclosure/prewrite-check.ts).
        if (!opts.audit) {
          const { prewriteRefusal } = await import('../uptake/disclosure/prewrite-check.js');
          const refusal = await prewriteRefusal({ ...run, ...(previousRead ? { previousRead } : {}) }, { planFile: planPath, lang }, (text) => io.stderr(`warning: ${text}\n`));
          if (refusal) throw refusal;
        }
        sink?.bom(run.registryEncoding !== undefined);
        if (sink && !withTables) excludedWritten(await sink.commit());
        // For a publication (the audit publishes nothing).
        const partial = opts.previous === undefined && !opts.audit ? partialLastPeriod(analysis, lang) : undefined;
        if (partial) io.stderr(`${lang === 'da' ? 'bemærk' : 'note'}: ${partial}\n`);
        // Without --previous on a registry that ran before the export month: earlier publications,
        // if any, are unknown, and later ones must name them as well as this one (unchained-publication.ts).
        const noPrevious = opts.previous === undefined && !opts.audit && !opts.firstPublication ? noPreviousNote(analysis.metrics, analysis.exportDate, 'cli', lang) : undefined;
        if (noPrevious) io.stderr(`warning: ${noPrevious}\n`);
        if (opts.audit) {
          const report = await uptakeAudit(run, run.previous, previousRead);
          if (opts.json) printData(io, JSON.stringify(report, (_k, v: unknown) => (v === Infinity ? 'Infinity' : v), 2) + '\n');
          else io.stdout(uptakeAuditText(report, lang));
          if (auditFinds(report.audit)) setExit(1);
          return;
        }
        if (folder) {
          const out = uptakeCsvFiles(analysis);
          const excluded = sink?.finish();
          // The run's last work (only saying so, and the summary, follow): a Ctrl-C once the tables
          // are being placed no longer ends it with 130 beside complete tables (docs/output-safety.md).
          await writeFolderFiles(folder, out, excluded ? [excluded.sink] : [], { settle: true });
          if (excluded) excludedWritten(excluded.count);
          io.stderr(lang === 'da' ? `skrev ${out.size} CSV-filer i ${folder.dir}\n` : `wrote ${out.size} CSV files to ${folder.dir}\n`);
        }
      } catch (err) {
        sink?.discard();
        throw err;
      }
      if (opts.json) printData(io, JSON.stringify(analysis, null, 2) + '\n');
      else io.stdout(uptakeSummary(analysis, lang));
    });
}

/**
 * `hta uptake --audit --published <results.json> [--previous …]`: the publication as it stands,
 * against every earlier one it carries and those named (published-audit.ts). It reads no registry:
 * options that only a run uses are refused rather than silently ignored.
 */
async function auditPublished(
  published: string, file: string | undefined,
  opts: { audit?: boolean; json?: boolean; eligible?: string; plan?: string; aggregates?: string[]; csvDir?: string; excludeInvalid?: boolean; excludedOut?: string; previous?: string[]; firstPublication?: boolean },
  io: CliIo, setExit: (code: number) => void, lang: Lang = 'en',
): Promise<void> {
  if (!opts.audit) throw new HtaError('usage.invalid', '--published names the publication --audit checks: add --audit (hta uptake --audit --published results.json)');
  const unused = [
    file !== undefined ? `<registry> ${file}` : undefined, opts.aggregates ? '--aggregates' : undefined, opts.eligible !== undefined ? '--eligible' : undefined,
    opts.plan !== undefined ? '--plan' : undefined, opts.csvDir !== undefined ? '--csv-dir' : undefined,
    opts.excludeInvalid ? '--exclude-invalid' : undefined, opts.excludedOut !== undefined ? '--excluded-out' : undefined,
    opts.firstPublication ? '--first-publication' : undefined,
  ].filter((x): x is string => x !== undefined);
  if (unused.length > 0) {
    throw new HtaError('usage.invalid', `--audit --published reads the published file and the earlier publications only, not ${unused.join(', ')}; to audit a new run instead, leave out --published`);
  }
  guardPaths({ inputs: [{ option: '--published', path: published }, ...(opts.previous ?? []).map((path) => ({ option: '--previous', path }))], force: false });
  const { auditPublishedFile } = await import('../uptake/disclosure/published-audit.js');
  const r = auditPublishedFile(published, opts.previous ?? []);
  const note = uncarriedNote(r.uncarried, lang);
  if (note) io.stderr(`note: ${note}\n`);
  const report: UptakeAuditResult = { audit: r.audit, informationLoss: r.informationLoss, published: r.published, earlier: r.earlier, smallCarried: r.smallCarried, hiddenBeforePrinted: r.hiddenBeforePrinted, earlierPinned: r.earlierPinned, excludedNarrow: r.excludedNarrow, absentUnprotected: r.absentUnprotected, changedNotCarried: r.changedNotCarried, ...(r.earlierDisagree.length > 0 ? { earlierDisagree: r.earlierDisagree } : {}), ...(r.sameExtract.length > 0 ? { sameExtract: r.sameExtract } : {}), ...(r.unchained.length > 0 ? { unchained: r.unchained } : {}), ...(r.regionCuts ? { regionCuts: r.regionCuts } : {}) };
  if (opts.json) printData(io, JSON.stringify(report, (_k, v: unknown) => (v === Infinity ? 'Infinity' : v), 2) + '\n');
  else io.stdout(uptakeAuditText(report, lang));
  if (auditFinds(r.audit) || r.smallCarried.length > 0 || r.hiddenBeforePrinted.length > 0 || r.earlierPinned.length > 0 || r.excludedNarrow.length > 0 || r.absentUnprotected.length > 0 || r.changedNotCarried.length > 0) setExit(1);
}
