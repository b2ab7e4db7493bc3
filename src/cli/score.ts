import type { Command } from 'commander';
import { letSignalsIn } from '../io/staging-files.js';
import { openAtomicSink, writeFilesAtomic } from '../io/write-atomic.js';
import { scoredExportLines, scoredSources } from '../trial/scored-export.js';
import { formatRecodes } from '../trial/value-codes.js';
import type { CliIo } from './io.js';
import { excludedOutFile, type ExcludedOutFile, type ExclusionOptions, loadTrialInputs, reportExclusion } from './load-inputs.js';
import { inputFiles } from '../io/input-files.js';
import { guardPaths } from './guard-output.js';
import { FORCE_OPTION } from './options.js';

export function registerScore(program: Command, io: CliIo): void {
  program
    .command('score')
    .description('write the export with instrument scores computed from item answers')
    .argument('<csv>', 'trial export (long or wide CSV)')
    .option('--plan <file>', 'analysis plan (JSON)')
    .requiredOption('--out <file>', 'where to write the scored export (the input is never modified)')
    .option('--exclude-invalid', 'leave rows with problems out (their score cells stay empty) and report them instead of stopping')
    .option('--excluded-out <file>', 'with --exclude-invalid: write line, column, field and problem of every excluded row as CSV')
    .option(...FORCE_OPTION)
    .action(async (file: string, opts: { plan?: string; out: string; force?: boolean } & ExclusionOptions) => {
      guardPaths({
        // The files the plan names (its target sample) are inputs too (docs/output-safety.md).
        inputs: inputFiles([{ option: '<csv>', path: file, kind: 'file' }, opts.plan !== undefined ? { option: '--plan', path: opts.plan, kind: 'trial-plan' } : undefined]),
        outputs: [{ option: '--out', path: opts.out }, opts.excludedOut !== undefined ? { option: '--excluded-out', path: opts.excludedOut } : undefined],
        force: opts.force === true,
      });
      const { csv, trial } = loadTrialInputs(file, opts.plan, { ...opts, need: 'rows', covariatesUnread: true, mcidOptional: true });
      // Written in ~1 MB pieces through a staging file: a large export is never held whole. The
      // event loop turns between pieces, so Ctrl-C stops a long run there (docs/output-safety.md).
      // Settled when it is put in place, the run's last work: a Ctrl-C from then on ends it as it
      // would have ended, exit 0 beside the complete export, not 130 (docs/output-safety.md).
      const sink = openAtomicSink(opts.out, { replace: opts.force === true, settle: true });
      let excluded: ExcludedOutFile | undefined;
      try {
        let chunk = '';
        for (const line of scoredExportLines(csv, trial)) {
          chunk += line;
          if (chunk.length >= 1 << 20) {
            sink.write(chunk);
            chunk = '';
            await letSignalsIn();
          }
        }
        sink.write(chunk);
        // With --excluded-out, one batch: the scored export is put in place only with it, and a
        // failure at either leaves neither (write-atomic.ts, docs/output-safety.md).
        excluded = excludedOutFile(trial, opts.excludedOut);
        if (excluded) await writeFilesAtomic(new Map([[excluded.path, excluded.content]]), { replace: opts.force === true, alongside: [sink], settle: true });
        else await sink.commit();
      } catch (err) {
        sink.discard();
        throw err;
      }
      reportExclusion(trial, io);
      if (excluded) io.stderr(excluded.written);
      const added = scoredSources(trial).map((s) => s.key);
      io.stderr(`wrote ${opts.out}: ${csv.records.length} rows, scores added for ${added.join(', ') || 'no outcome (no item columns, no codes)'}\n`);
      const recodes = formatRecodes(trial.recoded);
      if (recodes.length) io.stderr(['recoded by the plan\'s answer and missing-value codes (the added columns hold the values analysed):', ...recodes.map((r) => `  ${r}`), ''].join('\n'));
    });
}
