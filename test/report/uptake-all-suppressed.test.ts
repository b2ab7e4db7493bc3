/**
 * A small registry whose charts would show only "suppressed" markers: each such chart is left out
 * and its section says why, above the table that shows the markers (before: an empty frame).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateEligible, simulateRegistry } from '../../src/simulate/registry.js';
import { runCli, tempDir } from '../support/run-cli.js';

describe('uptake charts of which every number is suppressed', () => {
  it('are left out, and their sections say so', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'registry.csv'), simulateRegistry({ rows: 60, seed: 2 }));
    writeFileSync(join(dir, 'eligible.csv'), simulateEligible({ seed: 2 }));
    writeFileSync(join(dir, 'plan.json'), readFileSync('data/plans/uptake.plan.json', 'utf8').replace('"../../schemas/', '"'));
    writeFileSync(join(dir, 'reports.json'), JSON.stringify({ reports: [{ id: 'u', kind: 'uptake', out: 'u', lang: 'en', registry: 'registry.csv', eligible: 'eligible.csv', plan: 'plan.json' }] }));
    const r = await runCli('report', '--manifest', join(dir, 'reports.json'), '--out', join(dir, 'out'), '--no-cache');
    expect(r.code, r.stderr).toBe(0);
    const results = JSON.parse(readFileSync(join(dir, 'out', 'u', 'results.json'), 'utf8')) as { metrics: Record<string, unknown>[] };
    // The registry is small enough that every region's whole-export counts are hidden …
    expect(results.metrics.filter((m) => m.period === 'all' && m.dimension === 'all' && m.region !== 'national').every((m) => m.referrals === 'suppressed' && m.activations === 'suppressed')).toBe(true);
    // … so the funnel is not drawn, and its section says why.
    expect(existsSync(join(dir, 'out', 'u', 'activation-funnel.vl.json'))).toBe(false);
    const md = readFileSync(join(dir, 'out', 'u', 'README.md'), 'utf8');
    const section = md.slice(md.indexOf('## From referral to continued use'), md.indexOf('\n## ', md.indexOf('## From referral to continued use') + 3));
    expect(section).toContain('No chart: every number it would draw is suppressed (the table below shows which).');
  }, 60_000);
});
