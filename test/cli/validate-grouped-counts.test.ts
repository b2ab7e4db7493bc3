/**
 * `hta validate` prints its counts as every other number the terminal prints (docs/glossary-da.md
 * on number formats): grouped, `2,250`, not `2250` — a registry's 6,129 patient-visits beside a
 * level's 602 patients read at a glance.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

describe('hta validate groups its counts', () => {
  it('a registry export: patient-visits and the confounder levels', async () => {
    const r = await runCli('validate', 'data/synthetic/registry-outcomes.csv', '--plan', 'data/plans/registry-outcomes.plan.json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^patient-visits: \d{1,3}(,\d{3})+ \(/m);
    expect(r.stdout).not.toMatch(/\b\d{4,}\b/);
  });

  it('a trial export: its rows', async () => {
    const r = await runCli('validate', 'data/synthetic/selfback-trial.csv', '--plan', 'data/plans/selfback.plan.json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^rows: \d{1,3}(,\d{3})+$/m);
  });
});
