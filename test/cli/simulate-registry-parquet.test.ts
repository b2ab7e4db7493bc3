/** `hta simulate registry --format parquet`: the same referrals as the CSV, typed, written safely. */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRegistry } from '../../src/uptake/read-registry.js';
import { runCli, tempDir } from '../support/run-cli.js';

describe('hta simulate registry --format parquet', () => {
  it('writes the rows of the CSV as Parquet (replacing an old file through a staging file), which uptake reads to the same aggregate', async () => {
    const dir = tempDir();
    const csv = join(dir, 'r.csv'), parquet = join(dir, 'r.parquet');
    writeFileSync(parquet, 'an older file');
    expect((await runCli('simulate', 'registry', '--rows', '400', '--seed', '3', '--out', csv)).code).toBe(0);
    const refused = await runCli('simulate', 'registry', '--rows', '400', '--seed', '3', '--format', 'parquet', '--out', parquet);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${parquet} exists; hta does not write over a file — choose another name, or add --force to replace it`);
    const r = await runCli('simulate', 'registry', '--rows', '400', '--seed', '3', '--format', 'parquet', '--out', parquet, '--force');
    expect(r.stderr).toContain('400 referrals');
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['r.csv', 'r.parquet']);
    const fromParquet = await readRegistry(parquet, { threads: 1 });
    expect(fromParquet.rows).toBe(400);
    expect(fromParquet).toEqual(await readRegistry(csv, { threads: 1 }));
    const bad = await runCli('simulate', 'registry', '--format', 'xlsx', '--out', join(dir, 'x.xlsx'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('expected csv or parquet');
  });
});
