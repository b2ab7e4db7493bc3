/**
 * A very long header cell: a megabyte column name was quoted whole in every "columns are: …"
 * message (gigabytes of stderr at 50 MB) and matched against the plan's names for seconds. A
 * name over MAX_COLUMN_NAME characters is refused at the header, naming line and column; shorter
 * ones are quoted shortened (docs/limits.md "CSV exports").
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_COLUMN_NAME, readCsvFile } from '../../src/io/read-csv.js';
import { errorOf } from '../support/error-of.js';
import { runCli, tempDir } from '../support/run-cli.js';

const PLAN = JSON.stringify({ arms: { intervention: 'app', control: 'usual' }, timepoints: ['3m'], outcomes: [{ key: 'rmdq', instrument: 'rmdq' }] });
const rows = 'P1,app,baseline,12,1\nP1,app,3m,8,1\nP2,usual,baseline,10,1\nP2,usual,3m,9,1\n';

describe('a column name too long to be one', () => {
  it('is refused at the header line, naming line 1 and its column, quoted shortened', async () => {
    const dir = tempDir();
    const csv = join(dir, 'x.csv');
    writeFileSync(csv, `id,arm,time,rmdq,${'N'.repeat(MAX_COLUMN_NAME + 1)}\n${rows}`);
    writeFileSync(join(dir, 'p.json'), PLAN);
    const r = await runCli('validate', csv, '--plan', join(dir, 'p.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${csv}: column 5 of the header line has a name of 1,001 characters`);
    expect(r.stderr).toContain(`${csv}:1:5: "${'N'.repeat(60)}…"`);
    expect(r.stderr.length).toBeLessThan(600);
  });

  it('is refused before the rows are read (the limit lowered by its option)', () => {
    const csv = join(tempDir(), 'x.csv');
    // A row with a field count that would be a problem of its own: the header is refused first.
    writeFileSync(csv, `id,arm,time,rmdq,longish_name\n${rows}P3,app\n`);
    const err = errorOf(() => readCsvFile(csv, { maxColumnName: 10 }));
    expect(err.problems).toEqual([expect.objectContaining({ line: 1, column: 5, kind: 'header.long-name' })]);
    writeFileSync(csv, `id,arm,time,rmdq,longish_name\n${rows}`);
    expect(readCsvFile(csv, { maxColumnName: 12 }).header).toHaveLength(5);
  });
});

describe('long column names in "columns are: …"', () => {
  it('are quoted by their first 60 characters', async () => {
    const dir = tempDir();
    const csv = join(dir, 'x.csv');
    const long = 'L'.repeat(MAX_COLUMN_NAME);
    writeFileSync(csv, `id,arm,time,rmdq,${long}\n${rows}`);
    writeFileSync(join(dir, 'p.json'), JSON.stringify({ ...JSON.parse(PLAN), columns: { id: 'patient' } }));
    const r = await runCli('validate', csv, '--plan', join(dir, 'p.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`columns are: id, arm, time, rmdq, ${'L'.repeat(60)}…)`);
    expect(r.stderr).not.toContain('L'.repeat(61));
  });
});
