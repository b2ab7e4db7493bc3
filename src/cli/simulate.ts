import type { Command } from 'commander';
import { openAtomicSink, writeFileAtomic, writeLinesAtomic } from '../io/write-atomic.js';
import { simulateEligible, simulateRegistryLines } from '../simulate/registry.js';
import { simulateTrial, trialToCsv } from '../simulate/trial.js';
import { simulateTargetSample } from '../simulate/target-sample.js';
import { simulateRegistryOutcomes } from '../simulate/registry-outcomes.js';
import type { CliIo } from './io.js';
import { FORCE_OPTION, LIMITS, rangeText, wholeNumber } from './options.js';
import { guardPaths } from './guard-output.js';
import { HtaError } from '../errors.js';

export function registerSimulate(program: Command, io: CliIo): void {
  const sim = program.command('simulate').description('write synthetic data sets (clearly synthetic; for demos and tests)');
  sim
    .command('trial')
    .description('a synthetic export shaped like the selfBACK trial (461 patients, 5 visits, item-level answers)')
    .option('--seed <n>', 'random seed (same seed, same bytes)', wholeNumber('--seed'))
    .option('--patients <n>', `number of patients, ${rangeText(4, LIMITS.patients)} (default 461)`, wholeNumber('--patients', 4, LIMITS.patients))
    .requiredOption('--out <file>', 'where to write the CSV')
    .option(...FORCE_OPTION)
    .action(async (opts: { seed?: number; patients?: number; out: string; force?: boolean }) => {
      guardPaths({ outputs: [{ option: '--out', path: opts.out }], force: opts.force === true });
      const sim = simulateTrial({ ...(opts.seed !== undefined ? { seed: opts.seed } : {}), ...(opts.patients !== undefined ? { patients: opts.patients } : {}) });
      await writeFileAtomic(opts.out, trialToCsv(sim), { replace: opts.force === true });
      io.stderr(`wrote ${opts.out}: ${sim.rows.length} rows (synthetic)\n`);
    });
  sim
    .command('target-sample')
    .description('a synthetic sample of target patients (GP patients, symptoms > 4 weeks) for inverse-odds weighting')
    .option('--rows <n>', `number of patients, ${rangeText(1, LIMITS.patients)} (default 300)`, wholeNumber('--rows', 1, LIMITS.patients))
    .option('--seed <n>', 'random seed (same seed, same bytes; default 1)', wholeNumber('--seed'))
    .requiredOption('--out <file>', 'where to write the CSV')
    .option(...FORCE_OPTION)
    .action(async (opts: { rows?: number; seed?: number; out: string; force?: boolean }) => {
      guardPaths({ outputs: [{ option: '--out', path: opts.out }], force: opts.force === true });
      await writeFileAtomic(opts.out, simulateTargetSample({ ...(opts.rows !== undefined ? { rows: opts.rows } : {}), ...(opts.seed !== undefined ? { seed: opts.seed } : {}) }), { replace: opts.force === true });
      io.stderr(`wrote ${opts.out}: ${opts.rows ?? 300} target patients (synthetic)\n`);
    });
  sim
    .command('registry')
    .description('a synthetic registry export of app referrals in the five Danish regions (and its denominator file)')
    .option('--rows <n>', `number of referrals, ${rangeText(1, LIMITS.rows)} (default 10,000); streamed, so millions are fine`, wholeNumber('--rows', 1, LIMITS.rows))
    .option('--seed <n>', 'random seed (same seed, same bytes; default 1)', wholeNumber('--seed'))
    .requiredOption('--out <file>', 'where to write the registry (CSV, or Parquet with --format parquet)')
    .option('--format <format>', 'csv or parquet (typed columns, for hta uptake at scale)', 'csv')
    .option('--eligible-out <file>', 'also write the denominator CSV (region, year, eligible)')
    .option(...FORCE_OPTION)
    .action(async (opts: { rows?: number; seed?: number; out: string; eligibleOut?: string; format: string; force?: boolean }) => {
      const rows = opts.rows ?? 10_000;
      const seed = opts.seed ?? 1;
      if (opts.format !== 'csv' && opts.format !== 'parquet') throw new HtaError('usage.invalid', `--format ${JSON.stringify(opts.format)} is not a registry format — expected csv or parquet`);
      guardPaths({ outputs: [{ option: '--out', path: opts.out }, opts.eligibleOut !== undefined ? { option: '--eligible-out', path: opts.eligibleOut } : undefined], force: opts.force === true });
      // The two files are one batch (write-atomic.ts): the denominator is staged first and put in
      // place only with the registry, so a failure at either leaves neither (docs/output-safety.md).
      const eligible = opts.eligibleOut !== undefined ? openAtomicSink(opts.eligibleOut, { replace: opts.force === true }) : undefined;
      try {
        eligible?.write(simulateEligible({ seed }));
        const write = { replace: opts.force === true, ...(eligible ? { alongside: [eligible] } : {}) };
        if (opts.format === 'parquet') {
          const { writeRegistryParquet } = await import('../simulate/registry-parquet.js');
          await writeRegistryParquet(opts.out, { rows, seed }, {}, write);
        } else {
          await writeLinesAtomic(opts.out, simulateRegistryLines({ rows, seed }), write);
        }
      } catch (err) {
        eligible?.discard();
        throw err;
      }
      io.stderr(`wrote ${opts.out}: ${rows} referrals (synthetic, seed ${seed})\n`);
      if (opts.eligibleOut !== undefined) io.stderr(`wrote ${opts.eligibleOut}: eligible population per region and year (synthetic, seed ${seed})\n`);
    });
  sim
    .command('registry-outcomes')
    .description('a synthetic registry of outcomes of app users and non-users, confounded, with a known true effect (docs/observational.md)')
    .option('--patients <n>', `number of patients, ${rangeText(4, LIMITS.patients)} (default 1,200)`, wholeNumber('--patients', 4, LIMITS.patients))
    .option('--seed <n>', 'random seed (same seed, same bytes; default 1)', wholeNumber('--seed'))
    .requiredOption('--out <file>', 'where to write the CSV')
    .option(...FORCE_OPTION)
    .action(async (opts: { patients?: number; seed?: number; out: string; force?: boolean }) => {
      guardPaths({ outputs: [{ option: '--out', path: opts.out }], force: opts.force === true });
      await writeFileAtomic(opts.out, simulateRegistryOutcomes({ ...(opts.patients !== undefined ? { patients: opts.patients } : {}), ...(opts.seed !== undefined ? { seed: opts.seed } : {}) }), { replace: opts.force === true });
      io.stderr(`wrote ${opts.out}: ${opts.patients ?? 1200} patients (synthetic, seed ${opts.seed ?? 1})\n`);
    });
}
