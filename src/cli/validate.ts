import type { Command } from 'commander';
import { loadTrialInputs } from './load-inputs.js';
import type { CliIo } from './io.js';
import { summarizeTrial } from '../trial/summarize-trial.js';

export function registerValidate(program: Command, io: CliIo): void {
  program
    .command('validate')
    .description('check a trial export against the plan; list every problem with file:line:column')
    .argument('<csv>', 'trial export (long or wide CSV)')
    .option('--plan <file>', 'analysis plan (JSON); defaults: the column names of docs/input-trial-export.md')
    .option('--json', 'print the summary as JSON')
    .action((file: string, opts: { plan?: string; json?: boolean }) => {
      const { trial } = loadTrialInputs(file, opts.plan);
      const summary = summarizeTrial(trial);
      if (opts.json) io.stdout(JSON.stringify(summary, null, 2) + '\n');
      else io.stdout(renderSummary(summary));
    });
}

function renderSummary(s: ReturnType<typeof summarizeTrial>): string {
  const lines = [
    `${s.file}: valid (${s.layout} layout)`,
    `patients: ${s.patients.intervention} intervention, ${s.patients.control} control`,
    `rows: ${s.rows}`,
    '',
    `observed scores per time point (intervention / control):`,
  ];
  const width = Math.max(7, ...s.outcomes.map((o) => o.key.length));
  lines.push(['outcome'.padEnd(width), 'source', ...s.times.map((t) => t.padStart(9))].join('  '));
  for (const o of s.outcomes) {
    lines.push([o.key.padEnd(width), o.from.padEnd(6), ...s.times.map((t) => `${o.observed[t]?.intervention ?? 0}/${o.observed[t]?.control ?? 0}`.padStart(9))].join('  '));
  }
  return lines.join('\n') + '\n';
}
