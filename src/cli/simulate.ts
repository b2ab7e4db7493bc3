import type { Command } from 'commander';
import { HtaError } from '../errors.js';
import { writeFileAtomic } from '../io/write-atomic.js';
import { simulateTrial, trialToCsv } from '../simulate/trial.js';
import type { CliIo } from './io.js';

function parseSeed(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n)) throw new HtaError('usage.invalid', `--seed ${JSON.stringify(v)}: expected a whole number`);
  return n;
}

export function registerSimulate(program: Command, io: CliIo): void {
  const sim = program.command('simulate').description('write synthetic data sets (clearly synthetic; for demos and tests)');
  sim
    .command('trial')
    .description('a synthetic export shaped like the selfBACK trial (461 patients, 5 visits, item-level answers)')
    .option('--seed <n>', 'random seed (same seed, same bytes)', parseSeed)
    .option('--patients <n>', 'number of patients (default 461)', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 4) throw new HtaError('usage.invalid', `--patients ${JSON.stringify(v)}: expected a whole number ≥ 4`);
      return n;
    })
    .requiredOption('--out <file>', 'where to write the CSV')
    .action((opts: { seed?: number; patients?: number; out: string }) => {
      const sim = simulateTrial({ ...(opts.seed !== undefined ? { seed: opts.seed } : {}), ...(opts.patients !== undefined ? { patients: opts.patients } : {}) });
      writeFileAtomic(opts.out, trialToCsv(sim));
      io.stderr(`wrote ${opts.out}: ${sim.rows.length} rows (synthetic)\n`);
    });
  for (const c of sim.commands) c.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
}
