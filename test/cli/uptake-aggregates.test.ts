/**
 * SQL that runs where the data live (docs/uptake-aggregates.md): each region runs
 * sql/uptake-aggregates.sql on its own rows — here in DuckDB, on a view that maps the export's
 * codes the way a warehouse would — and sends the four tables as CSV; `hta uptake --aggregates`
 * sums the parts and must print exactly what one run on the whole registry prints.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { simulateEligible, simulateRegistry } from '../../src/simulate/registry.js';
import { aggregateStatements } from '../../src/uptake/engine/aggregate-sql.js';
import { runCli, tempDir } from '../support/run-cli.js';

const PLAN = 'data/plans/uptake.plan.json';
const REGIONS = ['Hovedstaden', 'Midtjylland', 'Syddanmark', 'Sjælland', 'Nordjylland'];

/** A region's warehouse: its rows typed and coded as the SQL file expects, then the four tables to CSV. */
async function regionTables(db: DuckDBConnection, registry: string, region: string, exportDate: string, out: string): Promise<void> {
  mkdirSync(out, { recursive: true });
  await db.run(`CREATE OR REPLACE VIEW uptake_referrals AS
    SELECT region, clinic, CAST(referred AS DATE) AS referred, CAST(activated AS DATE) AS activated,
      CAST(last_active AS DATE) AS last_active, CAST(age AS INTEGER) AS age,
      CASE sex WHEN 'f' THEN 'female' WHEN 'm' THEN 'male' ELSE 'unknown' END AS sex, referrer
    FROM read_csv('${registry}', all_varchar = true) WHERE region = '${region}'`);
  await db.run(`CREATE OR REPLACE TABLE uptake_export AS SELECT DATE '${exportDate}' AS export_date`);
  for (const [name, sql] of aggregateStatements()) await db.run(`COPY (${sql}) TO '${join(out, `${name}.csv`)}' (HEADER)`);
}

describe('hta uptake --aggregates', () => {
  it('regional parts computed by the SQL elsewhere, summed, print the single run byte for byte', async () => {
    const dir = tempDir();
    const registry = join(dir, 'registry.csv'), eligible = join(dir, 'eligible.csv');
    // 300 rows still put referrals, activations and retention in every region part: a sum that
    // drops a count or a key (delay days, the region of an activation year) changes the output.
    writeFileSync(registry, simulateRegistry({ rows: 300, seed: 11 }));
    writeFileSync(eligible, simulateEligible({ seed: 11 }));
    // Threshold 1: every count published, so the comparison sees them all (and the disclosure
    // control, which only reads the aggregate, does not take seconds on many small cells).
    const plan = join(dir, 'plan.json');
    writeFileSync(plan, JSON.stringify({ ...JSON.parse(readFileSync(PLAN, 'utf8')), $schema: undefined, suppression: { threshold: 1, acknowledgeLowThreshold: true } }));
    const single = await runCli('uptake', registry, '--eligible', eligible, '--plan', plan, '--json', '--threads', '1', '--memory-limit', '256MB');
    expect(single.code).toBe(0);
    const exportDate = (JSON.parse(single.stdout) as { exportDate: string }).exportDate;

    const db = await (await DuckDBInstance.create(':memory:', { threads: '1', autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' })).connect();
    const parts = REGIONS.map((r, i) => join(dir, `part${i}`));
    for (const [i, region] of REGIONS.entries()) await regionTables(db, registry, region, exportDate, parts[i]!);
    const combined = await runCli('uptake', '--aggregates', ...parts, '--eligible', eligible, '--plan', plan, '--json');
    expect(combined.stderr).toBe(single.stderr);
    expect(combined.stdout).toBe(single.stdout);

    // A part cut at another export date cannot be added: retention is censored at that date.
    await regionTables(db, registry, 'Nordjylland', '2025-06-30', parts[4]!);
    db.closeSync();
    const mixed = await runCli('uptake', '--aggregates', ...parts, '--eligible', eligible, '--plan', plan, '--json');
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('different export dates');
    expect(mixed.stderr).toContain(`"2025-06-30" — expected the export date of the other parts, ${exportDate}`);
  });

  it('names a bad cell of an aggregate table and a missing table', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'uptake_totals.csv'), 'export_date,referrals\n2025-12-30,-4\n');
    const r = await runCli('uptake', '--aggregates', dir, '--eligible', 'data/synthetic/eligible.csv', '--plan', PLAN);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(dir, 'uptake_totals.csv')}:2:2 (referrals): "-4" — expected a whole number ≥ 0`);
    writeFileSync(join(dir, 'uptake_totals.csv'), 'export_date,referrals\n2025-12-30,4\n');
    const missing = await runCli('uptake', '--aggregates', dir, '--eligible', 'data/synthetic/eligible.csv', '--plan', PLAN);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('lack uptake_cells, uptake_clinics, uptake_activation_years');
  });

  it('checks the engine options and that a registry or --aggregates is given, not both', async () => {
    const base = ['--eligible', 'data/synthetic/eligible.csv', '--plan', PLAN];
    const cases: [string[], string][] = [
      [['data/synthetic/registry.csv', ...base, '--memory-limit', '12'], '--memory-limit "12" is not a memory size'],
      [['data/synthetic/registry.csv', ...base, '--memory-limit', '1MB'], 'too small'],
      [['data/synthetic/registry.csv', ...base, '--threads', '0'], '--threads "0" is not a thread count'],
      [base, 'give a registry export'],
      [['data/synthetic/registry.csv', '--aggregates', 'x', ...base], 'one of the two'],
    ];
    for (const [args, message] of cases) {
      const r = await runCli('uptake', ...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
    }
  });
});
