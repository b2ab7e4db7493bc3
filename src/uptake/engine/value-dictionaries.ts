/**
 * What each cell of a registry means, decided once per distinct text (docs/uptake-aggregates.md
 * "Checks"). A registry of millions of rows holds a few hundred distinct regions, clinics,
 * sexes, referrers, ages and dates: each distinct text is read by the very zod schemas the row
 * validator uses (referral.ts), and the answers go back into the database as small lookup tables
 * the rows are joined with. So the SQL path accepts exactly what the row validator accepts —
 * synonyms, Unicode normalisation, strict calendar dates — without a second definition in SQL.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { referralFieldSchemas, type ReferralRules } from '../referral.js';
import { createDateFormatDetector, type DateFormatDetector } from '../registry-dates.js';
import { duckdb } from './duckdb-api.js';
import { DEFAULT_MISSING_CODES, isEmptyCell } from '../missing-cells.js';
import { sqlText } from './duckdb-session.js';

/** The columns whose distinct texts are looked up. */
export const DICTIONARY_COLUMNS = ['region', 'clinic', 'sex', 'referrer', 'age', 'referred', 'activated', 'last_active'] as const;
export type DistinctTexts = Record<(typeof DICTIONARY_COLUMNS)[number], string[]>;

const COLUMNS_SQL = DICTIONARY_COLUMNS.join(', ');

const emptyTexts = () => Object.fromEntries(DICTIONARY_COLUMNS.map((c) => [c, [] as string[]])) as DistinctTexts;

/**
 * Every distinct text of each looked-up column of the file (the view `raw`), in one pass over it
 * (one GROUP BY per column, as grouping sets).
 */
export async function distinctTexts(db: DuckDBConnection): Promise<DistinctTexts> {
  const sets = DICTIONARY_COLUMNS.map((c) => `(${c})`).join(', ');
  const texts = emptyTexts();
  for (const row of (await db.runAndReadAll(`SELECT ${COLUMNS_SQL} FROM raw GROUP BY GROUPING SETS (${sets})`)).getRowsJS() as unknown[][]) {
    const i = row.findIndex((v) => v !== null);
    if (i < 0) continue;
    texts[DICTIONARY_COLUMNS[i]!].push(String(row[i]));
  }
  return texts;
}

/**
 * The distinct texts of the first `sampleRows` rows of `relation` (the read stops there), and
 * whether those were all its rows (fewer were read than asked for): then they are every distinct
 * text of the file.
 */
export async function sampleTexts(db: DuckDBConnection, sampleRows: number, relation: string): Promise<{ texts: DistinctTexts; wholeFile: boolean }> {
  const n = Math.trunc(sampleRows);
  const texts = emptyTexts();
  let rows = 0;
  // Each row's cells unnested into (column, text) pairs and grouped once: for at most the sample's
  // rows, less CPU than the grouping sets distinctTexts uses (8 rows: ~11 → ~4 ms; 20,000
  // rows: ~21 → ~17 ms, one thread). count(*) of the first column's texts adds up to the rows read.
  const pairs = DICTIONARY_COLUMNS.map((c, i) => `{'k': ${i}, 'v': ${c}}`).join(', ');
  for (const [k, v, count] of (await db.runAndReadAll(`SELECT k, v, count(*) FROM (SELECT unnest([${pairs}], recursive := true)
      FROM (SELECT ${COLUMNS_SQL} FROM ${relation} LIMIT ${n})) GROUP BY k, v`)).getRowsJS() as [number, unknown, unknown][]) {
    if (v === null) continue;
    texts[DICTIONARY_COLUMNS[k]!].push(String(v));
    if (k === 0) rows += Number(count);
  }
  return { texts, wholeFile: rows < n };
}

/** The distinct date texts of the three date columns. */
export const datesOf = (t: DistinctTexts): string[] => [...new Set([...t.referred, ...t.activated, ...t.last_active])];

/**
 * A date-format detector fed with date texts (trimmed, as the row check sees them); cells that
 * are read as empty (`NULL`, the plan's missingCodes: missing-cells.ts) are no dates to detect.
 */
export function detectorOf(dates: Iterable<string>, missingCodes: readonly string[] = DEFAULT_MISSING_CODES): DateFormatDetector {
  const detector = createDateFormatDetector();
  for (const d of dates) {
    const text = d.trim();
    detector.add(isEmptyCell(text, missingCodes) ? '' : text);
  }
  return detector;
}

