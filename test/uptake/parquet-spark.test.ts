/**
 * A Parquet registry as data platforms write it (docs/input-registry.md "Parquet"), read with the
 * referrals of the same rows as CSV:
 * - every timestamp flavour (test/fixtures/parquet-spark/README.md). Until session 34 Spark's INT96
 *   (a UTC instant) was read as a clock time: every Danish midnight moved a day back under the
 *   advised "iso-datetime", silently under "auto"; a date localised to UTC was refused under "iso".
 * - a file in a folder named `region=…/`: DuckDB took the folder's value for every row's region,
 *   replacing the file's own column; a file whose region is only in such a folder is refused with
 *   the command that writes it in.
 * - a Spark folder: a partitioned one (`region=…/part-….parquet`) got a bare "give the file's
 *   path", a Delta table the command for a plain folder (which brought its deleted rows back); the
 *   commands printed now write one file that reads as the CSV does, Spark's INT96 dates kept instants.
 * - a column name written twice (`activated`, `Activated`): DuckDB renamed the second and the
 *   first was read silently; it is refused, as in a CSV header.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { readRegistry } from '../../src/uptake/read-registry.js';
import { filesInt96, registryFolderError } from '../../src/uptake/registry-folder.js';
import { severalRegistriesError } from '../../src/uptake/several-registries.js';
import { regionSet } from '../../src/uptake/regions.js';
import type { DateFormatOption } from '../../src/uptake/registry-dates.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'parquet-spark');
const fixture = (name: string) => join(FIXTURES, name);
const base = { regions: regionSet(['Hovedstaden', 'Sjælland']), exportDate: '2025-12-30', threads: 1 };
const read = (file: string, dateFormat: DateFormatOption = 'iso') => readRegistry(file, { ...base, dateFormat });
let csv: Awaited<ReturnType<typeof readRegistry>>;
beforeAll(async () => {
  csv = await read(fixture('registry.csv'));
});

/** The refusal `run` throws. */
async function refusal(run: () => Promise<unknown>): Promise<HtaError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof HtaError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('Parquet timestamps are read on their Danish calendar day', () => {
  const flavours = ['int96-spark', 'int96-naive', 'timestamp-utc-ms', 'timestamp-utc-us', 'timestamp-utc-ns', 'timestamp-local-ms', 'timestamp-local-us', 'timestamp-local-ns', 'timestamp-utc-midnight'];
  for (const name of flavours) {
    it(`${name}.parquet reads the referrals of registry.csv under iso, iso-datetime and auto`, async () => {
      for (const dateFormat of ['iso', 'iso-datetime', 'auto'] as const) expect(await read(fixture(`${name}.parquet`), dateFormat), dateFormat).toEqual(csv);
    }, 30_000);
  }

  it('INT96 with a time of day: its Danish day under iso-datetime (23:30 is not the next day, 00:15 not the day before); under iso refused naming Danish clock times', async () => {
    expect(await read(fixture('int96-spark-times.parquet'), 'iso-datetime')).toEqual(csv);
    const e = await refusal(() => read(fixture('int96-spark-times.parquet')));
    const problems = (e.groups ?? e.problems).map((p) => `${p.field}: ${p.expected}`).join('\n');
    expect(problems).toContain('"dateFormat": "iso-datetime"');
    // The first referral (30 March 2024) at 00:15 Danish time, as the clock in Denmark read it (23:15 UTC the day before).
    expect(e.groups?.find((g) => g.field === 'referred')?.values[0]).toBe('2024-03-30 00:15:00');
  }, 30_000);
});

