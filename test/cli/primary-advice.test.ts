/**
 * README's five-command start (plan init → validate → analyze → report) on a Danish wide export
 * never led to a "primary": plan init drafts none (the protocol names it) and said nothing, and
 * plan check did not warn, so the report had no sensitivity analysis ("as the plan names no
 * primary outcome") without the user ever being told. Both now say what it gives and how to set it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

const EXPORT = 'test/fixtures/docs-recipes/mytrial-wide.csv';

describe('a plan without "primary"', () => {
  it('plan init lists setting one among its checks, with the drafted first outcome and follow-up as the example', async () => {
    const out = join(tempDir(), 'plan.json');
    const r = await runCli('plan', 'init', EXPORT, '--out', out);
    expect(r.code).toBe(0);
    const plan = JSON.parse(readFileSync(out, 'utf8')) as { primary?: unknown; outcomes: { key: string }[]; timepoints: string[] };
    expect(plan.primary).toBeUndefined();
    const check = r.stderr.split('\n').find((l) => l.startsWith('  - no "primary" outcome'));
    expect(check).toContain('the report then has no sensitivity analysis of the missing follow-ups');
    expect(check).toContain(`"primary": { "outcome": "${plan.outcomes[0]!.key}", "time": "${plan.timepoints[0]}" }`);
  });

  it('plan check warns without one, and not once it is set', async () => {
    const plan = JSON.parse(readFileSync('test/fixtures/docs-recipes/mytrial.plan.json', 'utf8')) as Record<string, unknown>;
    const dir = tempDir();
    const without = join(dir, 'plan.json');
    writeFileSync(without, JSON.stringify(plan));
    const r = await runCli('plan', 'check', without, '--export', EXPORT);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`warning: ${without}: no "primary" outcome: the report then has no sensitivity analysis`);
    const withPrimary = join(dir, 'plan-primary.json');
    writeFileSync(withPrimary, JSON.stringify({ ...plan, primary: { outcome: 'rmdq', time: '3m' } }));
    const s = await runCli('plan', 'check', withPrimary, '--export', EXPORT);
    expect(s.code).toBe(0);
    expect(s.stderr).not.toContain('"primary"');
  });
});