const ENUM_COLUMNS = ['region', 'clinic', 'sex', 'referrer'] as const;

/** Drops the lookup tables and their ENUM types (and table `checked`, which uses the types), if there: one run of DuckDB. */
export async function dropValueDictionaries(db: DuckDBConnection): Promise<void> {
  await db.run(['DROP TABLE IF EXISTS checked', ...[...ENUM_COLUMNS, 'age', 'date'].map((t) => `DROP TABLE IF EXISTS dict_${t}`), ...ENUM_COLUMNS.map((c) => `DROP TYPE IF EXISTS hta_${c}`)].join(';\n'));
}

/**
 * Creates the lookup tables on `db` for `texts` — every distinct text of the file, or a sample's
 * with the likely ones (sample-texts.ts); each column's texts distinct, so each joins one row:
 *   dict_region, dict_clinic, dict_sex, dict_referrer (raw, value — NULL when invalid),
 *   dict_age (raw, ok, value — NULL for an empty or NA age),
 *   dict_date (raw, empty, day — NULL when empty or not a date in the file's format; `empty` also
 *   for a code read as empty, `NULL`: missing-cells.ts).
 * The `value` of dict_region, dict_clinic, dict_sex and dict_referrer is an ENUM of the column's
 * valid values (`hta_<col>`, sorted): the checked rows then hold a one- or two-byte code per cell
 * instead of the text (docs/limits.md, memory), and the values come back out of DuckDB as the
 * same text. Every text is decided before the tables are made, so the types and the tables are
 * created in one run of DuckDB and filled by appenders (the types' values known in JavaScript,
 * not read back from the tables).
 *
 * Returns the valid date texts with a `:` (a time of day may follow the date: registry-engine.ts
 * `datesWithTime`), as `SELECT raw FROM dict_date WHERE day IS NOT NULL AND contains(raw, ':')` would.
 */
export async function createValueDictionaries(db: DuckDBConnection, rules: ReferralRules, texts: DistinctTexts): Promise<{ datesWithColon: string[] }> {
  const schemas = referralFieldSchemas(rules);
  const decided = ENUM_COLUMNS.map((col) => texts[col].map((raw) => {
    const r = schemas[col].safeParse(raw.trim());
    return [raw, r.success ? r.data : null] as const;
  }));
  const types = ENUM_COLUMNS.map((col, i) => {
    const values = [...new Set(decided[i]!.flatMap(([, v]) => (v === null ? [] : [v])))].sort();
    return `CREATE TYPE hta_${col} AS ENUM (${values.map(sqlText).join(', ')});\nCREATE TABLE dict_${col} (raw VARCHAR, value hta_${col});`;
  });
  await db.run(`${types.join('\n')}
    CREATE TABLE dict_age (raw VARCHAR, ok BOOLEAN, value INTEGER);
    CREATE TABLE dict_date (raw VARCHAR, empty BOOLEAN, day DATE)`);
  for (const [i, col] of ENUM_COLUMNS.entries()) {
    const appender = await db.createAppender(`dict_${col}`);
    for (const [raw, value] of decided[i]!) {
      appender.appendVarchar(raw);
      if (value !== null) appender.appendVarchar(value);
      else appender.appendNull();
      appender.endRow();
    }
    appender.closeSync();
  }

  const ages = await db.createAppender('dict_age');
  for (const raw of texts.age) {
    const r = schemas.age.safeParse(raw.trim());
    ages.appendVarchar(raw);
    ages.appendBoolean(r.success);
    if (r.success && r.data !== null) ages.appendInteger(r.data);
    else ages.appendNull();
    ages.endRow();
  }
  ages.closeSync();

  const datesWithColon: string[] = [];
  const days = await db.createAppender('dict_date');
  for (const raw of datesOf(texts)) {
    const text = raw.trim();
    const r = schemas.referred.safeParse(text);
    days.appendVarchar(raw);
    days.appendBoolean(isEmptyCell(text, rules.missingCodes ?? DEFAULT_MISSING_CODES));
    if (r.success) {
      days.appendDate(new duckdb.DuckDBDateValue(r.data));
      if (raw.includes(':')) datesWithColon.push(raw);
    } else days.appendNull();
    days.endRow();
  }
  days.closeSync();
  return { datesWithColon };
}
