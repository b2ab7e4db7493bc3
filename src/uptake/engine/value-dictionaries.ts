/**
 * What each cell of a registry means, decided once per distinct text (docs/uptake-aggregates.md
 * "Checks"). A registry of millions of rows holds a few hundred distinct regions, clinics,
 * sexes, referrers, ages and dates: each distinct text is read by the very zod schemas the row
 * validator uses (referral.ts), and the answers go back into the database as small lookup tables
 * the rows are joined with. So the SQL path accepts exactly what the row validator accepts —
 * synonyms, Unicode normalisation, strict calendar dates — without a second definition in SQL.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { DuckDBDateValue } from '@duckdb/node-api';
import { referralFieldSchemas, type ReferralRules } from '../referral.js';
import { createDateFormatDetector, type DateFormatDetector } from '../registry-dates.js';

async function distinct(db: DuckDBConnection, sql: string): Promise<string[]> {
  return ((await db.runAndReadAll(sql)).getRowsJS() as unknown[][]).map((r) => String(r[0] ?? ''));
}

/** The distinct texts of the three date columns, in the order they first appear in the file. */
export async function distinctDates(db: DuckDBConnection): Promise<string[]> {
  return distinct(db, `
    SELECT v FROM (
      SELECT referred AS v, rowid * 3 AS pos FROM raw
      UNION ALL SELECT activated, rowid * 3 + 1 FROM raw
      UNION ALL SELECT last_active, rowid * 3 + 2 FROM raw
    ) GROUP BY v ORDER BY min(pos)`);
}

/** A date-format detector fed with every distinct date text (trimmed, as the row check sees it). */
export function detectorOf(dates: readonly string[]): DateFormatDetector {
  const detector = createDateFormatDetector();
  for (const d of dates) detector.add(d.trim());
  return detector;
}

/**
 * Creates the lookup tables on `db` from table `raw` (all text):
 *   dict_region, dict_clinic, dict_sex, dict_referrer (raw, value — NULL when invalid),
 *   dict_age (raw, ok, value — NULL for an empty or NA age),
 *   dict_date (raw, empty, day — NULL when empty or not a date in the file's format).
 */
export async function createValueDictionaries(db: DuckDBConnection, rules: ReferralRules, dates?: readonly string[]): Promise<void> {
  const schemas = referralFieldSchemas(rules);
  for (const col of ['region', 'clinic', 'sex', 'referrer'] as const) {
    await db.run(`CREATE OR REPLACE TABLE dict_${col} (raw VARCHAR, value VARCHAR)`);
    const appender = await db.createAppender(`dict_${col}`);
    for (const raw of await distinct(db, `SELECT DISTINCT ${col} FROM raw`)) {
      const r = schemas[col].safeParse(raw.trim());
      appender.appendVarchar(raw);
      if (r.success) appender.appendVarchar(r.data);
      else appender.appendNull();
      appender.endRow();
    }
    appender.closeSync();
  }

  await db.run('CREATE OR REPLACE TABLE dict_age (raw VARCHAR, ok BOOLEAN, value INTEGER)');
  const ages = await db.createAppender('dict_age');
  for (const raw of await distinct(db, 'SELECT DISTINCT age FROM raw')) {
    const r = schemas.age.safeParse(raw.trim());
    ages.appendVarchar(raw);
    ages.appendBoolean(r.success);
    if (r.success && r.data !== null) ages.appendInteger(r.data);
    else ages.appendNull();
    ages.endRow();
  }
  ages.closeSync();

  await db.run('CREATE OR REPLACE TABLE dict_date (raw VARCHAR, empty BOOLEAN, day DATE)');
  const days = await db.createAppender('dict_date');
  for (const raw of dates ?? (await distinctDates(db))) {
    const text = raw.trim();
    const r = schemas.referred.safeParse(text);
    days.appendVarchar(raw);
    days.appendBoolean(text === '');
    if (r.success) days.appendDate(new DuckDBDateValue(r.data));
    else days.appendNull();
    days.endRow();
  }
  days.closeSync();
}
