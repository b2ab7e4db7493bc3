import { ADVERSE_EVENTS_TITLE, adverseEventsByClassTable, adverseEventsNotes, adverseEventsTable } from '../report/adverse-events-table.js';
import type { Command } from 'commander';
import { writeFileAtomic } from '../io/write-atomic.js';
import { toCsv } from '../io/write-csv.js';
import { effectsTable } from '../report/effects-table.js';
import { ANALYZE_FOOTNOTE } from '../report/i18n.js';
import { withConfidenceLevel } from '../report/confidence-label.js';
import { armNames, fillArms } from '../report/arm-names.js';
import { renderTextTable, renderTextTableAt, type Table } from '../report/text-table.js';
import { sensitivityTable, tippingSentence } from '../report/sensitivity-table.js';
import { effectsCsv } from '../analysis/effects-csv.js';
import type { CliIo } from './io.js';
import { type ExclusionOptions, loadTrialInputs, reportExclusion } from './load-inputs.js';
import { wordMissingCodeNotes } from '../trial/word-missing-codes.js';
import { withInputRecord } from '../analysis/input-record.js';
import { packageVersion } from './version.js';
import { outcomeLabel } from '../plan/outcome-label.js';
import { progressBar } from './progress-bar.js';
import { inputFiles } from '../io/input-files.js';
import { guardPaths } from './guard-output.js';
import { checkLang, FORCE_OPTION, LIMITS, rangeText, wholeNumber } from './options.js';
import { subgroupText, targetPopulationText } from '../analysis/subgroup-text.js';
import { readTargetSample, targetSamplePath } from '../trial/target-sample.js';
import { eventListingPath } from '../trial/adverse-events.js';
import { analyzeObservationalCommand } from './analyze-observational.js';

