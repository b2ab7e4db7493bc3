import type { Command } from 'commander';
import { planJsonSchema } from '../plan/plan-schema.js';
import { resultsJsonSchema } from '../analysis/results-schema.js';
import { loadPlanFile } from '../plan/load-plan.js';
import type { CliIo } from './io.js';

export function registerPlan(program: Command, io: CliIo): void {
  const plan = program.command('plan').description('analysis plans: JSON Schema and checking');
  plan
    .command('schema')
    .description('print the JSON Schema of the analysis plan (or, with --results, of `hta analyze --json`)')
    .option('--results', 'the schema of the analysis results instead')
    .action((opts: { results?: boolean }) => {
      io.stdout(JSON.stringify(opts.results ? resultsJsonSchema() : planJsonSchema(), null, 2) + '\n');
    });
  plan
    .command('check')
    .description('validate a plan file and print it with every default filled in')
    .argument('<plan>', 'analysis plan (JSON)')
    .action((file: string) => {
      io.stdout(JSON.stringify(loadPlanFile(file), null, 2) + '\n');
    });
  plan
    .command('init')
    .description('print a draft plan guessed from a data file (column names, date format, codes); edit it before use')
    .requiredOption('--uptake <registry>', 'a registry export: drafts an uptake plan (docs/plan-uptake.md)')
    .action(async (opts: { uptake: string }) => {
      const { draftUptakePlanText } = await import('../uptake/draft-uptake-plan.js');
      const out = draftUptakePlanText(opts.uptake);
      io.stderr(out.stderr);
      io.stdout(out.stdout);
    });
}
