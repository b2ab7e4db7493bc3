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

// The file's age-band expression over exact ages (`CASE WHEN r.age IS NULL … END AS age_band`).
const AGE_BAND_CASE = /CASE\s+WHEN r\.age IS NULL[\s\S]*?END AS age_band/;

/**
 * Creates the four tables (temporary) on `db`. `ageBandCase`: for an export whose age column
 * holds age bands, the expression that names each row's band (registry-engine.ts `ageBandCaseSql`),
 * in place of the file's exact-age one; the rest of the file is run as written. `before`:
 * statements run first (the relations the file reads). All in one run of DuckDB, which stops at
 * the first statement that fails.
 */
export async function createAggregateTables(db: DuckDBConnection, ageBandCase?: string, before: readonly string[] = []): Promise<void> {
  const statements = [...before];
  for (const [name, statement] of aggregateStatements()) {
    if (ageBandCase !== undefined && name === 'uptake_cells' && !AGE_BAND_CASE.test(statement)) throw new Error(`${AGGREGATES_SQL_FILE}: the age-band CASE of uptake_cells is not where hta replaces it for age bands`);
    const sql = ageBandCase !== undefined && name === 'uptake_cells' ? statement.replace(AGE_BAND_CASE, ageBandCase) : statement;
    statements.push(`CREATE OR REPLACE TEMP TABLE ${name} AS ${sql}`);
  }
  await db.run(statements.join(';\n'));
}

const textOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/**
 * A query's result column by column. Counts and years are cast to DOUBLE in the SELECTs below
 * (exact for whole numbers below 2^53): DuckDB hands them over as numbers rather than BigInts,
 * which for the tens of thousands of cell rows is most of the reading time.
 */
async function columns(db: DuckDBConnection, sql: string): Promise<unknown[][]> {
  const reader = await db.runAndReadAll(sql);
  const read = reader.getColumnsJS() as unknown[][];
  // An empty result has no columns at all: one empty array per column instead.
  return Array.from({ length: reader.columnCount }, (_, i) => read[i] ?? []);
}

const counts = (names: readonly string[]) => names.map((n) => `CAST(${n} AS DOUBLE)`).join(', ');

/** Reads the four tables created by `createAggregateTables`. */
export async function readAggregateTables(db: DuckDBConnection): Promise<AggregateTables> {
  const [region, refYear, refMonth, ageBand, sex, referrer, delayDays, referrals, activations, atRisk4w, retained4w, atRisk12w, retained12w] = await columns(db,
    `SELECT CAST(region AS VARCHAR), ${counts(['ref_year', 'ref_month'])}, age_band, CAST(sex AS VARCHAR), CAST(referrer AS VARCHAR),
      ${counts(['delay_days', 'referrals', 'activations', 'at_risk_4w', 'retained_4w', 'at_risk_12w', 'retained_12w'])} FROM uptake_cells`) as [
    (string | null)[], (number | null)[], (number | null)[], (string | null)[], (string | null)[], (string | null)[], (number | null)[],
    number[], number[], number[], number[], number[], number[],
  ];
  const cells = region.map((r, i) => ({
    region: r, refYear: refYear[i] as number | null, refMonth: refMonth[i] as number | null, ageBand: ageBand[i] as string | null,
    sex: sex[i] as string | null, referrer: referrer[i] as string | null, delayDays: delayDays[i] as number | null,
    referrals: referrals[i] as number, activations: activations[i] as number, atRisk4w: atRisk4w[i] as number, retained4w: retained4w[i] as number,
    atRisk12w: atRisk12w[i] as number, retained12w: retained12w[i] as number,
  }));
  const [cRegion, clinic, cReferrals, cActivations] = await columns(db, `SELECT CAST(region AS VARCHAR), CAST(clinic AS VARCHAR), ${counts(['referrals', 'activations'])} FROM uptake_clinics`);
  const [aRegion, actYear, aActivations] = await columns(db, `SELECT CAST(region AS VARCHAR), ${counts(['act_year', 'activations'])} FROM uptake_activation_years`);
  const [exportDate, tReferrals] = await columns(db, `SELECT CAST(export_date AS VARCHAR), ${counts(['referrals'])} FROM uptake_totals`);
  return {
    cells,
    clinics: cRegion!.map((r, i) => ({ region: String(r), clinic: String(clinic![i]), referrals: Number(cReferrals![i]), activations: Number(cActivations![i]) })),
    activationYears: aRegion!.map((r, i) => ({ region: textOrNull(r), actYear: Number(actYear![i]), activations: Number(aActivations![i]) })),
    totals: exportDate!.map((d, i) => ({ exportDate: String(d), referrals: Number(tReferrals![i]) })),
  };
}
