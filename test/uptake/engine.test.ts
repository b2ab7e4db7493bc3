/**
 * The SQL engine (src/uptake/engine/, sql/uptake-aggregates.sql) against a small, obviously
 * correct recount kept here: random registries written as CSV (with synonyms, several regions,
 * clinics shared between regions, unactivated and censored patients), read by the engine, and
 * every cell, clinic and activation-year count compared. Also: Parquet reads the same, and a bad
 * Parquet row is named by its row number.
 */
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { metricRow, sortAggregate, type Dimension, type MetricRow, type UptakeAggregate } from '../../src/uptake/aggregate.js';
import { readRegistry, readRegistryFile, readRegistryStream } from '../../src/uptake/read-registry.js';
import type { Problem } from '../../src/errors.js';
import { ageBandOf, dayToIso } from '../../src/uptake/referral.js';
import { regionSet } from '../../src/uptake/regions.js';
import { withStatementTimings } from '../../src/uptake/engine/statement-timings.js';
import { aggregateRegistry } from '../../src/uptake/engine/registry-engine.js';
import { dayText } from '../../src/uptake/engine/sample-texts.js';
import { DATE_FORMATS, dateParser } from '../../src/uptake/registry-dates.js';

const REGIONS = ['Oslo', 'Viken', 'Nordland'];
const SEX = { female: ['f', 'K', 'female'], male: ['m', 'male'], unknown: ['', 'unknown'] } as const;
const REFERRER = { gp: ['gp', 'læge'], physio: ['physio'], chiro: ['chiro'], other: ['other', 'self'] } as const;

interface Draw {
  region: number; clinic: number; referred: number; delay: number | null; kept: number | null;
  age: number | null; sex: keyof typeof SEX; referrer: keyof typeof REFERRER; spelling: number;
}

/** The recount: every referral added to each of its cells, one at a time. */
function recount(rows: readonly Draw[], exportDay: number): UptakeAggregate {
  type Counts = { referrals: number; activations: number; atRisk4w: number; retained4w: number; atRisk12w: number; retained12w: number; delays: Map<number, number> };
  const cells = new Map<string, [string, string, Dimension, string, Counts]>();
  const clinics = new Map<string, { clinic: string; region: string; referrals: number; activations: number }>();
  const years = new Map<string, { region: string; year: number; activations: number }>();
  for (const r of rows) {
    const region = REGIONS[r.region]!;
    const month = dayToIso(r.referred).slice(0, 7), year = month.slice(0, 4);
    const activated = r.delay === null ? null : r.referred + r.delay;
    const kept = r.kept ?? 0;
    for (const scope of [region, 'national']) {
      const keys: [string, Dimension, string][] = [['all', 'all', 'all'], [year, 'all', 'all'], [month, 'all', 'all']];
      for (const [dim, level] of [['ageBand', ageBandOf(r.age)], ['sex', r.sex], ['referrer', r.referrer]] as const) keys.push(['all', dim, level], [year, dim, level]);
      for (const [period, dim, level] of keys) {
        const k = [scope, period, dim, level].join('|');
        if (!cells.has(k)) cells.set(k, [scope, period, dim, level, { referrals: 0, activations: 0, atRisk4w: 0, retained4w: 0, atRisk12w: 0, retained12w: 0, delays: new Map() }]);
        const c = cells.get(k)![4];
        c.referrals++;
        if (activated === null) continue;
        c.activations++;
        c.delays.set(r.delay!, (c.delays.get(r.delay!) ?? 0) + 1);
        if (activated + 28 <= exportDay) { c.atRisk4w++; if (kept >= 28) c.retained4w++; }
        if (activated + 84 <= exportDay) { c.atRisk12w++; if (kept >= 84) c.retained12w++; }
      }
    }
    const code = `K${r.clinic}`;
    const ck = `${region}|${code}`;
    if (!clinics.has(ck)) clinics.set(ck, { clinic: code, region, referrals: 0, activations: 0 });
    clinics.get(ck)!.referrals++;
    if (activated === null) continue;
    clinics.get(ck)!.activations++;
    const ay = Number(dayToIso(activated).slice(0, 4));
    for (const scope of [region, 'national']) {
      if (!years.has(`${scope}|${ay}`)) years.set(`${scope}|${ay}`, { region: scope, year: ay, activations: 0 });
      years.get(`${scope}|${ay}`)!.activations++;
    }
  }
  const metrics: MetricRow[] = [...cells.values()].map(([s, p, d, l, c]) => metricRow(s, p, d, l, c));
  return sortAggregate({ exportDate: dayToIso(exportDay), rows: rows.length, ciMethod: 'wilson', confLevel: 0.95, metrics, clinics: [...clinics.values()], activationsByYear: [...years.values()] }, REGIONS);
}

