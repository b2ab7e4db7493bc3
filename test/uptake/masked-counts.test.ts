/**
 * Counts masked by the source (`<5`, `..`, `x`, `-`) in the eligible file or an aggregate table
 * are refused saying they look masked and that hta needs the unmasked counts (it suppresses small
 * counts itself), not only "expected a whole number".
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksMasked } from '../../src/uptake/masked-count.js';
import { runCli, tempDir } from '../support/run-cli.js';

const PLAN = 'data/plans/uptake.plan.json';

describe('masked counts', () => {
  it('knows the usual masks and nothing else', () => {
    expect(['<5', '< 5', '<=4', '≤4', '..', 'x', 'X', '-', '–', '*', '(x)'].every(looksMasked)).toBe(true);
    expect(['5', '37.000', 'abc', '-4', 'I alt', ''].some(looksMasked)).toBe(false);
  });

  it('the eligible file: each masked count says so, and what to do where the mark may mean "not available" (missingCodes in a wide file, leaving the row out in a long one)', async () => {
    const dir = tempDir();
    const lines = readFileSync('data/synthetic/eligible.csv', 'utf8').split('\n');
    const cells = lines[1]!.split(',');
    const masked = (mark: string) => [...cells.slice(0, -1), mark].join(',');
    const eligible = join(dir, 'eligible.csv');
    writeFileSync(eligible, [lines[0], masked('<5'), ...lines.slice(2)].join('\n'));
    const small = await runCli('uptake', 'data/synthetic/registry.csv', '--eligible', eligible, '--plan', PLAN);
    expect(small.code).toBe(2);
    expect(small.stderr).toContain('"<5" looks like a count masked by the source');
    expect(small.stderr).toContain('hta needs the unmasked counts, and suppresses small counts itself');
    expect(small.stderr).not.toContain('missingCodes');
    writeFileSync(eligible, [lines[0], masked('..'), ...lines.slice(2)].join('\n'));
    const dots = await runCli('uptake', 'data/synthetic/registry.csv', '--eligible', eligible, '--plan', PLAN);
    expect(dots.code).toBe(2);
    expect(dots.stderr).toContain('".." looks like a count masked by the source');
    expect(dots.stderr).toContain('if ".." means "not available" rather than a hidden small count, leave the row out');
    // Years as columns: there a mark listed in missingCodes is a year without a count.
    writeFileSync(eligible, 'Region;2024;2025\nHovedstaden;37.272;x\nMidtjylland;27.000;27.100\n');
    const wide = await runCli('uptake', 'data/synthetic/registry.csv', '--eligible', eligible, '--plan', PLAN);
    expect(wide.code).toBe(2);
    expect(wide.stderr).toContain('"x" looks like a count masked by the source');
    expect(wide.stderr).toContain('list it in "missingCodes" in the uptake plan');
    expect(dots.stderr).not.toMatch(/internal error|    at /);
  });

  it('an aggregate table', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'uptake_totals.csv'), 'export_date,referrals\n2025-12-30,<5\n');
    const r = await runCli('uptake', '--aggregates', dir, '--eligible', 'data/synthetic/eligible.csv', '--plan', PLAN);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(dir, 'uptake_totals.csv')}:2:2 (referrals): "<5" — expected a whole number ≥ 0 — "<5" looks like a count masked by the source`);
  });
});
