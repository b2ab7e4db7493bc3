/**
 * Parquet registries whose text or data hta could not read as it should (an explorer's platform
 * files; test/fixtures/parquet-unreadable, made by its make.py):
 *
 * - strings stored as binary (Hive, Impala: no UTF8 annotation) were read as escaped bytes,
 *   `Sj\xC3\xA6lland`: every Sjælland row refused, or with --exclude-invalid left out and
 *   Sjælland published at 0 per 1,000. Now read as their UTF-8 text; bytes that are not UTF-8 are
 *   refused at their row and column, not quoted;
 * - a damaged data page, or one Latin-1 cell in a column hta does not count, ended in "internal
 *   error … a bug in hta" (exit 1) quoting the cell: a patient's name and phone number. Now an
 *   input error (exit 2) naming the file and the column, never the value; in Danish under --lang da.
 *
 * (uptake/engine/parquet-failures.ts, registry-engine.ts parquetText; cli/internal-error-text.ts;
 * docs/input-registry.md "Parquet", docs/output-safety.md "Quoted cells".)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { readRegistryFile } from '../../src/uptake/read-registry.js';
import { internalErrorText } from '../../src/cli/internal-error-text.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const DIR = 'test/fixtures/parquet-unreadable';
const options = { exportDate: '2025-11-30', threads: 1 };
const failure = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a refusal'); }, (e: unknown) => e as HtaError);

/** The fixtures' 40 rows as CSV: what the Parquet files hold, as text. */
function sameRowsCsv(): string {
  const regions = ['Hovedstaden', 'Sjælland', 'Syddanmark', 'Midtjylland'];
  const lines = ['id,region,clinic,referred,activated,last_active,age,sex,referrer,note'];
  for (let i = 0; i < 40; i++) {
    const d = String(1 + (i % 28)).padStart(2, '0');
    const none = i % 4 === 0;
    lines.push(`p${String(i).padStart(2, '0')},${regions[i % 4]},K${i % 3},2025-02-${d},${none ? '' : `2025-03-${d}`},${none ? '' : `2025-04-${d}`},${40 + i},${i % 2 ? 'F' : 'M'},gp,`);
  }
  const file = join(tempDir(), 'same.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const uptake = (file: string, ...more: string[]) =>
  runCli('uptake', file, '--eligible', 'data/synthetic/eligible.csv', '--plan', 'data/plans/uptake.plan.json', '--first-publication', ...more);

describe('Parquet strings stored as binary', () => {
  it('are read as their UTF-8 text: the aggregate of the same rows as CSV, Sjælland included', async () => {
    const parquet = await readRegistryFile(`${DIR}/binary-strings.parquet`, options);
    const csv = await readRegistryFile(sameRowsCsv(), options);
    expect(parquet.excluded.rows).toBe(0);
    expect(parquet.aggregate).toEqual(csv.aggregate);
    expect(parquet.aggregate.metrics.find((m) => m.region === 'Sjælland' && m.dimension === 'all' && m.period === 'all')?.referrals).toBe(10);
  });

  it('bytes that are not UTF-8 are refused at their row and column, the value not quoted, also with --exclude-invalid', async () => {
    for (const invalidRows of [undefined, 'exclude' as const]) {
      const err = await failure(readRegistryFile(`${DIR}/binary-latin1.parquet`, { ...options, ...(invalidRows ? { invalidRows } : {}) }));
      expect(err.exitCode).toBe(2);
      expect(err.problems).toHaveLength(1);
      expect(err.problems[0]).toMatchObject({ line: 7, column: 2, field: 'region' });
      expect(err.problems[0]!.value).toBeUndefined();
      expect(err.problems[0]!.expected).toContain('the column is stored as binary (BYTE_ARRAY without the UTF8 annotation');
    }
  });
});

describe('Parquet data that cannot be read', () => {
  it('one Latin-1 cell in a column hta does not count: exit 2 naming the column, never the name or phone number', async () => {
    for (const lang of ['en', 'da']) {
      const r = await uptake(`${DIR}/latin1-note.parquet`, '--lang', lang);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/internal error|bug in hta|Hansen|S.ren|20456789|Invalid Input Error/);
      expect(r.stderr).toContain(lang === 'en'
        ? 'latin1-note.parquet has data that cannot be read\n  test/fixtures/parquet-unreadable/latin1-note.parquet (note): — expected text in UTF-8, as Parquet stores text: a value in this column is not valid UTF-8'
        : 'latin1-note.parquet har data, der ikke kan læses\n  test/fixtures/parquet-unreadable/latin1-note.parquet (note): — forventet tekst i UTF-8, sådan som Parquet gemmer tekst: en værdi i kolonnen er ikke gyldig UTF-8');
    }
  });

  it('a damaged data page: exit 2 naming the column, not an internal error', async () => {
    const r = await uptake(`${DIR}/damaged-page.parquet`);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/internal error|bug in hta|Invalid Error/);
    expect(r.stderr).toContain('damaged-page.parquet (region): — expected readable data: a data page of this column is damaged');
  });

  it("an engine error left unmapped (a bug) is printed without the cell it quotes", () => {
    // DuckDB's words for the Latin-1 cell, as it wrote them before the mapping above.
    const err = new Error('Invalid Input Error: Invalid string encoding found in Parquet file "/data/registry.parquet": value "Pt. S\\xF8ren \\xC6r\\xF8 Hansen, tlf 20456789" is not valid UTF8!');
    const text = internalErrorText(err);
    expect(text).toContain('Invalid Input Error: Invalid string encoding found in Parquet file "…": value "…" is not valid UTF8!');
    expect(text).not.toMatch(/Hansen|20456789/);
    // An error of hta's own code is printed as it is.
    expect(internalErrorText(new TypeError("Cannot read properties of undefined (reading 'x')"))).toContain("(reading 'x')");
  });
});

describe('a file named .parquet that is not Parquet', () => {
  it('a CSV export saved as .parquet is named as CSV text, with the name to give it, in English and Danish; its first line not quoted', async () => {
    const file = join(tempDir(), 'registry.parquet');
    writeFileSync(file, readFileSync(sameRowsCsv(), 'utf8').replaceAll(',', ';'));
    const en = await uptake(file);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('registry.parquet is CSV text, not a Parquet file\n');
    expect(en.stderr).toContain('registry.parquet:1: — expected a Parquet file: this file is text, its first line has 10 fields separated by semicolons, as a CSV export\'s header line is — give it a name ending in .csv (e.g. registry.csv), which hta uptake reads as CSV');
    expect(en.stderr).not.toMatch(/magic bytes|id;region/);
    const da = await uptake(file, '--lang', 'da');
    expect(da.stderr).toContain('registry.parquet er CSV-tekst, ikke en Parquet-fil\n');
    expect(da.stderr).toContain('— forventet en Parquet-fil: filen er tekst, dens første linje har 10 felter adskilt af semikoloner, som en CSV-eksports overskriftslinje er — giv den et navn, der ender på .csv (fx registry.csv), så læser hta uptake den som CSV');
  });

  it('a Parquet file cut short is still told as an unreadable Parquet file', async () => {
    const file = join(tempDir(), 'cut.parquet');
    const bytes = readFileSync(`${DIR}/binary-strings.parquet`);
    writeFileSync(file, bytes.subarray(0, bytes.length >> 1));
    const r = await uptake(file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cut.parquet is not a readable Parquet file');
  });
});
