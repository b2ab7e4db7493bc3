import type { Command } from 'commander';
import { writeFileAtomic } from '../io/write-atomic.js';
import { scoredExport } from '../trial/scored-export.js';
import type { CliIo } from './io.js';
import { loadTrialInputs } from './load-inputs.js';
import { refuseToOverwriteInput } from './guard-output.js';

export function registerScore(program: Command, io: CliIo): void {
  program
    .command('score')
    .description('write the export with instrument scores computed from item answers')
    .argument('<csv>', 'trial export (long or wide CSV)')
    .option('--plan <file>', 'analysis plan (JSON)')
    .requiredOption('--out <file>', 'where to write the scored export (the input is never modified)')
    .action((file: string, opts: { plan?: string; out: string }) => {
      refuseToOverwriteInput(file, opts.out);
      const { csv, trial } = loadTrialInputs(file, opts.plan, 'rows');
      writeFileAtomic(opts.out, scoredExport(csv, trial));
      const added = trial.sources.filter((s) => s.from === 'items').map((s) => s.key);
      io.stderr(`wrote ${opts.out}: ${csv.records.length} rows, scores added for ${added.join(', ') || 'no outcome (no item columns)'}\n`);
    });
}
