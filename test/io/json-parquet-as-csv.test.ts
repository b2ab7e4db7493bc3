/**
 * An input read as CSV that is JSON (a .json / .ndjson file, a Power BI `{"results":[{"tables":…`
 * saved as .csv) or Parquet is named as what it is, with what to do — not a quote error on line 1,
 * nor "only hta uptake reads Parquet" said to hta uptake's own eligible file; a Spark/Fabric
 * Parquet folder given as the registry is named with how to make one file of it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsvFile } from '../../src/io/read-csv.js';
import { guardPaths } from '../../src/cli/guard-output.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';
import { errorOf } from '../support/error-of.js';

afterAll(removeTempDirs);

const refusal = errorOf;

describe('JSON and Parquet where CSV is read', () => {
  it('JSON (array, NDJSON, Power BI results saved as .csv) is named as JSON', () => {
    const dir = tempDir();
    const files = {
      'elig.json': '[{"region": "Hovedstaden", "year": "2025", "eligible": "100"}]',
      'elig.ndjson': '{"region": "Hovedstaden", "year": "2025", "eligible": "100"}\n',
      'pbi.csv': '\uFEFF{"results":[{"tables":[{"rows":[{"region":"Hovedstaden"}]}]}]}',
      'pretty.csv': '[\r\n  {\r\n    "region": "Hovedstaden"\r\n  }\r\n]\r\n',
    };
    for (const [name, text] of Object.entries(files)) {
      writeFileSync(join(dir, name), text);
      const e = refusal(() => readCsvFile(join(dir, name)));
      expect(e.message, name).toBe(`${join(dir, name)} is JSON, not a CSV file`);
      expect(e.problems[0]!.expected).toContain('export the table as CSV');
    }
    // SQL Server's bracketed names are a CSV header, not JSON.
    writeFileSync(join(dir, 'brackets.csv'), '[region],[year],[eligible]\nHovedstaden,2025,100\n');
    expect(readCsvFile(join(dir, 'brackets.csv')).header).toEqual(['[region]', '[year]', '[eligible]']);
  });

  it('Parquet: a .parquet input is told to be CSV; one not named .parquet to be renamed if it is the registry', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'elig.parquet'), 'PAR1\u0000\u0000rest');
    writeFileSync(join(dir, 'udtræk_parquet'), 'PAR1\u0000\u0000rest');
    const named = refusal(() => readCsvFile(join(dir, 'elig.parquet'))).problems[0]!.expected!;
    expect(named).toContain('the eligible file and every other input must be CSV');
    expect(named).not.toContain('only `hta uptake` reads Parquet');
    const unnamed = refusal(() => readCsvFile(join(dir, 'udtræk_parquet'))).problems[0]!.expected!;
    expect(unnamed).toContain('give it a name ending in .parquet (e.g. udtræk_parquet.parquet)');
  });

  it('a Spark/Fabric Parquet folder given as a file says how to write it as one file', () => {
    const dir = join(tempDir(), 'udtræk.parquet');
    mkdirSync(dir);
    writeFileSync(join(dir, '_SUCCESS'), '');
    writeFileSync(join(dir, 'part-00000-abc.snappy.parquet'), 'PAR1');
    writeFileSync(join(dir, 'part-00001-abc.snappy.parquet'), 'PAR1');
    const e = refusal(() => guardPaths({ inputs: [{ option: '<registry>', path: dir }] }));
    expect(e.message).toContain('it is a folder of 2 Parquet files (part-00000-abc.snappy.parquet, part-00001-abc.snappy.parquet)');
    expect(e.message).toContain(`read_parquet('${join(dir, '*.parquet')}', union_by_name = true, hive_partitioning = false)`);
    const plain = tempDir();
    expect(refusal(() => guardPaths({ inputs: [{ option: '<registry>', path: plain }] })).message).toContain("it is a folder, where a file is expected — give the file's path");
  });
});