describe('a Parquet registry is read by its own columns', () => {
  let db: DuckDBConnection;
  beforeAll(async () => {
    db = await (await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' })).connect();
  });
  afterAll(() => db.closeSync());
  const sql = (path: string) => `'${path.replace(/'/g, "''")}'`;

  it('a folder named region=… on its path does not replace its region column', async () => {
    const folder = join(tempDir(), 'region=Hovedstaden');
    mkdirSync(folder);
    copyFileSync(fixture('int96-spark.parquet'), join(folder, 'registry.parquet'));
    expect(await read(join(folder, 'registry.parquet'))).toEqual(csv);
  }, 30_000);

  /** Runs the first COPY statement of `message` in `cwd` (its file name is relative to it) and returns the file it wrote. */
  async function runCopy(message: string, cwd: string): Promise<string> {
    const copy = /COPY \(.*?\(FORMAT parquet\)/.exec(message)?.[0];
    if (copy === undefined) throw new Error(`no command in: ${message}`);
    const was = process.cwd();
    process.chdir(cwd);
    try {
      await db.run(copy);
    } finally {
      process.chdir(was);
    }
    return join(cwd, /TO '([^']+)' \(FORMAT parquet\)$/.exec(copy)![1]!);
  }

  it('a part file whose region is only in its folder name is refused with a command that writes the table as one file, which reads the registry', async () => {
    const part = join(fixture('int96-partitioned'), 'region=Hovedstaden', 'part-00000-0a1b2c3d-0000-0000-0000-000000000000.c000.snappy.parquet');
    const e = await refusal(() => read(part));
    expect(e.message).toBe(`${part} lacks registry columns`);
    const hint = e.problems.find((p) => p.field === 'region')?.hint ?? '';
    expect(hint).toContain('the region is only in the folder name region=Hovedstaden');
    // Spark's INT96 dates written as instants, not as the clock times DuckDB reads them as.
    expect(await read(await runCopy(hint, tempDir()))).toEqual(csv);
  }, 30_000);

  it('a Spark folder, plain or partitioned, is refused with a command that writes it as one file, which reads the registry', async () => {
    const flat = join(tempDir(), 'udtræk.parquet');
    mkdirSync(flat);
    copyFileSync(fixture('int96-spark.parquet'), join(flat, 'part-00000-0a1b2c3d.c000.snappy.parquet'));
    for (const folder of [flat, fixture('int96-partitioned')]) {
      const e = await registryFolderError(folder);
      expect(e?.message, folder).toMatch(/and give that file as the registry$/);
      expect(await read(await runCopy(e!.message, tempDir())), folder).toEqual(csv);
    }
    expect((await registryFolderError(fixture('int96-partitioned')))?.message).toContain('it is a table of 2 Parquet files in folders by region (region=Hovedstaden, region=Sjælland)');
  }, 30_000);

  it('several Spark files: the join command keeps their INT96 dates instants', async () => {
    const files = [fixture('int96-spark.parquet'), fixture('int96-naive.parquet')];
    expect(severalRegistriesError(files, tempDir(), await filesInt96(files)).message)
      .toContain(`COPY (SELECT * REPLACE (timezone('UTC', "activated") AS "activated", timezone('UTC', "last_active") AS "last_active", timezone('UTC', "referred") AS "referred") FROM read_parquet(`);
  }, 30_000);

  it('a Delta table, or a part file of one, is refused with how to read its current version, never a glob of its part files', async () => {
    const table = join(tempDir(), 'henvisninger');
    mkdirSync(join(table, '_delta_log'), { recursive: true });
    writeFileSync(join(table, '_delta_log', '00000000000000000000.json'), '{"commitInfo":{}}\n');
    copyFileSync(fixture('int96-spark.parquet'), join(table, 'part-00000-aaaa.c000.snappy.parquet'));
    copyFileSync(fixture('int96-naive.parquet'), join(table, 'part-00000-bbbb.c000.snappy.parquet'));
    const e = await registryFolderError(table);
    expect(e?.message).toMatch(new RegExp(`^cannot read <registry> ${table}: it is a Delta table \\(its _delta_log/ folder\\): `));
    expect(e?.message).toContain(`COPY (SELECT * FROM delta_scan('${table}')) TO 'registry-joined.parquet' (FORMAT parquet)`);
    expect(e?.message).not.toContain('read_parquet');
    const part = await refusal(() => read(join(table, 'part-00000-aaaa.c000.snappy.parquet')));
    expect(part.message).toContain(`is not a registry export: it is a part file of the Delta table ${table} (its _delta_log/ folder), not the table`);
  }, 30_000);

  it('an Iceberg table, or its data/ folder, is refused naming its newest metadata file', async () => {
    const table = join(tempDir(), 'henvisninger');
    mkdirSync(join(table, 'metadata'), { recursive: true });
    mkdirSync(join(table, 'data'));
    for (const v of ['v1', 'v2', 'v10']) writeFileSync(join(table, 'metadata', `${v}.metadata.json`), '{}');
    copyFileSync(fixture('int96-spark.parquet'), join(table, 'data', '00000-0-aaaa.parquet'));
    for (const folder of [table, join(table, 'data')]) {
      const e = await registryFolderError(folder);
      expect(e?.message, folder).toContain(`it is an Iceberg table (its metadata/ folder): `);
      expect(e?.message, folder).toContain(`iceberg_scan('${join(table, 'metadata', 'v10.metadata.json')}')`);
    }
  }, 30_000);

  for (const [file, names, how] of [
    ['dup-activated.parquet', '"activated" (column 5) and "Activated" (column 10)', 'have the same name (names compare without case)'],
    ['dup-activated-same.parquet', '"activated" (column 5) and "activated" (column 10)', 'have the same name'],
  ] as const) {
    it(`${file}: a name written twice is refused naming both columns, not read as the first`, async () => {
      const e = await refusal(() => read(fixture(file)));
      expect(e.message).toBe(`${fixture(file)} names a registry column twice`);
      expect(e.problems).toHaveLength(1);
      expect(e.problems[0]!.expected).toContain(`one header column for the registry's activated: ${names} ${how}`);
      expect(e.problems[0]!.expected).toContain('delete the copy that should not be read, or rename it, and write the Parquet file again');
    }, 30_000);
  }
});
