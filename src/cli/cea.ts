/**
 * `hta cea <export> --plan <cea-plan> [--json] [--out-dir <dir>]`: cost-effectiveness from the
 * trial's patients (docs/plan-cea.md). Results to stdout, the progress bar to stderr.
 */
import { join, relative } from 'node:path';
import type { Command } from 'commander';
import { type CliIo, printData } from './io.js';
import { inputFiles } from '../io/input-files.js';
import { guardPaths, refuseInputsInside } from './guard-output.js';
import { checkLang, FORCE_OPTION, LIMITS, rangeText, wholeNumber } from './options.js';
import { progressBar } from './progress-bar.js';
import { packageVersion } from './version.js';
import { tableWithDeclaredMark } from '../io/declared-mark.js';
import { readCsvFile } from '../io/read-csv.js';
import { refuseSwappedInputs } from './swapped-inputs.js';
import { checkFolderOutputs, folderOutputNames, writeFolderFiles } from '../io/write-folder.js';
import { publishedName } from '../report/published-name.js';
import { publishedJson } from './json-names.js';
import type { PlanNote } from '../cea/load-cea-plan.js';

export function registerCea(program: Command, io: CliIo): void {
  program
    .command('cea')
    .description('cost-effectiveness from the trial patients: QALYs, costs, ICER, CE plane, acceptability curve, sensitivity')
    .argument('<export>', 'trial export (long CSV) with the resource-use columns the plan names')
    .requiredOption('--plan <file>', 'cost-effectiveness plan (JSON; docs/plan-cea.md; schema: `hta plan schema --cea-plan`)')
    .option('--json', 'print every number as JSON (schema: `hta plan schema --cea-results`)')
    .option('--out-dir <dir>', 'also write results.json and CSV tables (CEAC, CE plane, sensitivity, costs) into this folder')
    .option('--replicates <n>', `bootstrap replicates, ${rangeText(100, LIMITS.replicates)} (default: the plan's, 5,000)`, wholeNumber('--replicates', 100, LIMITS.replicates))
    .option('--lang <lang>', 'language of the text summary: en or da', 'en')
    .option('--exclude-invalid', 'leave rows with problems (a summary row, "P1001 I alt") out and say how many and why, instead of stopping; a left-out visit row makes its period\'s costs missing (imputed)')
    .option(...FORCE_OPTION)
    .action(async (file: string, opts: { plan: string; json?: boolean; outDir?: string; replicates?: number; lang: string; force?: boolean; excludeInvalid?: boolean }) => {
      const { CEA_CSV_FILES, ceaCsvFiles } = await import('../cea/cea-csv-files.js');
      const outDir = opts.outDir !== undefined ? { option: '--out-dir', path: opts.outDir } : undefined;
      // The plan's own inputs too (trial plan, unit costs, published figures, uptake plan): none
      // of them may be written over, --force or not (docs/output-safety.md).
      const inputs = inputFiles([{ option: '<export>', path: file, kind: 'file' }, { option: '--plan', path: opts.plan, kind: 'cea-plan' }]);
      guardPaths({
        inputs,
        outputDirs: [outDir],
        folderFiles: outDir ? folderOutputNames(['results.json', ...CEA_CSV_FILES]).map((n) => ({ option: '--out-dir', path: join(outDir.path, n) })) : [],
      });
      // results.json is one may publish, and a folder is published whole: it must not hold the
      // patient-level export, nor the plans and unit costs (docs/output-safety.md "Inputs stay out").
      if (outDir) refuseInputsInside([outDir], inputs, 'the results are written into that folder');
      // Before the bootstrap: a file of the user's (or one edited since) in the folder stops the run now.
      const folder = outDir ? { dir: outDir.path, option: '--out-dir', force: opts.force === true } : undefined;
      if (folder) checkFolderOutputs(folder, ['results.json', ...CEA_CSV_FILES]);
      refuseSwappedInputs({ option: '<export>', path: file }, { option: '--plan', path: opts.plan });
      const lang = checkLang(opts.lang) ?? 'en';
      const { loadCeaPlanFile } = await import('../cea/load-cea-plan.js');
      const { analyzeCea } = await import('../cea/analyze-cea.js');
      const { ceaSummaryText } = await import('../cea/cea-text.js');
      const { armNames } = await import('../report/arm-names.js');
      const resolved = loadCeaPlanFile(opts.plan);
      // Read with the trial plan's "decimalMark" when it declares one (io/declared-mark.ts).
      const csv = tableWithDeclaredMark(readCsvFile(file, { duplicateNames: 'keep' }), resolved.trialPlan.decimalMark);
      const { loadCeaTrial } = await import('../cea/cea-trial.js');
      const { trial, exclusion } = loadCeaTrial(csv, resolved, { excludeInvalid: opts.excludeInvalid === true, lang });
      const { noteIn } = await import('../cea/load-cea-plan.js');
      for (const note of [...(resolved.readNotes ?? []), ...(trial.readNotes ?? [])]) io.stderr(`note: ${noteIn(note, lang)}\n`);
      // The rows left out, as `hta analyze` says them (never in silence, also by the plan's "invalidRows").
      for (const line of exclusion) io.stderr(line + '\n');
      const bar = progressBar(io, 'bootstrap');
      let warnings: readonly PlanNote[] | undefined;
      const result = analyzeCea(trial, csv, resolved, {
        version: packageVersion(),
        // results.json is an output one may publish: the inputs named as a report names them
        // (last name, a CPR-shaped number masked: report/published-name.ts), the trial plan too.
        names: { export: publishedName(file), plan: publishedName(opts.plan), trialPlan: publishedName(resolved.plan.trialPlan) },
        ...(opts.replicates !== undefined ? { replicates: opts.replicates } : {}),
        onProgress: bar.update,
        onNote: (note) => io.stderr(`note: ${noteIn(note, lang)}\n`),
        // In the run's language where the message has a Danish form (the Monte Carlo error); results.json keeps the English.
        onWarnings: (ws) => (warnings = ws),
      });
      bar.done();
      // Every string (warnings, notes) by the inputs' published names (json-names.ts), in results.json and --json alike.
      const json = JSON.stringify(publishedJson(result, [{ path: file }, { path: opts.plan, kind: 'cea-plan' }]), null, 2) + '\n';
      if (folder) {
        const files = new Map<string, string>([['results.json', json], ...ceaCsvFiles(result)]);
        await writeFolderFiles(folder, files);
        io.stderr(`wrote ${files.size} files to ${folder.dir}\n`);
      }
      if (opts.json) printData(io, json);
      else io.stdout(ceaSummaryText(result, lang, armNames(resolved.trialPlan.armLabels, lang, resolved.trialPlan.arms).theIntervention));
      for (const w of warnings ?? result.warnings) io.stderr(`warning: ${noteIn(w, lang)}\n`);
    });
}
