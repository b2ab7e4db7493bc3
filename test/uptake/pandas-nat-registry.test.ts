/**
 * pandas' NaT (a missing date after astype(str)) in a registry's last-activity column, as an
 * explorer's platform wrote it: on every referral without an activation. It was no code hta knew,
 * so --exclude-invalid left out exactly those rows and published an activation rate of 100%
 * (exit 0). Now NaT is refused as pandas' text for a missing value, with pandas' remedy, also with
 * --exclude-invalid (uptake/missing-cells.ts); and a last-activity code hta does not know
 * (MySQL's 0000-00-00) on more than 1 in 20 rows stops an --exclude-invalid run as an activation
 * code does (read-registry.ts unreadableActivationError; docs/input-registry.md "Empty cells",
 * "Problems and invalid rows").
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { readRegistryFile } from '../../src/uptake/read-registry.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const HEADER = 'id,region,clinic,referred,activated,last_active,age,sex,referrer';

/** 40 referrals, every fourth without an activation and `missing` as its last activity; `few`: only the first two so. */
function registry(missing: string, few = false): string {
  const lines = [HEADER];
  for (let i = 0; i < 40; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const none = i % 4 === 0;
    const last = none ? (!few || i < 8 ? missing : '') : `2025-04-${day}`;
    lines.push(`p${i},Hovedstaden,K1,2025-02-${day},${none ? '' : `2025-03-${day}`},${last},${40 + i},F,gp`);
  }
  const file = join(tempDir(), 'registry.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const options = { exportDate: '2025-11-30', invalidRows: 'exclude' as const, threads: 1 };
const failure = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a refusal'); }, (e: unknown) => e as HtaError);
const whole = (read: Awaited<ReturnType<typeof readRegistryFile>>) => read.aggregate.metrics.find((m) => m.region === 'Hovedstaden' && m.dimension === 'all' && m.period === 'all');

async function asParquet(csv: string): Promise<string> {
  const file = csv.replace(/\.csv$/, '.parquet');
  const db = await (await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' })).connect();
  await db.run(`COPY (SELECT * REPLACE (CAST(referred AS DATE) AS referred, CAST(age AS INTEGER) AS age) FROM read_csv('${csv}', all_varchar = true)) TO '${file}' (FORMAT parquet)`);
  db.closeSync();
  return file;
}

describe("pandas' NaT in a registry", () => {
  it('NaT in last_active stops an --exclude-invalid run with pandas\' cause and remedy, in CSV and Parquet; never a 100% activation rate', async () => {
    const csv = registry('NaT');
    for (const file of [csv, await asParquet(csv)]) {
      const err = await failure(readRegistryFile(file, options));
      expect(err.exitCode).toBe(2);
      expect(err.message).toContain('holding what looks like a code for an empty cell');
      expect(err.problems[0]).toMatchObject({ field: 'last_active', value: 'NaT' });
      expect(err.problems[0]!.expected).toContain('"NaT" is not a value but what pandas writes for a missing value (a missing date\'s pd.NaT) in a column turned into text by astype(str) or apply(str), so the cell is empty: leave out the astype(str) (to_csv writes a missing value as an empty cell, to_parquet as a null) or write df = df.replace({"NaT": ""}) before writing the file, or add "missingCodes": ["NaT"] to the uptake plan to read it as empty');
    }
  });

  it('declared in missingCodes, NaT reads as the empty cells pandas meant: the activation rate of the file', async () => {
    const coded = await readRegistryFile(registry('NaT'), { ...options, missingCodes: ['NaT'] });
    const empty = await readRegistryFile(registry(''), options);
    expect(coded.excluded.rows).toBe(0);
    expect(whole(coded)).toEqual(whole(empty));
    expect(whole(coded)).toMatchObject({ referrals: 40, activations: 30 });
  });

  it('a last-activity code hta does not know (0000-00-00) on more than 1 in 20 rows stops an --exclude-invalid run; a few are left out', async () => {
    const err = await failure(readRegistryFile(registry('0000-00-00'), options));
    expect(err.exitCode).toBe(2);
    expect(err.message).toContain('10 of 40 rows (25.0%, more than 1 in 20) have a last-activity cell that is no date; --exclude-invalid would leave them out');
    // Two of 40: left out as any invalid rows.
    const few = await readRegistryFile(registry('0000-00-00', true), options);
    expect(few.excluded.rows).toBe(2);
  });

  it('in Danish: the refusals and their cells are Danish lines', async () => {
    const nat = await runCli('uptake', registry('NaT'), '--eligible', 'data/synthetic/eligible.csv', '--plan', 'data/plans/uptake.plan.json', '--first-publication', '--exclude-invalid', '--lang', 'da');
    expect(nat.code).toBe(2);
    expect(nat.stderr).toContain('har 10 celle(r) i kolonner, der må være tomme (aktivering, sidste aktivitet, alder, køn), med hvad der ligner en kode for en tom celle');
    expect(nat.stderr).toContain('"NaT" — forventet en gyldig kalenderdato skrevet YYYY-MM-DD eller en tom celle — "NaT" er ikke en værdi, men det, pandas skriver for en manglende værdi (en manglende datos pd.NaT)');
    const zero = await runCli('uptake', registry('0000-00-00'), '--eligible', 'data/synthetic/eligible.csv', '--plan', 'data/plans/uptake.plan.json', '--first-publication', '--exclude-invalid', '--lang', 'da');
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('10 af 40 rækker (25,0 %, mere end 1 ud af 20) har en celle for sidste aktivitet, der ikke er en dato');
    expect(zero.stderr).not.toMatch(/ have | expected /);
  });
});
