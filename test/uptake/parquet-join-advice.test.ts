/**
 * The DuckDB commands hta suggests for several Parquet files (`hta uptake a.parquet b.parquet`)
 * and for a Spark/Fabric Parquet folder, run as printed: they write a new file — never onto an
 * input or a file that exists (COPY … TO overwrites silently) — holding the named files' rows
 * only, also when a name holds [ (a pattern to read_parquet) (docs/input-registry.md "Several
 * exports", "Parquet").
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { guardPaths } from '../../src/cli/guard-output.js';
import { HtaError } from '../../src/errors.js';
import { severalRegistriesError } from '../../src/uptake/several-registries.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

/** The COPY statement of a message, as printed. */
const copyOf = (message: string) => /COPY \(.*?\(FORMAT parquet\)/.exec(message)![0];

/** A Parquet file of `ids`. */
async function parquet(db: DuckDBConnection, file: string, ids: string[]): Promise<void> {
  await db.run(`COPY (SELECT unnest([${ids.map((i) => `'${i}'`).join(', ')}]) AS id) TO '${file.replace(/'/g, "''")}' (FORMAT parquet)`);
}

/** Runs `sql` in working folder `cwd` (the printed names are relative to it). */
async function runIn(cwd: string, db: DuckDBConnection, sql: string): Promise<void> {
  const was = process.cwd();
  process.chdir(cwd);
  try {
    await db.run(sql);
  } finally {
    process.chdir(was);
  }
}

const idsOf = async (db: DuckDBConnection, file: string) =>
  ((await db.runAndReadAll(`SELECT id FROM '${file.replace(/'/g, "''")}' ORDER BY id`)).getRowsJS() as string[][]).map((r) => r[0]);

describe('the DuckDB join advice for Parquet', () => {
  it('for several files: writes a new file of exactly their rows, never onto an input named registry-joined.parquet', async () => {
    const dir = tempDir();
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    try {
      await parquet(db, join(dir, 'registry-joined.parquet'), ['P1']);
      await parquet(db, join(dir, 'b [1].parquet'), ['P2']);
      await parquet(db, join(dir, 'b 1.parquet'), ['DECOY']);
      const before = readFileSync(join(dir, 'registry-joined.parquet'));
      const sql = copyOf(severalRegistriesError(['registry-joined.parquet', 'b [1].parquet'], dir).message);
      await runIn(dir, db, sql);
      expect(readFileSync(join(dir, 'registry-joined.parquet')).equals(before)).toBe(true);
      expect(await idsOf(db, join(dir, 'registry-joined-2.parquet'))).toEqual(['P1', 'P2']);
    } finally {
      db.closeSync();
    }
  });

  it('for a Parquet folder: reads only its own parts (a [ in its name too), writes no existing file, and names the option it was given as', async () => {
    const dir = tempDir();
    const folder = join(dir, 'udtræk [1].parquet');
    const decoy = join(dir, 'udtræk 1.parquet');
    mkdirSync(folder);
    mkdirSync(decoy);
    writeFileSync(join(dir, 'registry-joined.parquet'), 'a file the user already has');
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    try {
      await parquet(db, join(folder, 'part-0.parquet'), ['P1']);
      await parquet(db, join(folder, 'part-1.parquet'), ['P2']);
      await parquet(db, join(decoy, 'part-0.parquet'), ['DECOY']);
      const refusal = (option: string) => {
        const was = process.cwd();
        process.chdir(dir);
        try {
          guardPaths({ inputs: [{ option, path: folder }] });
        } catch (e) {
          if (e instanceof HtaError) return e.message;
          throw e;
        } finally {
          process.chdir(was);
        }
        throw new Error('not refused');
      };
      const message = refusal('<registry>');
      expect(message).toMatch(/and give that file as the registry$/);
      expect(refusal('--eligible')).toMatch(/and give that file as --eligible$/);
      await runIn(dir, db, copyOf(message));
      expect(readFileSync(join(dir, 'registry-joined.parquet'), 'utf8')).toBe('a file the user already has');
      expect(await idsOf(db, join(dir, 'registry-joined-2.parquet'))).toEqual(['P1', 'P2']);
    } finally {
      db.closeSync();
    }
  });
});
