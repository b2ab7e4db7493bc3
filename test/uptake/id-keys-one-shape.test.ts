/**
 * Review s29 privacy, finding 5: keying a registry's CPR-number ids by their digits read every
 * hyphenated id into JS and back (`id_keys`), also when each number is written one way — twice
 * the time and +400 MB on 800 000 rows. Ids of one shape throughout (their digits aside) can never
 * share a key, so nothing is read nor keyed; two shapes (an appended extract without the hyphen)
 * are keyed as before (repeated-rows.ts keyCprIds).
 */
import { describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { withDuckDb } from '../../src/uptake/engine/duckdb-session.js';
import { keyCprIds, REPEAT_HASHES_SQL } from '../../src/uptake/engine/repeated-rows.js';

/** Table `checked` (as registry-engine.ts builds it, the columns keyCprIds reads) of these ids. */
async function checkedOf(db: DuckDBConnection, ids: readonly string[]): Promise<void> {
  const values = ids.map((id, i) => `('${id}', ${i})`).join(', ');
  await db.run(`CREATE OR REPLACE TEMP TABLE raw AS SELECT id, CAST(n AS VARCHAR) AS otherh FROM (VALUES ${values}) t(id, n)`);
  await db.run(`CREATE OR REPLACE TEMP TABLE checked AS SELECT ${REPEAT_HASHES_SQL}, false AS bad FROM raw`);
}
const keys = async (db: DuckDBConnection) => Number(((await db.runAndReadAll('SELECT count(*) FROM id_keys')).getRowsJS() as unknown[][])[0]![0]);

/** Patient n's CPR number DDMMYY-NNNN. */
const cpr = (n: number) => `${String((n % 28) + 1).padStart(2, '0')}${String((n % 12) + 1).padStart(2, '0')}70-${String(1000 + n)}`;

describe('a registry whose CPR numbers are each written one way', () => {
  it('hyphen throughout: no id is keyed (nothing read into JS), none counted as spelled twice', async () => {
    await withDuckDb({ threads: 1 }, async (db) => {
      await checkedOf(db, Array.from({ length: 200 }, (_, n) => cpr(n)));
      expect(await keyCprIds(db)).toEqual({ cpr: 0, other: 0 });
      expect(await keys(db)).toBe(0);
    });
  });

  it('an appended extract without the hyphen, or without a leading zero: keyed, each number counted once', async () => {
    await withDuckDb({ threads: 1 }, async (db) => {
      const ids = Array.from({ length: 20 }, (_, n) => cpr(n));
      await checkedOf(db, [...ids, ids[0]!.replace('-', ''), String(Number(ids[1]!.replace('-', '')))]);
      expect(await keyCprIds(db)).toEqual({ cpr: 2, other: 0 });
      expect(await keys(db)).toBeGreaterThan(0);
    });
  });
});
