/**
 * Two cuts of one extract (docs/disclosure-control.md "Publishing again"): a region publishes a
 * monthly dashboard with clinics and a yearly equity page of the same export (same export date).
 * Found on a regional registry shape (`;`, SQL Server date-times): the yearly page printed
 * "activated 117 = at risk at 12 weeks 117" for 2024, so every 2024 month's at-risk-at-4-weeks
 * equals its at-risk-at-12-weeks, which the monthly page printed (11) next to retained at 4 weeks
 * (9): 2 not retained. `--previous` refused the other cut ("not before this export's"), so neither
 * could be protected against the other. Now the second cut is made with `--previous <first>`, the
 * suppression models both, and `--audit --published` reads the two as one publication.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

const FIX = 'test/uptake/fixtures/same-extract';
const dir = tempDir();
const plan = JSON.parse(readFileSync(join(FIX, 'plan.json'), 'utf8')) as Record<string, unknown>;
const CUTS = {
  monthly: { months: true, clinics: true, equity: [] },
  equity: { months: false, clinics: false, equity: ['sex', 'ageBand'] },
} as const;
for (const [name, publish] of Object.entries(CUTS)) writeFileSync(join(dir, `${name}.plan.json`), JSON.stringify({ ...plan, publish }));

// One run per cut and --previous list, shared by the tests (each test still makes what it needs).
const published = new Map<string, Promise<string>>();
function publish(cut: keyof typeof CUTS, out: string, previous: string[] = []): Promise<string> {
  const key = [cut, ...previous].join('\u0000');
  let file = published.get(key);
  if (!file) published.set(key, (file = publishNow(cut, out, previous)));
  return file;
}

async function publishNow(cut: keyof typeof CUTS, out: string, previous: string[]): Promise<string> {
  const r = await runCli('uptake', join(FIX, 'registry.csv'), '--eligible', join(FIX, 'eligible.csv'), '--plan', join(dir, `${cut}.plan.json`), '--json', ...previous.flatMap((p) => ['--previous', p]));
  expect(r.code, r.stderr).toBe(0);
  const file = join(dir, out);
  writeFileSync(file, r.stdout);
  return file;
}

describe('two cuts of one extract', () => {
  it('made without --previous, the audit reading both finds the 2 not retained', async () => {
    const monthly = await publish('monthly', 'm0.json');
    const equity = await publish('equity', 'e0.json');
    for (const [a, b] of [[monthly, equity], [equity, monthly]] as const) {
      const r = await runCli('uptake', '--audit', '--published', a, '--previous', b);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('atRisk4w − retained4w · Region Syddanmark · 2024-11 · all=all: 2 … 2');
      expect(r.stdout).toContain(`Other cuts of the same extract (same export date), read with it as one publication: ${b}.`);
    }
  }, 60_000);

  it('the other cut with its regions spelled otherwise ("Syddanmark" for "Region Syddanmark"): read as the same regions, the 2 still found', async () => {
    const monthly = await publish('monthly', 'm0.json');
    const equity = await publish('equity', 'e0.json');
    const respelled = join(dir, 'e0-respelled.json');
    writeFileSync(respelled, readFileSync(equity, 'utf8').replace(/"Region (Hovedstaden|Midtjylland|Syddanmark|Sjælland|Nordjylland)"/g, '"$1"'));
    expect(readFileSync(respelled, 'utf8')).not.toContain('"Region Syddanmark"');
    const r = await runCli('uptake', '--audit', '--published', monthly, '--previous', respelled);
    expect(r.code, r.stdout).toBe(1);
    expect(r.stdout).toContain('atRisk4w − retained4w · Region Syddanmark · 2024-11 · all=all: 2 … 2');
  }, 60_000);

  it('the second cut made with --previous <first> (either order): the two read together pin nothing', async () => {
    for (const [first, second] of [['monthly', 'equity'], ['equity', 'monthly']] as const) {
      const a = await publish(first, `${first}-1.json`);
      const b = await publish(second, `${second}-2.json`, [a]);
      expect((JSON.parse(readFileSync(b, 'utf8')) as { previous: { exportDate: string } }).previous.exportDate).toBe('2025-11-30');
      for (const args of [[b], [b, '--previous', a], [a, '--previous', b]]) {
        const r = await runCli('uptake', '--audit', '--published', ...args);
        expect(r.stdout).toContain('Suppressed cells narrower than 5: 0 (none)');
        expect(r.stdout).toContain('Derived differences pinned inside the sensitive range: 0 (none)');
        expect(r.code, r.stdout).toBe(0);
      }
    }
  }, 120_000);

  it('a publication of a later export is still refused by --previous and the audit', async () => {
    const monthlyFile = await publish('monthly', 'm.json');
    const monthly = JSON.parse(readFileSync(monthlyFile, 'utf8')) as Record<string, unknown>;
    const later = join(dir, 'later.json');
    writeFileSync(later, JSON.stringify({ ...monthly, exportDate: '2025-12-31' }));
    const run = await runCli('uptake', join(FIX, 'registry.csv'), '--eligible', join(FIX, 'eligible.csv'), '--plan', join(dir, 'equity.plan.json'), '--json', '--previous', later);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('its export date 2025-12-31 is after this export\'s 2025-11-30');
    const audit = await runCli('uptake', '--audit', '--published', monthlyFile, '--previous', later);
    expect(audit.code).toBe(2);
    expect(audit.stderr).toContain('export date 2025-12-31 is after');
  }, 60_000);

  it('another extract under the same export date is refused by --previous and by the audit (their difference would be given away)', async () => {
    // 3 rows of one month taken out: the two would print 400 and 397 referrals, 207 and 205 at risk (review).
    const lines = readFileSync(join(FIX, 'registry.csv'), 'utf8').split(/\r?\n/);
    const month = lines.slice(1).find((l) => l.includes('2024-06'))!;
    let dropped = 0;
    const changed = join(dir, 'registry-changed.csv');
    writeFileSync(changed, lines.filter((l) => !(l.includes('2024-06') && dropped < 3 && ++dropped)).join('\n'));
    expect(dropped, month).toBe(3);
    const monthly = await publish('monthly', 'm0.json');
    const run = await runCli('uptake', changed, '--eligible', join(FIX, 'eligible.csv'), '--plan', join(dir, 'monthly.plan.json'), '--json', '--previous', monthly);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('it is another extract, not another cut of this one');
    expect(run.stdout).toBe('');
    // Made without --previous, the two files are refused together by the audit.
    const alone = await runCli('uptake', changed, '--eligible', join(FIX, 'eligible.csv'), '--plan', join(dir, 'monthly.plan.json'), '--json');
    expect(alone.code, alone.stderr).toBe(0);
    const other = join(dir, 'changed.json');
    writeFileSync(other, alone.stdout);
    const audit = await runCli('uptake', '--audit', '--published', other, '--previous', monthly);
    expect(audit.code).toBe(2);
    expect(audit.stderr).toContain('they are not cuts of one extract');
  }, 60_000);
});
