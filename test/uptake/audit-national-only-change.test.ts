/**
 * The audit of an ordinary monthly chain (review of session 26, finding 5; docs/disclosure-control.md
 * "Audit"): November, then December with one Nordjylland patient of May 2025 removed. Nordjylland's
 * May was hidden in both, so the change shows only in the whole country's May, and December lists
 * the country's May (with every region's whole export: the spread), not Nordjylland's. Until
 * 6 December 2026 the audit held the regions' hidden May counts equal to November's: the country's
 * May was then November's print less the other regions' — "referrals · national · 2025-05: 54 … 54",
 * a pin of a value that is 53, and the tool's own publication failed its audit (exit 1). What this
 * tests is attacker-audit.ts `hiddenEarlier` freeing them (checked in session 28: with that undone
 * it fails on the pin). A second fix of the same day also read every printed region's May as
 * changed (`nationalOnlyUnits`): this passed without it, and it only loosened counts the listing
 * ties (a printed count that changed is listed for its region), so it was removed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registryAsOf } from '../support/registry-as-of.js';
import { runCli, tempDir } from '../support/run-cli.js';

const FIXTURE = 'test/uptake/fixtures/hidden-parts';

describe('hta uptake --audit of a chain whose change shows only in the whole country\'s row', () => {
  it('frees every region\'s hidden count of the listed period: no false pin, exit 0', async () => {
    const dir = tempDir();
    const registry = readFileSync(join(FIXTURE, 'registry.csv'), 'utf8');
    const plan = { ...JSON.parse(readFileSync(join(FIXTURE, 'plan.json'), 'utf8')) as Record<string, unknown>, publish: { months: true, clinics: false, equity: [] } };
    writeFileSync(join(dir, 'nov.csv'), registryAsOf(registry, '2025-11-30'));
    // December: P01334 (Nordjylland, referred 2025-05-29, activated in June) removed from the registry.
    writeFileSync(join(dir, 'dec.csv'), registry.split('\n').filter((l) => !l.startsWith('P01334,')).join('\n'));
    writeFileSync(join(dir, 'nov.plan.json'), JSON.stringify({ ...plan, exportDate: '2025-11-30' }));
    writeFileSync(join(dir, 'dec.plan.json'), JSON.stringify(plan));
    const eligible = join(FIXTURE, 'eligible.csv');
    const nov = await runCli('uptake', join(dir, 'nov.csv'), '--eligible', eligible, '--plan', join(dir, 'nov.plan.json'), '--json', '--first-publication');
    expect(nov.code, nov.stderr).toBe(0);
    writeFileSync(join(dir, 'nov.json'), nov.stdout);
    const dec = await runCli('uptake', join(dir, 'dec.csv'), '--eligible', eligible, '--plan', join(dir, 'dec.plan.json'), '--json', '--previous', join(dir, 'nov.json'));
    expect(dec.code, dec.stderr).toBe(0);
    // Not refused by the chain check (chain-refusal.ts), the change said in the note.
    expect(dec.stderr).toContain('referrals in 2025-05 (the whole country)');
    writeFileSync(join(dir, 'dec.json'), dec.stdout);
    const published = JSON.parse(dec.stdout) as { metrics: Record<string, unknown>[]; previous: { changed: { periods: { region: string; period: string }[] } } };
    // The setting: the country's May listed, no region's May; Nordjylland's May hidden; November printed the country's May.
    expect(published.previous.changed.periods).toContainEqual({ region: 'national', period: '2025-05' });
    expect(published.previous.changed.periods.filter((p) => p.region !== 'national' && p.period === '2025-05')).toEqual([]);
    const may = (j: { metrics: Record<string, unknown>[] }, region: string) => j.metrics.find((r) => r.region === region && r.period === '2025-05' && r.dimension === 'all')!.referrals;
    expect(may(published, 'Nordjylland')).toBe('suppressed');
    const novPrinted = may(JSON.parse(nov.stdout) as { metrics: Record<string, unknown>[] }, 'national') as number;
    expect(typeof novPrinted).toBe('number');
    const audit = await runCli('uptake', '--audit', '--published', join(dir, 'dec.json'), '--previous', join(dir, 'nov.json'), '--json');
    const report = (JSON.parse(audit.stdout) as { audit: { narrow: { cell: string; lower: number; upper: number }[]; intervals: { cell: string; lower: number; upper: number }[] } }).audit;
    expect(report.narrow).toEqual([]);
    expect(audit.code, audit.stdout.slice(0, 2000)).toBe(0);
    // The country's May now is November's print less the removed patient: the audit's interval holds it.
    const countryMay = report.intervals.find((i) => i.cell.startsWith('referrals · national · 2025-05 · all=all'))!;
    expect(countryMay.lower).toBeLessThanOrEqual(novPrinted - 1);
    // "Infinity" where nothing printed bounds it above (as --json prints it).
    expect(Number(countryMay.upper)).toBeGreaterThanOrEqual(novPrinted - 1);
  }, 180_000);
});
