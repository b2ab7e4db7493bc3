/**
 * `analyze --bootstrap N --seed S` printed the same table as without it (the intervals are of the
 * Welch rows' difference, then in --json only; now also in a table under it and in --csv), and `--seed` alone was accepted and changed nothing.
 * Found by a new user who read "add bootstrap percentile and BCa intervals" in --help.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const EXPORT = 'test/fixtures/docs-recipes/mytrial-wide.csv';
const PLAN = 'test/fixtures/docs-recipes/mytrial.plan.json';

describe('analyze --bootstrap and --seed', () => {
  it('--seed without --bootstrap is refused (exit 2): it would change nothing', async () => {
    const r = await runCli('analyze', EXPORT, '--plan', PLAN, '--seed', '5');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('error: --seed goes with --bootstrap');
  });

  it('the text output says where the bootstrap intervals are and of which rows (docs/cli.md#bootstrap-intervals)', async () => {
    const r = await runCli('analyze', EXPORT, '--plan', PLAN, '--bootstrap', '200', '--seed', '3');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("note: --bootstrap 200: percentile and BCa intervals of the 4 Welch row(s)' difference are in the table under the effects table (and in --csv's boot_* columns, --json's effects[].bootstrap); the effects table's intervals are the methods' own");
    const j = await runCli('analyze', EXPORT, '--plan', PLAN, '--bootstrap', '200', '--seed', '3', '--json');
    const effects = (JSON.parse(j.stdout) as { effects: { method: string; bootstrap?: unknown }[] }).effects;
    expect(effects.filter((e) => e.bootstrap).map((e) => e.method)).toEqual(['welch', 'welch', 'welch', 'welch']);
  });

  it('--help says which rows and where', async () => {
    const r = await runCli('analyze', '--help');
    expect(r.stdout.replace(/\s+/g, ' ')).toContain("intervals of the Welch rows' difference with n replicates: a table under the effects table, --csv's boot_* columns, --json's effects[].bootstrap");
  });
});
