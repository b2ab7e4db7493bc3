/**
 * Runs sql/uptake-aggregates.sql (docs/uptake-aggregates.md) on a connection that has the
 * relations `uptake_referrals` and `uptake_export`, and reads back its four tables.
 *
 * The file is the one definition of the aggregation: `hta uptake` runs it here, and a region runs
 * the same text in its own warehouse and sends the tables (`hta uptake --aggregates`).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DuckDBConnection } from '@duckdb/node-api';
import { TABLE_COLUMNS, type AggregateTables, type TableName } from './aggregate-tables.js';

/** The SQL file: from src/uptake/engine/ and from dist/uptake/engine/ alike, three folders up. */
export const AGGREGATES_SQL_FILE = fileURLToPath(new URL('../../../sql/uptake-aggregates.sql', import.meta.url));

/** The statements of the SQL file, by the table each produces (`-- table: <name>` heads each). */
export function aggregateStatements(sql = readFileSync(AGGREGATES_SQL_FILE, 'utf8')): Map<TableName, string> {
  const out = new Map<TableName, string>();
  const parts = sql.split(/^-- table: (\w+)\s*$/m);
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] as TableName;
    if (!(name in TABLE_COLUMNS)) throw new Error(`${AGGREGATES_SQL_FILE}: unknown table ${name}`);
    out.set(name, (parts[i + 1] ?? '').trim().replace(/;\s*$/, ''));
  }
  for (const name of Object.keys(TABLE_COLUMNS)) if (!out.has(name as TableName)) throw new Error(`${AGGREGATES_SQL_FILE} lacks table ${name}`);
  return out;
}

/** Creates the four tables (temporary) on `db`. */
export async function createAggregateTables(db: DuckDBConnection): Promise<void> {
  for (const [name, statement] of aggregateStatements()) await db.run(`CREATE OR REPLACE TEMP TABLE ${name} AS ${statement}`);
}

const num = (v: unknown): number => Number(v);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const textOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

async function rows(db: DuckDBConnection, sql: string): Promise<unknown[][]> {
  return (await db.runAndReadAll(sql)).getRowsJS() as unknown[][];
}

/** Reads the four tables created by `createAggregateTables`. */
export async function readAggregateTables(db: DuckDBConnection): Promise<AggregateTables> {
  return {
    cells: (await rows(db, 'SELECT region, ref_year, ref_month, age_band, sex, referrer, delay_days, referrals, activations, at_risk_4w, retained_4w, at_risk_12w, retained_12w FROM uptake_cells'))
      .map((r) => ({
        region: textOrNull(r[0]), refYear: numOrNull(r[1]), refMonth: numOrNull(r[2]), ageBand: textOrNull(r[3]), sex: textOrNull(r[4]), referrer: textOrNull(r[5]),
        delayDays: numOrNull(r[6]), referrals: num(r[7]), activations: num(r[8]), atRisk4w: num(r[9]), retained4w: num(r[10]), atRisk12w: num(r[11]), retained12w: num(r[12]),
      })),
    clinics: (await rows(db, 'SELECT region, clinic, referrals, activations FROM uptake_clinics'))
      .map((r) => ({ region: String(r[0]), clinic: String(r[1]), referrals: num(r[2]), activations: num(r[3]) })),
    activationYears: (await rows(db, 'SELECT region, act_year, activations FROM uptake_activation_years'))
      .map((r) => ({ region: textOrNull(r[0]), actYear: num(r[1]), activations: num(r[2]) })),
    totals: (await rows(db, 'SELECT CAST(export_date AS VARCHAR), referrals FROM uptake_totals'))
      .map((r) => ({ exportDate: String(r[0]), referrals: num(r[1]) })),
  };
}
