import type { Command } from 'commander';
import { HtaError } from '../errors.js';
import { toCsv } from '../io/write-csv.js';
import { effectsCsv } from '../analysis/effects-csv.js';
import { type CliIo, printData } from './io.js';
import { excludedOutFile, type ExclusionOptions, loadTrialInputs, reportExclusion, writeAnalysisOutputs } from './load-inputs.js';
import { warnedByAnalysis } from '../trial/post-load-notes.js';
import { withInputRecord } from '../analysis/input-record.js';
import { publishedName } from '../report/published-name.js';
import { publishedJson } from './json-names.js';
import { packageVersion } from './version.js';
import { progressBar } from './progress-bar.js';
import { inputFiles } from '../io/input-files.js';
import { guardPaths } from './guard-output.js';
import { checkLang, FORCE_OPTION, LIMITS, rangeText, wholeNumber } from './options.js';
import { readTargetSample, targetSamplePath } from '../trial/target-sample.js';
import { eventListingPath } from '../trial/adverse-events.js';
import { analyzeObservationalCommand } from './analyze-observational.js';
import { subgroupFailed } from '../analysis/subgroup-effects.js';
import { trialSummaryText, trialWarningLines } from './analyze-text.js';
import type { Lang } from '../report/i18n.js';

export function registerAnalyze(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('analyze')
    .description('between-group differences with 95% CIs per outcome and time, judged against the MCID')
    .argument('<csv>', 'trial export (long or wide CSV)')
    .requiredOption('--plan <file>', 'analysis plan (JSON; see `hta plan schema`)')
    .option('--json', 'print the results as JSON (schema: `hta plan schema --results`)')
    .option('--csv <file>', 'also write the effect rows as CSV (trial, target population, transported, subgroup-level and adverse-event rows)')
    .option('--lang <lang>', 'language of the table: en or da', 'en')
    .option('--bootstrap <n>', `add bootstrap percentile and BCa intervals of the Welch rows' difference with n replicates: a table under the effects table, --csv's boot_* columns, --json's effects[].bootstrap; ${rangeText(1, LIMITS.bootstrap)}`, wholeNumber('--bootstrap', 1, LIMITS.bootstrap))
    .option('--seed <n>', 'with --bootstrap: its seed (default 1)', wholeNumber('--seed'))
    .option('--exclude-invalid', 'leave rows with problems out and report them (line ranges, never ids) instead of stopping')
    .option('--excluded-out <file>', 'with --exclude-invalid: write line, column, field and problem of every excluded row as CSV (once the analysis is done, with --csv; for a run that fails, use hta validate --excluded-out)')
    .option(...FORCE_OPTION)
    .action(async (file: string, opts: { plan: string; json?: boolean; csv?: string; lang: string; bootstrap?: number; seed?: number; force?: boolean } & ExclusionOptions) => {
      // --seed seeds the bootstrap only (the multiple imputation has the plan's own "seed"): alone it would change nothing, quietly.
      if (opts.seed !== undefined && opts.bootstrap === undefined) throw new HtaError('usage.invalid', '--seed goes with --bootstrap (hta analyze export.csv --plan plan.json --bootstrap 2000 --seed 7): it seeds the bootstrap only; the multiple imputation\'s seed is the plan\'s "missing": { "seed" }');
      const force = opts.force === true;
      const outputs = [opts.csv !== undefined ? { option: '--csv', path: opts.csv } : undefined, opts.excludedOut !== undefined ? { option: '--excluded-out', path: opts.excludedOut } : undefined];
      // An existing output is refused once the plan's target sample (an input too) is known, so
      // that an output on it is named as such rather than as a file that exists.
      guardPaths({ inputs: inputFiles([{ option: '<csv>', path: file, kind: 'file' }, { option: '--plan', path: opts.plan, kind: 'trial-plan' }]), outputs, force: true });
      // Loaded on use: `hta --help` should not pay for the statistics libraries.
      const { analyzeTrial } = await import('../analysis/analyze-trial.js');
      const lang = checkLang(opts.lang) ?? 'en';
      const { trial } = loadTrialInputs(file, opts.plan, { ...opts, lang });
      // The plan's target sample is an input too: no output may land on it.
      const samplePath = targetSamplePath(opts.plan, trial.plan);
      // So is its listing of adverse events (read before any output is written).
      const listingPath = eventListingPath(opts.plan, trial.plan);
      guardPaths({ inputs: [...(samplePath ? [{ option: 'population.targetSample', path: samplePath }] : []), ...(listingPath ? [{ option: 'adverseEvents.file', path: listingPath }] : [])], outputs, force });
      const targetSample = readTargetSample(samplePath, trial.plan, trial);
      // A trial's word-code notes are warnings of its results (analyze-trial.ts), said there once.
      if (trial.plan.design !== 'observational' && trial.readNotes) {
        const warned = warnedByAnalysis(trial);
        trial.readNotes = trial.readNotes.filter((n) => !warned.has(n));
      }
      // Its problem lines in Danish by the refusal catalogue, loaded on a Danish run only (main.ts does so for a refusal).
      reportExclusion(trial, io, lang, lang === 'da' && trial.excluded ? (await import('../report/problem-text.js')).DANISH_PROBLEM_WORDS : undefined);
      // Written with --csv as one batch, after the analysis (write-atomic.ts): a run that fails, or
      // fails to write either file, leaves neither (docs/output-safety.md).
      const excluded = excludedOutFile(trial, opts.excludedOut);
      if (targetSample?.readNote) io.stderr(`note: ${targetSample.readNote}\n`);
      if (trial.plan.design === 'observational') {
        if ((await analyzeObservationalCommand(trial, io, { ...opts, file, lang, force, ...(excluded ? { excluded } : {}) })) !== 0) setExit(1);
        return;
      }
      const bar = opts.bootstrap ? progressBar(io, 'bootstrap') : undefined;
      const miBar = progressBar(io, 'multiple imputation');
      const result = analyzeTrial(trial, {
        version: packageVersion(),
        onImputationProgress: miBar.update,
        ...(targetSample ? { targetSample } : {}),
        ...(opts.bootstrap ? { bootstrap: { replicates: opts.bootstrap, seed: opts.seed ?? 1, onProgress: bar?.update } } : {}),
      });
      bar?.done();
      miBar.done();
      // `--json` is an output one may publish: the export by its last name, a CPR-shaped number in it masked, as on a report's page.
      result.input.file = publishedName(result.input.file);
      await writeAnalysisOutputs(io, opts.csv !== undefined ? [opts.csv, toCsv(...effectsCsv(result, { bootstrap: opts.bootstrap !== undefined }))] : undefined, excluded, force);
      if (opts.json) {
        // Every string (notes, an excluded row's file, warnings) by the inputs' published names (json-names.ts).
        printData(io, JSON.stringify(publishedJson(withInputRecord(result, trial), [{ path: file }, { path: opts.plan, kind: 'trial-plan' }]), null, 2) + '\n');
      } else io.stdout(trialSummaryText(result, trial, lang));
      // The bootstrap intervals are of the Welch rows' difference, in their own table under the
      // effects table: said, so a user who asked for them does not read the effects table's
      // model-based intervals as theirs, nor look for a row the bootstrap does not cover.
      if (opts.bootstrap && !opts.json) {
        io.stderr(`note: ${bootstrapNote(opts.bootstrap, result.effects.filter((e) => e.bootstrap).length, lang)}\n`);
      }
      for (const line of trialWarningLines(result, trial, lang)) io.stderr(`${line}\n`);
      // A row that could not be computed (overall, target population, subgroup level or interaction) exits 1;
      // a subgroup level held back by the plan's own "minPerArm" is a warning, not a failure (subgroup-effects.ts).
      const failed =
        result.effects.some((e) => e.error) ||
        (result.targetPopulation?.effects ?? []).some((e) => e.error) ||
        (result.targetPopulation?.transported ?? []).some((t) => t.effect.error) ||
        (result.subgroups ?? []).some(subgroupFailed);
      if (failed) setExit(1);
    });
}

/** Where the bootstrap intervals are, in the run's language (the table's own words: bootstrap-table.ts). */
function bootstrapNote(replicates: number, rows: number, lang: Lang): string {
  if (lang === 'da') {
    return `--bootstrap ${replicates}: ${rows ? `percentil- og BCa-intervaller for forskellen i ${rows === 1 ? 'den ene Welch t-række' : `de ${rows} Welch t-rækker`} står i tabellen under effekttabellen (og i --csv's boot_*-kolonner og --json's effects[].bootstrap)` : 'ingen række har bootstrap-intervaller (de er for Welch t-rækkernes forskel: planens "methods" har ingen "welch")'}; effekttabellens intervaller er metodernes egne`;
  }
  return `--bootstrap ${replicates}: ${rows ? `percentile and BCa intervals of the ${rows} Welch row(s)' difference are in the table under the effects table (and in --csv's boot_* columns, --json's effects[].bootstrap)` : 'no row has bootstrap intervals (they are of the Welch rows\' difference: the plan\'s "methods" has no "welch")'}; the effects table's intervals are the methods' own`;
}
