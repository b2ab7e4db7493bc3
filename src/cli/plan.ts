/**
 * `hta plan`: the JSON Schemas of the files a user writes (trial plans, uptake plans, the report
 * manifest) and of `hta analyze --json`, and `plan check`, which validates any of those files and
 * prints it with every default filled in. Kinds and schemas: plan-files.ts.
 */
import type { Command } from 'commander';
import { resultsJsonSchema } from '../analysis/results-schema.js';
import { HtaError } from '../errors.js';
import type { CliIo } from './io.js';
import type { FileKind } from './plan-files.js';

// plan-files.js loads the report kinds (for the manifest's schema): imported on use, so that
// `hta --help` and the other commands do not pay for them.
const FILE_KINDS: readonly FileKind[] = ['trial', 'uptake', 'manifest'];

const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';

export function registerPlan(program: Command, io: CliIo): void {
  const plan = program.command('plan').description('plans and other input files: JSON Schemas and checking');
  plan
    .command('schema')
    .description('print the JSON Schema of trial analysis plans (or, with an option, of another file)')
    .option('--uptake', 'the schema of uptake plans (`hta uptake --plan`)')
    .option('--manifest', 'the schema of the report manifest (`hta report --manifest`)')
    .option('--results', 'the schema of the analysis results (`hta analyze --json`)')
    .action(async (opts: { uptake?: boolean; manifest?: boolean; results?: boolean }) => {
      const chosen = (['uptake', 'manifest', 'results'] as const).filter((k) => opts[k]);
      if (chosen.length > 1) throw new HtaError('usage.invalid', `give one of --uptake, --manifest, --results (not ${chosen.map((k) => `--${k}`).join(' and ')})`);
      const which = chosen[0];
      const { jsonSchemaOf } = await import('./plan-files.js');
      io.stdout(json(which === 'results' ? resultsJsonSchema() : jsonSchemaOf(which ?? 'trial')));
    });
  plan
    .command('check')
    .description('validate a trial plan, uptake plan or report manifest and print it with every default filled in')
    .argument('<file>', 'the JSON file; its kind is recognised from "$schema" or its fields')
    .option('--kind <kind>', `what the file is: ${FILE_KINDS.join(', ')} (default: recognised)`)
    .action(async (file: string, opts: { kind?: string }) => {
      if (opts.kind !== undefined && !(FILE_KINDS as readonly string[]).includes(opts.kind)) {
        throw new HtaError('usage.invalid', `--kind "${opts.kind}": expected one of ${FILE_KINDS.join(', ')}`);
      }
      const { checkUserFile } = await import('./plan-files.js');
      io.stdout(json(checkUserFile(file, opts.kind as FileKind | undefined).value));
    });
}