function csvOf(rows: readonly Draw[]): string {
  const lines = ['id,region,clinic,referred,activated,last_active,age,sex,referrer'];
  rows.forEach((r, i) => {
    const activated = r.delay === null ? null : r.referred + r.delay;
    const last = activated === null || r.kept === null ? '' : dayToIso(activated + r.kept);
    const sex = SEX[r.sex][r.spelling % SEX[r.sex].length];
    const referrer = REFERRER[r.referrer][r.spelling % REFERRER[r.referrer].length];
    const region = r.spelling % 2 ? `Region ${REGIONS[r.region]}` : REGIONS[r.region]!.toUpperCase();
    lines.push(`p${i},${region},K${r.clinic},${dayToIso(r.referred)},${activated === null ? '' : dayToIso(activated)},${last},${r.age ?? ''},${sex},${referrer}`);
  });
  return lines.join('\n') + '\n';
}

const draw: fc.Arbitrary<Draw> = fc.record({
  region: fc.integer({ min: 0, max: 2 }),
  clinic: fc.integer({ min: 1, max: 4 }),
  // 2024-10-04 … 2025-03-03: across a new year, and narrow enough that activations land on the
  // censoring boundaries (E − 28, E − 84) and retention on exactly 28 and 84 days.
  referred: fc.integer({ min: 20_000, max: 20_150 }),
  delay: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null, freq: 3 }),
  kept: fc.option(fc.oneof(fc.constantFrom(27, 28, 83, 84), fc.integer({ min: 0, max: 150 })), { nil: null, freq: 6 }),
  age: fc.option(fc.integer({ min: 0, max: 110 }), { nil: null, freq: 8 }),
  sex: fc.constantFrom('female', 'male', 'unknown'),
  referrer: fc.constantFrom('gp', 'physio', 'chiro', 'other'),
  spelling: fc.nat(5),
});

describe('the SQL engine against a direct recount', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hta-engine-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const regions = regionSet(REGIONS);

  it('property: random registries, with and without an explicit export date, give the same cells, clinics and years', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(draw, { minLength: 1, maxLength: 120 }), fc.option(fc.integer({ min: 0, max: 90 }), { nil: null }), async (drawn, extra) => {
        const file = join(dir, `r${n++}.csv`);
        const last = Math.max(...drawn.map((r) => (r.delay === null ? r.referred : r.referred + r.delay + (r.kept ?? 0))));
        // Two patients activated exactly 28 and 84 days before the latest date: on the censoring
        // boundary whenever the export date is that latest date.
        const rows = [...drawn, ...[28, 84].map((d) => ({ ...drawn[0]!, referred: last - d - 2, delay: 2, kept: d }))];
        writeFileSync(file, csvOf(rows));
        const exportDay = extra === null ? last : last + extra;
        const agg = await readRegistry(file, { regions, threads: 1, ...(extra === null ? {} : { exportDate: dayToIso(exportDay) }) });
        expect(agg).toEqual(recount(rows, exportDay));
      }),
      { numRuns: 6 },
    );
  });

  it('one read or two: texts the first rows lack (a later clinic, a date with spaces) give the same aggregate', async () => {
    const rows = fc.sample(draw, { numRuns: 80, seed: 11 });
    const lines = csvOf(rows).split('\n');
    // A referral date written with spaces (valid: cells are trimmed) is in no calendar.
    lines[60] = lines[60]!.replace(/,(\d{4}-\d{2}-\d{2}),/, ', $1 ,');
    // A clinic that only the last row has.
    lines[80] = lines[80]!.replace(/,K\d,/, ',K9,');
    const moved = rows.map((r, i) => (i === 79 ? { ...r, clinic: 9 } : r));
    const file = join(dir, 'late.csv');
    writeFileSync(file, lines.join('\n'));
    const last = Math.max(...rows.map((r) => (r.delay === null ? r.referred : r.referred + r.delay + (r.kept ?? 0))));
    const expected = recount(moved, last);
    // Sample of 0 and 5 rows: misses, so the file is read again; the default: everything sampled.
    for (const sample of [0, 5, undefined]) {
      const read = await aggregateRegistry(file, { regions, threads: 1 }, file, sample);
      expect(read.aggregate).toEqual(expected);
    }
  });

  it('reads Parquet (typed DATE and INTEGER columns) to the same aggregate as the CSV it came from, and names a bad Parquet row', async () => {
    const csv = join(dir, 'p.csv'), parquet = join(dir, 'p.parquet'), bad = join(dir, 'bad.parquet');
    const rows = fc.sample(draw, { numRuns: 60, seed: 7 });
    writeFileSync(csv, csvOf(rows));
    const db = await (await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' })).connect();
    await db.run(`COPY (SELECT * REPLACE (CAST(referred AS DATE) AS referred, CAST(age AS INTEGER) AS age) FROM read_csv('${csv}', all_varchar = true)) TO '${parquet}' (FORMAT parquet)`);
    await db.run(`COPY (SELECT * REPLACE (CASE WHEN id = 'p3' THEN 'Fyn' ELSE region END AS region) FROM read_parquet('${parquet}')) TO '${bad}' (FORMAT parquet)`);
    db.closeSync();
    expect(await readRegistry(parquet, { regions, threads: 1 })).toEqual(await readRegistry(csv, { regions, threads: 1 }));
    const err = await readRegistry(bad, { regions, threads: 1 }).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(HtaError);
    expect((err as HtaError).problems.map((p) => [p.line, p.field, p.value])).toEqual([[4, 'region', 'Fyn']]);
  });
});

