/**
 * Which ten-digit numbers of a registry's place and category columns are codes — a clinic's
 * P-number or SOR code — rather than CPR numbers: those on at least CODE_MIN_ROWS rows of the
 * file (cpr-shape.ts; docs/input-registry.md "CPR numbers"). Counted over view `raw` only when
 * the lookup tables' texts hold such a number, so a file without one is not read again.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { CODE_COLUMNS, codeText, repeatedCodes, type RepeatedCodes } from '../cpr-shape.js';
import type { RegistryColumn } from '../referral.js';
import { sqlText } from './duckdb-session.js';
import type { DistinctTexts } from './value-dictionaries.js';

/** The repeated codes among `texts` (the texts the lookup tables are built from), counted in `raw`. */
export async function repeatedCodesIn(db: DuckDBConnection, texts: DistinctTexts): Promise<RepeatedCodes> {
  const wanted = CODE_COLUMNS.map((col) => [col, texts[col].filter((t) => codeText(t.trim()))] as const).filter(([, t]) => t.length > 0);
  if (wanted.length === 0) return {};
  // One read: each column's candidates grouped by their text as written (trimmed in JS, as
  // the row check trims), the other columns' rows of a grouping set dropped below.
  const where = wanted.map(([col, t]) => `${col} IN (${t.map(sqlText).join(', ')})`).join(' OR ');
  const sets = wanted.map(([col]) => `(${col})`).join(', ');
  const names = wanted.map(([col]) => col);
  const asked = wanted.map(([, t]) => new Set(t));
  const rows = (await db.runAndReadAll(`SELECT ${names.join(', ')}, count(*) FROM raw WHERE ${where} GROUP BY GROUPING SETS (${sets})`)).getRowsJS() as unknown[][];
  const counts = new Map<RegistryColumn, Map<string, number>>();
  for (const row of rows) {
    const i = row.findIndex((v, k) => k < names.length && v !== null);
    if (i < 0) continue;
    if (!asked[i]!.has(String(row[i]))) continue; // a row of the set kept for another column's code
    const t = String(row[i]).trim();
    const m = counts.get(names[i]!) ?? new Map<string, number>();
    counts.set(names[i]!, m.set(t, (m.get(t) ?? 0) + Number(row[names.length])));
  }
  return repeatedCodes(counts);
}
