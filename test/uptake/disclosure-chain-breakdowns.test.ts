/**
 * An ordinary monthly chain with several breakdowns published (docs/disclosure-control.md
 * "Audit"; fixture `chain-breakdowns/`, its README.md): the earlier publication's relations are
 * one per total and per breakdown, as the later file's are. Until the review of session 27 the
 * audit summed the age bands, sexes and referrers of an earlier total as one relation equal to it,
 * and read this chain — nothing changed but time — as contradictory (exit 2).
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
});
