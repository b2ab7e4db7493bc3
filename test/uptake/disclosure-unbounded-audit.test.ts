/**
 * A hidden count that nothing printed bounds above is unbounded in the audit ("Infinity" in
 * `--audit --json`, as before for a count at the solver's box; docs/disclosure-control.md
 * "Audit"). Without the number of rows printed the attacker's LP runs in a box of 10⁹, and a
 * count bounded only by another unbounded one less a printed count stops just short of it: until
 * 6 December 2026 `hta uptake --audit --published … --json` printed its upper bound as 999999966
 * (review of session 27, finding 5).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';
import { auditPublishedUptake, type PublishedUptake } from '../../src/uptake/disclosure/attacker-audit.js';
import { auditText } from '../../src/uptake/disclosure/audit-text.js';

const RULE = { threshold: 5, protectionLevel: 5, zerosSensitive: false };
const S = 'suppressed';

/**
 * One region, Fyn (the country the same), as a results.json prints it: the referrals of 2024, of
 * 2025 and of the whole export hidden, and so the number of rows; the activations printed (34 in
 * 2024, 38 in 2025, 72 in all). The 2025 referrals are at least 38 and at most the whole export's
 * less 2024's (at least 34): nothing printed bounds them above.
 */
function publication(): PublishedUptake {
  const row = (region: string, period: string, referrals: number | string, activations: number) => ({
    region, period, periodType: period === 'all' ? 'all' : 'year', dimension: 'all', level: 'all',
    referrals, activations, activationRate: S, atRisk4w: 0, retained4w: 0, atRisk12w: 0, retained12w: 0,
  });
  const metrics = ['Fyn', 'national'].flatMap((r) => [row(r, '2024', S, 34), row(r, '2025', S, 38), row(r, 'all', S, 72)]);
  return { exportDate: '2025-12-31', rows: S, suppression: RULE, metrics, uptake: [], funnel: { rows: [] }, budget: { observed: [] } } as unknown as PublishedUptake;
}

describe('a hidden count nothing printed bounds above', () => {
  it('is unbounded, not the solver box less a printed count', () => {
    const audit = auditPublishedUptake(publication(), RULE);
    const upper = (cell: string) => audit.intervals.find((i) => i.cell === cell)!;
    expect(upper('referrals · Fyn · 2025 · all=all')).toEqual({ cell: 'referrals · Fyn · 2025 · all=all', lower: 38, upper: Infinity });
    expect(upper('referrals · Fyn · 2024 · all=all')).toEqual({ cell: 'referrals · Fyn · 2024 · all=all', lower: 34, upper: Infinity });
    expect(audit.intervals.every((i) => i.upper === Infinity || i.upper < 1e6)).toBe(true);
  });

  it('hta uptake --audit --published … --json prints "Infinity" for it', async () => {
    const dir = tempDir();
    const file = join(dir, 'results.json');
    writeFileSync(file, JSON.stringify(publication(), null, 2));
    const r = await runCli('uptake', '--audit', '--published', file, '--json');
    expect(r.code).toBe(0);
    const intervals = (JSON.parse(r.stdout) as { audit: { intervals: { cell: string; upper: unknown }[] } }).audit.intervals;
    expect(intervals.find((i) => i.cell === 'referrals · Fyn · 2025 · all=all')!.upper).toBe('Infinity');
    expect(r.stdout).not.toMatch(/9999999\d\d/);
  }, 60_000);

  it('the audit as text says it in words, in English and in Danish', () => {
    const audit = auditPublishedUptake(publication(), RULE);
    // Listed as a failure only to see it printed (an unbounded count is never narrow).
    const listed = { audit: { ...audit, narrow: [audit.intervals.find((i) => i.cell === 'referrals · Fyn · 2025 · all=all')!] }, informationLoss: { cellShare: 0.5 }, earlier: [] };
    expect(auditText(listed, 'en')).toContain(': at least 38 (no upper bound)\n');
    expect(auditText(listed, 'da')).toContain(': mindst 38 (ingen øvre grænse)\n');
  });
});
