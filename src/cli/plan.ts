import type { Command } from 'commander';
import { planJsonSchema } from '../plan/plan-schema.js';
import { resultsJsonSchema } from '../analysis/results-schema.js';
import { loadPlanFile } from '../plan/load-plan.js';
import { validationJsonSchema } from '../trial/validation-schema.js';
import type { CliIo } from './io.js';

export function registerPlan(program: Command, io: CliIo): void {
  const plan = program.command('plan').description('analysis plans: JSON Schema and checking');
  plan
    .command('schema')
    .description('print the JSON Schema of the analysis plan (or, with --results, of `hta analyze --json`; with --validation, of `hta validate --json`)')
    .option('--results', 'the schema of the analysis results instead')
    .option('--validation', 'the schema of `hta validate --json` instead')
    .action((opts: { results?: boolean; validation?: boolean }) => {
      const schema = opts.validation ? validationJsonSchema() : opts.results ? resultsJsonSchema() : planJsonSchema();
      io.stdout(JSON.stringify(schema, null, 2) + '\n');
    });
  plan
    .command('check')
    .description('validate a plan file and print it with every default filled in')
    .argument('<plan>', 'analysis plan (JSON)')
    .action((file: string) => {
      io.stdout(JSON.stringify(loadPlanFile(file), null, 2) + '\n');
    });
}
