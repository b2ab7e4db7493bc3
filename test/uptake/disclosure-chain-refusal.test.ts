/**
 * A monthly chain whose earlier publication hid counts (docs/disclosure-control.md "Publishing
 * again", "Hidden parts: checked before writing"). The suppression ties November's hidden counts
 * to December only through their sum within each of November's relations; the audit (a reader)
 * takes each as its own unknown. On the hidden-parts registry's Hovedstaden and Sjælland less
 * every seventh id (1,115 rows), November as of 30 November 2025 (`--first-publication`) and December as of
 * 31 December with `--previous nov.json`, months published, December's pattern left four cells
 * narrower than 5 (three of the 2025-12 cohort's retained at 4 weeks at 0 … 4) and 43 differences
 * pinned: until 6 December 2026 `hta uptake` wrote it. Now it refuses (exit 1, nothing written).
 * Since the insider rule (session 33) that two-region chain hides the country's counts with its
 * regions' and needs no refusal; the chain refused here is the three regions from July 2024, ids
 * ≡ 0 (mod 7) left out (hidden-parts-chain.ts `refusedCut`, 869 rows): December leaves the
 * 2025-12 cohort's retained at 4 weeks at 0 … 4 (Hovedstaden, Sjælland, the country) and
 * Nordjylland's of 2025-10, and 51 differences pinned.
 *
 * The refusal must not fire where the audit's failure is not this gap's (chain-refusal.ts's second
 * audit, without the earlier hidden counts). Its case here was the whole registry with a closed May
 * 2025 referral of Nordjylland deleted before December (listed for the whole country only); the
 * audit no longer fails there on a small count (attacker-audit.ts `hiddenEarlier`), so the case
 * tested nothing of the check (session 28: it passed with the second audit undone, and with the
 * audit's fix undone too — its false pin, 54 … 54, is no small count).
 * That chain's run (exit 0, the listing) is checked by test/uptake/audit-national-only-change.test.ts.
 * No chain is known on which the audit fails on a small count without the earlier hidden counts:
 * the second audit has no test that fails without it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';
import { HP, asOf, ordinaryCut, plan, refusedCut, registry } from '../support/hidden-parts-chain.js';

const CHAIN = 'test/uptake/fixtures/monthly-chain';

/** November (first publication) and December (`--previous` November) of `dec`: December's run. */
async function chain(dir: string, dec: string, nov: string) {
  writeFileSync(join(dir, 'nov.csv'), nov);
  writeFileSync(join(dir, 'dec.csv'), dec);
  const first = await runCli('uptake', join(dir, 'nov.csv'), '--eligible', join(HP, 'eligible.csv'), '--plan', plan(dir, '2025-11-30'), '--first-publication', '--json');
  expect(first.code, first.stderr).toBe(0);
  writeFileSync(join(dir, 'nov.json'), first.stdout);
  return runCli('uptake', join(dir, 'dec.csv'), '--eligible', join(HP, 'eligible.csv'), '--plan', plan(dir, '2025-12-31'), '--previous', join(dir, 'nov.json'), '--json', '--csv-dir', join(dir, 'tables'));
}

describe('a chained publication the audit would fail on its earlier hidden counts', () => {
  it('is refused: exit 1, the cells named, nothing written', async () => {
    const dir = tempDir();
    const lines = registry(refusedCut);
    const run = await chain(dir, lines.join('\n') + '\n', asOf(lines, '2025-11-30'));
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('nothing written: with the counts the publication of 2025-11-30');
    expect(run.stderr).toContain('  retained4w · Sjælland · 2025-12 · all=all: 0 … 4');
    // A count bounded at 7 … 11 could be no small count: not what refuses a chain (chain-refusal.ts).
    expect(run.stderr).not.toContain('  retained4w · Sjælland · 2025-06 · all=all: 7 … 11');
    expect(run.stderr).toContain('hta uptake … --audit');
    expect(run.stderr).not.toMatch(/\n\s+at .+\.(js|ts):\d+/);
    expect(() => readFileSync(join(dir, 'tables', 'metrics.csv'))).toThrow();
  }, 120_000);

  it('an ordinary chain is written as before, byte for byte', async () => {
    // monthly-chain/make.sh: the same registry cut, December against the fixture's November.
    const dir = tempDir();
    const dec = registry(ordinaryCut).join('\n') + '\n';
    writeFileSync(join(dir, 'dec.csv'), dec);
    const run = await runCli('uptake', join(dir, 'dec.csv'), '--eligible', join(HP, 'eligible.csv'), '--plan', plan(dir, '2025-12-31'), '--previous', join(CHAIN, 'nov.json'), '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(readFileSync(join(CHAIN, 'dec.json'), 'utf8'));
  }, 60_000);
});

describe('the chain check: only what could be a small count refuses, and an unreadable chain is said', () => {
  it('a hidden count the earlier hidden counts pin far above the threshold does not refuse (thresholds 5 and 6 of hidden-parts)', async () => {
    // test/uptake/threshold-lowered.test.ts's run at the same threshold: its pinned 97 … 97 once refused it.
    const dir = tempDir();
    const p = JSON.parse(readFileSync(join(HP, 'plan.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'plan.json'), JSON.stringify({ ...p, exportDate: '2026-01-31' }));
    const run = await runCli('uptake', join(HP, 'registry.csv'), '--eligible', join(HP, 'eligible.csv'), '--plan', join(dir, 'plan.json'), '--previous', join(HP, 'dec-before-fix.json'), '--exclude-invalid', '--json');
    expect(run.stderr).not.toContain('97 … 97');
    expect(run.code, run.stderr).toBe(0);
  }, 120_000);
});
