/**
 * A monthly chain made by hta itself (fixture `monthly-chain/`, its README.md and make.sh: the
 * registry of `hidden-parts/` cut down to July 2024 on, ids ≡ 3 (mod 7) left out, 851 rows,
 * published as of 30 November 2025 with `--first-publication`, `nov.json`, and as of 31 December
 * 2025 with `--previous nov.json`, `dec.json`; months published). Nov printed Sjælland's
 * retained at 4 weeks of September 2024 (6); Dec hides it, and the whole country's 2024 (printed
 * in both, unchanged) ties Nov's hidden months of 2024 to Dec's, so the audit pins it to 6 … 6:
 * "no growth since", which Nov made public, and a growth of 0 is not sensitive with zeros shown.
 * Until 6 December 2026 the audit failed (exit 1) on this correct publication
 * (docs/disclosure-control.md "Audit"). The chain is small so that its two audits take seconds
 * (the first fixture, the whole hidden-parts registry, took ~16–20 s of CPU each).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

const FIX = 'test/uptake/fixtures/monthly-chain';
type Row = Record<string, unknown>;

describe('a hidden count pinned to what the earlier publication printed', () => {
  const nov = JSON.parse(readFileSync(join(FIX, 'nov.json'), 'utf8')) as { metrics: Row[] };
  const dec = JSON.parse(readFileSync(join(FIX, 'dec.json'), 'utf8')) as { metrics: Row[]; suppression: Row };
  const row = (pub: { metrics: Row[] }) => pub.metrics.find((r) => r.region === 'Sjælland' && r.period === '2024-09' && r.dimension === 'all')!;

  it('passes the audit, listed apart as unchanged since printed', async () => {
    expect(row(dec).retained4w).toBe('suppressed');
    const printed = row(nov).retained4w as number;
    expect(typeof printed).toBe('number');
    const audit = await runCli('uptake', '--audit', '--published', join(FIX, 'dec.json'), '--previous', join(FIX, 'nov.json'));
    expect(audit.code, audit.stdout + audit.stderr).toBe(0);
    expect(audit.stdout).toContain('Suppressed cells narrower than 5: 0 (none)');
    // With it two more cells of September 2024 Nov printed: Sjælland's at risk at 12 weeks, Nordjylland's retained at 4 weeks.
    expect(audit.stdout).toContain('pinned to the value an earlier publication printed for them (no growth since; public, not a failure): 3');
    expect(audit.stdout).toContain(`  retained4w · Sjælland · 2024-09 · all=all: ${printed} … ${printed}`);
  }, 90_000);

  it('with zeros sensitive, a growth of 0 is sensitive: still reported as narrow', async () => {
    const dir = tempDir();
    const zeros = join(dir, 'dec-zeros.json');
    writeFileSync(zeros, JSON.stringify({ ...dec, suppression: { ...dec.suppression, zerosSensitive: true } }));
    const audit = await runCli('uptake', '--audit', '--published', zeros, '--previous', join(FIX, 'nov.json'));
    expect(audit.code, audit.stdout + audit.stderr).toBe(1);
    const narrow = audit.stdout.slice(audit.stdout.indexOf('Suppressed cells narrower than 5:'), audit.stdout.indexOf('Derived differences'));
    expect(narrow).toContain(`  retained4w · Sjælland · 2024-09 · all=all: ${row(nov).retained4w as number} …`);
    expect(audit.stdout).not.toContain('no growth since; public, not a failure');
  }, 90_000);
});
