/**
 * An ordinary monthly chain with several breakdowns published (docs/disclosure-control.md
 * "Audit"; fixture `chain-breakdowns/`, its README.md): the earlier publication's relations are
 * one per total and per breakdown, as the later file's are. Until the review of session 27 the
 * audit summed the age bands, sexes and referrers of an earlier total as one relation equal to it,
 * and read this chain — nothing changed but time — as contradictory (exit 2); and the chain the
 * explorer of session 27 made of it with a period September hid changed since (October: one
 * Sjælland referral of July registered late, Nordjylland's two July referrals withdrawn), read
 * as "a hidden period changed since", was the same error: its audit gives bounds now, the
 * changed period's earlier hidden counts their own unknowns, tied to no count now.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const FIX = 'test/uptake/fixtures/chain-breakdowns';

describe('the audit of a monthly chain whose earlier publication printed several breakdowns', () => {
  it('reads the two together and passes: each breakdown its own relation', async () => {
    const r = await runCli('uptake', '--audit', '--published', `${FIX}/sep.json`, '--previous', `${FIX}/aug.json`);
    expect(r.stderr).not.toContain('contradict');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Earlier publications taken as known (each count as of its export date; now − then checked as a count of patients, and each earlier one against the later ones): 2025-08-31.');
    expect(r.stdout).toContain('Suppressed cells narrower than 5: 0 (none)');
    expect(r.stdout).toContain('Hidden counts of earlier publications narrower than 5 with this file\'s numbers (settled, unchanged periods read as the same count): 0 (none)');
  }, 120_000);

  it('a chain whose hidden period changed since (a patient removed, one registered late) is read, with bounds', async () => {
    const r = await runCli('uptake', '--audit', '--json', '--published', `${FIX}/oct-removed.json`, '--previous', `${FIX}/sep.json`);
    expect(r.stderr).not.toContain('contradict');
    expect(r.code, r.stderr).toBe(0);
    const { audit } = JSON.parse(r.stdout) as { audit: { earlierHidden: { cell: string; lower: number; upper: number | 'Infinity' }[]; intervals: { cell: string; lower: number; upper: number | 'Infinity' }[] } };
    // September's hidden July of Nordjylland: its own unknown (the withdrawn referrals were in it), wide.
    const then = audit.earlierHidden.find((c) => c.cell === 'referrals · Region Nordjylland · 2025-07 · all=all as of 2025-09-30 (hidden then)');
    expect(then).toEqual({ cell: 'referrals · Region Nordjylland · 2025-07 · all=all as of 2025-09-30 (hidden then)', lower: 0, upper: 17 });
    // October's, listed as changed, is not tied to it.
    expect(audit.intervals.find((c) => c.cell === 'referrals · Region Nordjylland · 2025-07 · all=all')).toEqual({ cell: 'referrals · Region Nordjylland · 2025-07 · all=all', lower: 0, upper: 'Infinity' });
  }, 120_000);
});
