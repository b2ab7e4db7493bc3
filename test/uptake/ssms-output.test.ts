/**
 * SQL Server Management Studio "Results to file" (docs/input-registry.md "SQL Server Management
 * Studio"): line 2 underlines the header with dashes, and the file ends `(300 rows affected)` and
 * `Completion time: …`. Until 3 December 2026 line 2 was refused with 8 problems, each advising
 * `"missingCodes": ["---------"]`, and plan init drafted those dashes as missing codes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isHeaderUnderline } from '../../src/io/header-underline.js';
import { runCli, tempDir } from '../support/run-cli.js';

const F = 'test/fixtures/exports/registry-ssms';
// The fixture's plan at threshold 1: how the lines are read is the point, not the suppression
// (seconds of solving on these 300 rows).
const PLAN = join(tempDir(), 'uptake.plan.json');
writeFileSync(PLAN, JSON.stringify({ ...JSON.parse(readFileSync(`${F}/uptake.plan.json`, 'utf8')), suppression: { threshold: 1, acknowledgeLowThreshold: true } }));
const run = (...extra: string[]) => runCli('uptake', `${F}/registry.csv`, '--eligible', `${F}/eligible.csv`, '--plan', PLAN, '--json', ...extra);

describe('SSMS text output', () => {
  it('a line of dashes in every cell is an underline; a row with one dash cell is not', () => {
    expect(isHeaderUnderline(['---------', '------', '---'], 3)).toBe(true);
    expect(isHeaderUnderline(['SD1', '-', '---'], 3)).toBe(false);
    expect(isHeaderUnderline(['---', '---'], 3)).toBe(false);
  });

  it('the underline is one problem on line 2; the two trailer lines are footnotes left out', async () => {
    const r = await run();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('registry.csv:2: — expected a referral: line 2 underlines the header (the text output of SQL Server Management Studio or sqlplus): delete it, or --exclude-invalid leaves it out');
    expect(r.stderr).not.toContain('missingCodes');
    expect(r.stderr.match(/registry\.csv:\d+/g)).toEqual(['registry.csv:2']);
  }, 30_000);

  it('--exclude-invalid leaves it out with a note, not as an invalid referral', async () => {
    const r = await run('--exclude-invalid');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('registry.csv: line 2 underlines the header (the text output of SQL Server Management Studio or sqlplus): left out, not counted as an invalid referral');
    expect(r.stderr).toContain('lines 304, 306 under the last referral are footnotes');
    const out = JSON.parse(r.stdout) as { excluded?: unknown; metrics: { region: string; period: string; dimension: string; referrals: number | string }[] };
    expect(out.excluded).toEqual({ rows: 0, kinds: [] });
    const years = out.metrics.filter((m) => m.region === 'national' && m.dimension === 'all' && m.period.length === 4);
    expect(years.map((m) => m.period)).toEqual(['2024', '2025']);
  }, 30_000);

  it('plan init --uptake drafts from it: no missing codes, a note naming line 2', async () => {
    const r = await runCli('plan', 'init', '--uptake', `${F}/registry.csv`);
    expect(r.code, r.stderr).toBe(0);
    const plan = JSON.parse(r.stdout) as { missingCodes?: string[]; dateFormat: string; firstYear: number };
    expect(plan.missingCodes).toBeUndefined();
    expect([plan.dateFormat, plan.firstYear]).toEqual(['iso-datetime', 2026]);
    expect(r.stderr).toContain('registry.csv: line 2 underlines the header (the text output of SQL Server Management Studio or sqlplus): left out of this draft');
    expect(r.stderr).toContain('regions seen in all 300 rows: Region Syddanmark');
  }, 30_000);
});
