import type { Command } from 'commander';
import { planJsonSchema } from '../plan/plan-schema.js';
import { resultsJsonSchema } from '../analysis/results-schema.js';
import { loadPlanFile } from '../plan/load-plan.js';
import { validationJsonSchema } from '../trial/validation-schema.js';
import type { CliIo } from './io.js';
import { existsSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HtaError } from '../errors.js';
import { readCsvFile } from '../io/read-csv.js';
import { writeFileAtomic } from '../io/write-atomic.js';
import { draftPlan } from '../plan/draft-plan.js';
import { refuseToOverwriteInput } from './guard-output.js';

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
    .command('init')
    .description('draft a plan from an export: columns, arms, visits, outcomes, answer and missing codes; prints it, and on stderr what was guessed and what to check')
    .argument('<export>', 'trial export (CSV)')
    .option('--out <file>', 'write the draft here instead of stdout (never over an existing file unless --force)')
    .option('--force', 'with --out: replace an existing file')
    .action((file: string, opts: { out?: string; force?: boolean }) => {
      if (opts.out) {
        refuseToOverwriteInput(file, opts.out);
        if (existsSync(opts.out) && !opts.force) throw new HtaError('usage.invalid', `${opts.out} exists; choose another name or add --force to replace it`);
      }
      const csv = readCsvFile(file);
      const schemaRef = relative(resolve(opts.out ? dirname(opts.out) : '.'), fileURLToPath(new URL('../../schemas/plan.schema.json', import.meta.url))).split(sep).join('/');
      const draft = draftPlan(csv, schemaRef);
      const text = JSON.stringify(draft.plan, null, 2) + '\n';
      if (opts.out) writeFileAtomic(opts.out, text);
      else io.stdout(text);
      io.stderr(['guessed:', ...draft.guesses.map((g) => `  ${g}`), 'check before analysing:', ...draft.checks.map((c) => `  - ${c}`), ''].join('\n'));
      if (opts.out) io.stderr(`wrote ${opts.out}; then: hta validate ${file} --plan ${opts.out}\n`);
    });
  plan
    .command('check')
    .description('validate a plan file and print it with every default filled in')
    .argument('<plan>', 'analysis plan (JSON)')
    .action((file: string) => {
      io.stdout(JSON.stringify(loadPlanFile(file), null, 2) + '\n');
    });
}
