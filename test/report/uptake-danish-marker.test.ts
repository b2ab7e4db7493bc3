/**
 * A Danish uptake page on a small registry: the charts mark a hidden count "diskretioneret", as the
 * tables do — before, the activation funnel, the equity chart and the clinic funnel's subtitle
 * wrote the English "suppressed" (the bundled uptake report is English, so no page test saw it).
 * On this registry no chart happens to draw a hidden value's marker, so the page test guards the
 * page's and the charts' phrases; the marker itself is held by uptake-equity.test.ts ("in Danish
 * the hidden group reads …"), which fails when markerText writes English.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateEligible, simulateRegistry } from '../../src/simulate/registry.js';
import { runCli, tempDir } from '../support/run-cli.js';

describe('Danish uptake charts on a small registry', () => {
  it('say "diskretioneret", never "suppressed"', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'registry.csv'), simulateRegistry({ rows: 200, seed: 3 }));
    writeFileSync(join(dir, 'eligible.csv'), simulateEligible({ seed: 3 }));
    writeFileSync(join(dir, 'plan.json'), readFileSync('data/plans/uptake.plan.json', 'utf8').replace('"../../schemas/', '"'));
    writeFileSync(join(dir, 'reports.json'), JSON.stringify({ reports: [{ id: 'u', kind: 'uptake', out: 'u', lang: 'da', registry: 'registry.csv', eligible: 'eligible.csv', plan: 'plan.json' }] }));
    const r = await runCli('report', '--manifest', join(dir, 'reports.json'), '--out', join(dir, 'out'), '--no-cache');
    expect(r.code, r.stderr).toBe(0);
    const specs = readdirSync(join(dir, 'out', 'u')).filter((f) => f.endsWith('.vl.json')).map((f) => readFileSync(join(dir, 'out', 'u', f), 'utf8'));
    const all = specs.join('\n');
    expect(all).toContain('diskretioneret');
    expect(all).not.toMatch(/suppressed/);
    expect(readFileSync(join(dir, 'out', 'u', 'index.html'), 'utf8')).not.toMatch(/>[^<]*\bsuppressed\b/);
  }, 60_000);
});
