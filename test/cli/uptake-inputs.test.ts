/**
 * Inputs a region analyst sends to `hta uptake` in good faith (test/fixtures/uptake-inputs/,
 * written by its make-fixtures.mjs): a region's aggregate part given twice, exports joined with
 * mixed line endings, two exports with the same columns in another order, a table of counts.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const DIR = 'test/fixtures/uptake-inputs';
const at = (name: string) => join(DIR, name);
const BASE = ['--eligible', at('eligible.csv'), '--plan', at('plan.json')];

describe('hta uptake --aggregates: a region given twice', () => {
  it('refuses the same folder twice, naming it and the region, and writes nothing', async () => {
    const out = join(tempDir(), 'csv');
    const r = await runCli('uptake', '--aggregates', at('parts/syd'), at('parts/syd'), at('parts/sjae'), ...BASE, '--csv-dir', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`the aggregate tables would count Region Syddanmark twice (${at('parts/syd')} is given twice)`);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a byte-identical copy of a part, and one region\'s months in two parts', async () => {
    const dir = tempDir();
    const again = join(dir, 'syd_again');
    cpSync(at('parts/syd'), again, { recursive: true });
    const copy = await runCli('uptake', '--aggregates', at('parts/syd'), again, at('parts/sjae'), ...BASE);
    expect(copy.code).toBe(2);
    expect(copy.stderr).toContain(`would count Region Syddanmark twice (${again} is a byte-identical copy of ${at('parts/syd')})`);
    // Another run's cells for the same region (not a byte copy): its months are in both parts.
    const other = join(dir, 'syd_rerun');
    mkdirSync(other);
    const cells = readFileSync(at('parts/syd/uptake_cells.csv'), 'utf8').split('\n');
    writeFileSync(join(other, 'uptake_cells.csv'), [cells[0], ...cells.slice(1).reverse()].join('\n'));
    const rerun = await runCli('uptake', '--aggregates', at('parts/syd'), at('parts/sjae'), other, ...BASE);
    expect(rerun.code).toBe(2);
    expect(rerun.stderr).toMatch(new RegExp(`${at('parts/syd')} and ${other} both hold Region Syddanmark's cells for \\d{4}-\\d\\d`));
  });

  it('still sums two regions\' parts', async () => {
    const r = await runCli('uptake', '--aggregates', at('parts/syd'), at('parts/sjae'), ...BASE, '--json');
    expect(r.code).toBe(0);
    const all = (JSON.parse(r.stdout) as { metrics: { region: string; period: string; dimension: string; referrals: number }[] }).metrics
      .find((m) => m.region === 'national' && m.period === 'all' && m.dimension === 'all');
    expect(all?.referrals).toBe(200);
  });
});

describe('two exports joined with mixed line ends (CRLF, then LF)', () => {
  it('hta uptake reads every LF line as a line, with or without --exclude-invalid, and says so', async () => {
    for (const extra of [[], ['--exclude-invalid']]) {
      const r = await runCli('uptake', at('registry-joined-mixed.csv'), ...BASE, '--json', ...extra);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('some lines end in CRLF (Windows) and others in LF (Linux, macOS), the first of them line 122');
      const all = (JSON.parse(r.stdout) as { metrics: { region: string; period: string; dimension: string; referrals: number }[] }).metrics
        .find((m) => m.region === 'national' && m.period === 'all' && m.dimension === 'all');
      expect(all?.referrals).toBe(200);
    }
  });

  it('hta plan init --uptake counts every row and drafts no value holding a line break', async () => {
    const r = await runCli('plan', 'init', '--uptake', at('registry-joined-mixed.csv'));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('regions seen in all 200 rows');
    expect(r.stdout).not.toMatch(/\\[rn]/);
  });
});

describe('two exports with the same columns in another order', () => {
  /** The command between the first pair of backticks of a message. */
  const command = (message: string) => /`([^`]+)`/.exec(message)?.[1];

  it('prints a command that joins them by name, whose file hta reads as the two in one order', async () => {
    const dir = tempDir();
    for (const f of ['registry-syd.csv', 'registry-sjae.csv', 'registry-sjae-reordered.csv']) copyFileSync(at(f), join(dir, f));
    const r = await runCli('uptake', join(dir, 'registry-syd.csv'), join(dir, 'registry-sjae-reordered.csv'), ...BASE);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('name the same columns in another order');
    const cmd = command(r.stderr)!;
    // Run as printed, from the folder of the files (the command names them as given).
    execFileSync('sh', ['-c', cmd.split(`${dir}/`).join('')], { cwd: dir });
    expect(readFileSync(join(dir, 'registry-sjae-reordered.csv'), 'utf8')).toBe(readFileSync(at('registry-sjae-reordered.csv'), 'utf8'));
    const joined = readFileSync(join(dir, 'registry-joined.csv'), 'utf8');
    // The same rows as the exports in one order, joined: LF line ends, the header once.
    expect(joined).toBe(readFileSync(at('registry-syd.csv'), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n') + readFileSync(at('registry-sjae.csv'), 'utf8').split('\n').slice(1).join('\n'));
    const byName = await runCli('uptake', join(dir, 'registry-joined.csv'), ...BASE, '--json');
    expect(byName.code).toBe(0);
  });

  it('joined with cat, the second header in another order points to joining the exports by name', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'cat.csv'), readFileSync(at('registry-syd.csv'), 'utf8') + readFileSync(at('registry-sjae-reordered.csv'), 'utf8'));
    const r = await runCli('uptake', join(dir, 'cat.csv'), ...BASE);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('line 122 is the header line again, with the columns in another order than line 1');
    expect(r.stderr).toContain('give hta uptake the exports themselves (hta uptake a.csv b.csv): it prints a command that joins them by column name');
  });

  it('with quoted fields, says to reorder them in Excel rather than print a command that splits quotes', async () => {
    const dir = tempDir();
    copyFileSync(at('registry-syd.csv'), join(dir, 'a.csv'));
    writeFileSync(join(dir, 'b.csv'), readFileSync(at('registry-sjae-reordered.csv'), 'utf8').replace('SJÆ01', '"SJÆ;01"'));
    const r = await runCli('uptake', join(dir, 'a.csv'), join(dir, 'b.csv'), ...BASE);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('they have quoted fields, which a shell command cannot split safely, so in Excel, move the columns');
    expect(command(r.stderr)).toBeUndefined();
  });
});

describe('a table of counts given as the registry', () => {
  it('is named as one, pointing to the per-referral export and to --aggregates (uptake and plan init)', async () => {
    const r = await runCli('uptake', at('counts-table.csv'), ...BASE);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${at('counts-table.csv')} looks like a table of counts (Antal henvist, Antal aktiveret), not a registry export with one row per referral`);
    expect(r.stderr).toContain('one row per referral, with the columns PatientID, region, Klinik, Henvist, Aktiveret, SidstAktiv, Alder, Køn, Henviser');
    expect(r.stderr).toContain('hta uptake --aggregates <folder> (docs/uptake-aggregates.md)');
    expect(r.stderr).not.toContain('expected a column named');
    const draft = await runCli('plan', 'init', '--uptake', at('counts-table.csv'));
    expect(draft.code).toBe(2);
    expect(draft.stdout).toBe('');
    expect(draft.stderr).toContain('looks like a table of counts');
  });
});