export function registerAnalyze(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('analyze')
    .description('between-group differences with 95% CIs per outcome and time, judged against the MCID')
    .argument('<csv>', 'trial export (long or wide CSV)')
    .requiredOption('--plan <file>', 'analysis plan (JSON; see `hta plan schema`)')
    .option('--json', 'print the results as JSON (schema: `hta plan schema --results`)')
    .option('--csv <file>', 'also write the effect rows as CSV (trial, target population, transported and subgroup-level rows)')
    .option('--lang <lang>', 'language of the table: en or da', 'en')
    .option('--bootstrap <n>', `add bootstrap percentile and BCa intervals with n replicates, ${rangeText(1, LIMITS.bootstrap)}`, wholeNumber('--bootstrap', 1, LIMITS.bootstrap))
    .option('--seed <n>', 'seed for the bootstrap (default 1)', wholeNumber('--seed'))
    .option('--exclude-invalid', 'leave rows with problems out and report them (line ranges, never ids) instead of stopping')
    .option('--excluded-out <file>', 'with --exclude-invalid: write line, column, field and problem of every excluded row as CSV')
    .option(...FORCE_OPTION)
    .action(async (file: string, opts: { plan: string; json?: boolean; csv?: string; lang: string; bootstrap?: number; seed?: number; force?: boolean } & ExclusionOptions) => {
      const force = opts.force === true;
      const outputs = [opts.csv !== undefined ? { option: '--csv', path: opts.csv } : undefined, opts.excludedOut !== undefined ? { option: '--excluded-out', path: opts.excludedOut } : undefined];
      // An existing output is refused once the plan's target sample (an input too) is known, so
      // that an output on it is named as such rather than as a file that exists.
      guardPaths({ inputs: inputFiles([{ option: '<csv>', path: file, kind: 'file' }, { option: '--plan', path: opts.plan, kind: 'trial-plan' }]), outputs, force: true });
      // Loaded on use: `hta --help` should not pay for the statistics libraries.
      const { analyzeTrial } = await import('../analysis/analyze-trial.js');
      const lang = checkLang(opts.lang) ?? 'en';
      const { trial } = loadTrialInputs(file, opts.plan, opts);
      // The plan's target sample is an input too: no output may land on it.
      const samplePath = targetSamplePath(opts.plan, trial.plan);
      // So is its listing of adverse events (read before any output is written).
      const listingPath = eventListingPath(opts.plan, trial.plan);
      guardPaths({ inputs: [...(samplePath ? [{ option: 'population.targetSample', path: samplePath }] : []), ...(listingPath ? [{ option: 'adverseEvents.file', path: listingPath }] : [])], outputs, force });
      const targetSample = readTargetSample(samplePath, trial.plan);
      // A trial's word-code notes are warnings of its results (analyze-trial.ts), said there once.
      if (trial.plan.design !== 'observational' && trial.readNotes) {
        const warned = new Set(wordMissingCodeNotes(trial));
        trial.readNotes = trial.readNotes.filter((n) => !warned.has(n));
      }
      await reportExclusion(trial, io, opts.excludedOut, force);
      if (targetSample?.readNote) io.stderr(`note: ${targetSample.readNote}\n`);
      if (trial.plan.design === 'observational') {
        if ((await analyzeObservationalCommand(trial, io, { ...opts, lang, force })) !== 0) setExit(1);
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
      if (opts.csv) await writeFileAtomic(opts.csv, toCsv(...effectsCsv(result)), { replace: force });
      if (opts.json) {
        io.stdout(JSON.stringify(withInputRecord(result, trial), null, 2) + '\n');
      } else {
        // The tables and notes name the plan's confidence level, as every interval is at it (confidence-label.ts).
        const level = 1 - trial.plan.alpha;
        const stdout = (text: string) => io.stdout(withConfidenceLevel(text, level));
        // Each table relabelled before it is laid out, so its header stays over its columns at any level.
        const table = (t: Table) => renderTextTableAt(t, level);
        const widths = new Map(trial.sources.map((s) => [s.key, s.instrument.range[1] - s.instrument.range[0]]));
        const arms = armNames(trial.plan.armLabels, lang, trial.plan.arms);
        stdout(table(effectsTable(result.effects, lang, (k) => widths.get(k), 'short', (k) => outcomeLabel(trial.plan, k, lang), arms)));
        stdout(`\n${fillArms(ANALYZE_FOOTNOTE[lang], arms)}\n`);
        const sens = result.sensitivity;
        if (sens) {
          const src = trial.sources.find((x) => x.key === sens.outcome);
          const decimals = src && src.instrument.range[1] - src.instrument.range[0] <= 2 ? 3 : 2;
          const title = lang === 'da' ? 'Sensitivitetsanalyse for det primære effektmål' : 'Sensitivity analysis of the primary outcome';
          stdout(`\n${title}: ${outcomeLabel(trial.plan, sens.outcome, lang)}, ${sens.time}\n`);
          stdout(table(sensitivityTable(sens, lang, decimals, arms)));
          const unit = src?.instrument.unit[lang] ?? '';
          const sentence = tippingSentence(sens, unit, decimals, lang, arms);
          if (sentence) stdout(sentence + '\n');
        }
        const ae = result.adverseEvents;
        if (ae) {
          stdout(`\n${ADVERSE_EVENTS_TITLE[lang]}\n`);
          stdout(table(adverseEventsTable(ae, lang, arms)));
          for (const note of adverseEventsNotes(ae, lang, arms)) stdout(`${note}\n`);
          const byClass = adverseEventsByClassTable(ae, lang, arms);
          if (byClass) stdout(`\n${table(byClass)}`);
        }
        if (result.targetPopulation) stdout(targetPopulationText(result.targetPopulation, lang, (k) => widths.get(k), (k) => outcomeLabel(trial.plan, k, lang), arms, level));
        if (result.subgroups) stdout(subgroupText(result.subgroups, lang, (k) => widths.get(k), arms, level));
      }
      for (const w of result.warnings) io.stderr(`warning: ${w}\n`);
      // A row that could not be computed (overall, target population, subgroup level or interaction) exits 1.
      const failed =
        result.effects.some((e) => e.error) ||
        (result.targetPopulation?.effects ?? []).some((e) => e.error) ||
        (result.targetPopulation?.transported ?? []).some((t) => t.effect.error) ||
        (result.subgroups ?? []).some((g) => g.interaction.error !== undefined || g.levels.some((l) => l.effect.error));
      if (failed) setExit(1);
    });
}