describe('Parquet as SAS and pandas write it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hta-engine-pq-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const regions = regionSet(REGIONS);

  /** `select` over the CSV's columns (all text), written to `name` as Parquet. */
  async function parquetOf(csv: string, name: string, select: string, where = 'true'): Promise<string> {
    const file = join(dir, name);
    const db = await (await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' })).connect();
    await db.run(`COPY (SELECT ${select} FROM read_csv('${csv}', all_varchar = true) WHERE ${where}) TO '${file}' (FORMAT parquet)`);
    db.closeSync();
    return file;
  }
  const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as HtaError);

  it('whole DOUBLE and DECIMAL ages (NaN: empty) and midnight TIMESTAMP dates read as the CSV they came from; 83.5, a time of day and a problem row are named by row', async () => {
    const csv = join(dir, 'c.csv');
    const rows = fc.sample(draw, { numRuns: 60, seed: 5 });
    writeFileSync(csv, csvOf(rows));
    const ts = (c: string) => `CAST(CAST(${c} AS DATE) AS TIMESTAMP) AS ${c}`;
    const typed = await parquetOf(csv, 'typed.parquet', `* REPLACE (CASE WHEN age IS NULL THEN CAST('NaN' AS DOUBLE) ELSE CAST(age AS DOUBLE) END AS age, ${ts('referred')}, ${ts('activated')}, ${ts('last_active')})`);
    const decimal = await parquetOf(csv, 'decimal.parquet', `* REPLACE (CAST(age AS DECIMAL(5,1)) AS age, CAST(CAST(referred AS DATE) AS TIMESTAMP_MS) AS referred)`);
    const expected = await readRegistry(csv, { regions, threads: 1 });
    expect(await readRegistry(typed, { regions, threads: 1 })).toEqual(expected);
    expect(await readRegistry(decimal, { regions, threads: 1 })).toEqual(expected);
    expect(await readRegistry(typed, { regions, threads: 1, dateFormat: 'auto' })).toEqual(expected);
    expect(await readRegistry(typed, { regions, threads: 1, dateFormat: 'iso-datetime' })).toEqual(expected);

    const odd = await parquetOf(csv, 'odd.parquet', `* REPLACE (CASE WHEN id = 'p2' THEN 83.5 ELSE CAST(age AS DOUBLE) END AS age,
      CAST(referred AS TIMESTAMP) + CASE WHEN id = 'p4' THEN INTERVAL 8 HOUR ELSE INTERVAL 0 HOUR END AS referred)`);
    const err = await failure(readRegistry(odd, { regions, threads: 1 }));
    expect(err).toBeInstanceOf(HtaError);
    expect(err!.problems.map((p) => [p.line, p.field, p.value])).toEqual([[3, 'age', '83.5'], [5, 'referred', `${dayToIso(rows[4]!.referred)} 08:00:00`]]);
    expect(err!.problems[1]!.expected).toMatch(/"dateFormat": "iso-datetime"/);
  });

  it('with --exclude-invalid, a Parquet file of invalid rows only is refused at its row 1, not at a line 2 it does not have', async () => {
    const csv = join(dir, 'all-bad.csv');
    writeFileSync(csv, csvOf(fc.sample(draw, { numRuns: 5, seed: 3 })));
    const bad = await parquetOf(csv, 'all-bad.parquet', `* REPLACE ('Fyn' AS region)`);
    const err = await failure(readRegistry(bad, { regions, threads: 1, invalidRows: 'exclude' }));
    expect(err?.message).toMatch(/has no valid rows/);
    expect(err!.problems.map((p) => p.line)).toEqual([1]);
    const none = await parquetOf(csv, 'none.parquet', '*', 'false');
    const empty = await failure(readRegistry(none, { regions, threads: 1 }));
    expect(empty?.message).toMatch(/none\.parquet has no rows$/);
    expect(empty!.problems.map((p) => p.line)).toEqual([undefined]);
  });
});

