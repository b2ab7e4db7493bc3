/**
 * An empty first line above the header (Oracle sqlplus's spool with `SET COLSEP ';'`, docs/
 * input-registry.md "Dialects"): the separator was sniffed from the empty line, a `;` header read
 * as one column, and hta uptake refused "lacks registry columns … (have: PatientID;Region;…)"
 * while plan init exited 0 with a draft mapping no column. Now the first non-empty line decides
 * the separator; and a header plan init recognises no column in is refused, nothing printed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sniffTextDelimiter } from '../../src/io/dialect.js';
import { runCli, tempDir } from '../support/run-cli.js';

const F = 'test/fixtures/exports/registry-ssms';
const dir = tempDir();
// The SSMS fixture's plan at threshold 1 (how the file is read is the point, not the suppression).
const PLAN = join(dir, 'uptake.plan.json');
writeFileSync(PLAN, JSON.stringify({ ...JSON.parse(readFileSync(`${F}/uptake.plan.json`, 'utf8')), suppression: { threshold: 1, acknowledgeLowThreshold: true } }));
// The same rows as sqlplus spools them: an empty line, the header, its underline, the rows, "N rows selected.".
const ssms = readFileSync(`${F}/registry.csv`, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
const rows = ssms.slice(2, ssms.findIndex((l, i) => i > 2 && l === ''));
const SPOOL = join(dir, 'spool.csv');
writeFileSync(SPOOL, ['', ...ssms.slice(0, 2), ...rows, '', `${rows.length} rows selected.`, ''].join('\n'));
const json = (stdout: string) => (JSON.parse(stdout) as { metrics: unknown[] }).metrics;

describe('an empty first line above the header', () => {
  it('the separator is that of the first non-empty line', () => {
    expect(sniffTextDelimiter('\r\nid;region;clinic\r\n1;a;b\r\n')).toBe(';');
    expect(sniffTextDelimiter('\uFEFF  \n\nid\tregion\n')).toBe('\t');
    expect(sniffTextDelimiter('id,region;x\n')).toBe(',');
  });

  it('hta uptake reads the sqlplus spool as the SSMS file it came from', async () => {
    const spool = await runCli('uptake', SPOOL, '--eligible', `${F}/eligible.csv`, '--plan', PLAN, '--json', '--exclude-invalid');
    expect(spool.code, spool.stderr).toBe(0);
    expect(spool.stderr).toContain('spool.csv: line 3 underlines the header (the text output of SQL Server Management Studio or sqlplus)');
    const from = await runCli('uptake', `${F}/registry.csv`, '--eligible', `${F}/eligible.csv`, '--plan', PLAN, '--json', '--exclude-invalid');
    expect(from.code, from.stderr).toBe(0);
    expect(json(spool.stdout)).toEqual(json(from.stdout));
  }, 60_000);

  it('plan init drafts its columns', async () => {
    const r = await runCli('plan', 'init', '--uptake', SPOOL);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { columns: { registry: Record<string, string> } }).columns.registry).toMatchObject({ id: 'PatientID', clinic: 'Klinik', referred: 'Henvist' });
  }, 30_000);

  it('plan init refuses a header in which it recognises no registry column: exit 2, nothing printed', async () => {
    const file = join(dir, 'unknown.csv');
    writeFileSync(file, 'Felt1;Felt2;Felt3\nx;y;z\nx;y;w\n');
    const r = await runCli('plan', 'init', '--uptake', file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('unknown.csv: no registry column recognised in its header');
    expect(r.stderr).toContain('unknown.csv:1: — expected a header line naming the registry columns');
    expect(r.stderr).toContain('read as 3 columns separated by semicolons');
  }, 30_000);
});