describe('the likely texts of the one read', () => {
  it('the calendar writes each day of the window so that its format reads it back as that day', () => {
    for (const format of DATE_FORMATS) {
      const read = dateParser(format);
      for (let day = 10_957; day <= 10_957 + 3 * 366; day++) expect(read(dayText(day, format))).toBe(day);
    }
    expect(['dd-mm-yyyy', 'dd.mm.yyyy', 'dd/mm/yyyy', 'mm/dd/yyyy'].map((f) => dayText(19_800, f as (typeof DATE_FORMATS)[number])))
      .toEqual(['18-03-2024', '18.03.2024', '18/03/2024', '03/18/2024']);
  });
});

describe('the SQL engine and the pre-engine row reader agree on odd files', () => {
  const H = 'id,region,clinic,referred,activated,last_active,age,sex,referrer';
  const ok = 'a,Hovedstaden,H1,2024-01-01,2024-01-03,2024-03-01,30,f,gp';
  // DuckDB's strict CSV reader fails on a BOM + CRLF file with one row: read again, not refused.
  const cases: [string, string][] = [
    ['BOM, CRLF, one row', `\ufeff${H}\r\n${ok}\r\n`],
    ['BOM, CRLF, one invalid row', `\ufeff${H}\r\nb,Fyn,H1,2024-01-01,,,30,f,gp\r\n`],
    ['short, long, unknown region, impossible date, spaces', [H, ok, 'c,Hovedstaden', `${ok},x`, 'b,Fyn,H1,2024-01-01,,,30,f,gp', 'e,Hovedstaden,H1,2024-02-30,,,30,f,gp', ' f , Hovedstaden , H1 , 2024-01-01 ,,, 30 , m , gp '].join('\n')],
    ['clinic names: spaces, case, punctuation, empty, too long', [H, ok, 'g,Hovedstaden, Odense   C ,2024-01-01,,,30,f,gp', 'h,Hovedstaden,ODENSE C,2024-01-02,2024-01-02,,30,f,gp',
      'i,Hovedstaden,"Jensen & Co. (Nord)/Fys\'",2024-01-01,,,30,f,gp', 'j,Hovedstaden,,2024-01-01,,,30,f,gp', `k,Hovedstaden,${'x'.repeat(101)},2024-01-01,,,30,f,gp`].join('\n')],
  ];
  it('same aggregate, same excluded rows and problems, each problem passed on once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hta-engine-odd-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    for (const [i, [, text]] of cases.entries()) {
      const file = join(dir, `odd${i}.csv`);
      writeFileSync(file, text);
      const seenNew: Problem[] = [], seenOld: Problem[] = [];
      const reference = await readRegistryStream(createReadStream(file), file, ',', { invalidRows: 'exclude', onExcluded: (p) => seenOld.push(p) });
      const reading = readRegistryFile(file, { invalidRows: 'exclude', threads: 1, onExcluded: (p) => seenNew.push(p) });
      if (reference.aggregate.rows === 0) {
        // Every row invalid: the reading agrees there is nothing, and the engine refuses to
        // publish tables of nothing (it does not return them).
        await expect(reading).rejects.toThrow(/has no valid rows/);
        continue;
      }
      // Which clinic spellings were merged is the engine's note (clinic-names.ts); the counts agree.
      const { clinicSpellings: _merged, ...read } = await reading;
      expect(read).toEqual(reference);
      expect(seenNew).toEqual(seenOld);
    }
  });
});

describe('HTA_ENGINE_TIMINGS', () => {
  it('reports each statement (and the JavaScript before it) without changing its result, also when it fails', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const db = await instance.connect();
    const lines: string[] = [];
    const timed = withStatementTimings(db, (l) => lines.push(l));
    expect((await timed.runAndReadAll('SELECT 41 + 1 AS answer')).getRowsJS()).toEqual([[42]]);
    await expect(timed.run('SELECT * FROM no_such_table')).rejects.toThrow(/no_such_table/);
    db.closeSync();
    instance.closeSync();
    expect(lines.map((l) => l.replace(/ +\d+ (ms|MiB)/g, ' N $1'))).toEqual([
      'engine: N ms wall N ms CPU N MiB  (JavaScript)\n',
      'engine: N ms wall N ms CPU N MiB  SELECT 41 + 1 AS answer\n',
      'engine: N ms wall N ms CPU N MiB  (JavaScript)\n',
      'engine: N ms wall N ms CPU N MiB  SELECT * FROM no_such_table\n',
    ]);
  });
});
