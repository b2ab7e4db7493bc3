/**
 * A publication made with a lower threshold than an earlier one it names is refused
 * (docs/disclosure-control.md "Publishing again"): its counts from its own threshold up to the
 * earlier one's less 1 would print what the earlier page hid. Until 6 December 2026 a second cut
 * of a September extract at threshold 3, `--previous` the first at threshold 5, printed Region
 * Syddanmark's men activated (58) and at risk (54), both hidden at 5: 4 men activated in the last
 * 28 days — exit 0, no warning; the same with two reports of the registry in one manifest. Here
 * the registry of fixture `hidden-parts/`, published as of 31 December 2025 at threshold 5
 * (`dec-before-fix.json`), is published again as of 2 January 2026.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

const FIX = 'test/uptake/fixtures/hidden-parts';
const basePlan = JSON.parse(readFileSync(join(FIX, 'plan.json'), 'utf8')) as Record<string, unknown>;
const planAt = (dir: string, name: string, threshold: number, exportDate: string) => {
  writeFileSync(join(dir, name), JSON.stringify({ ...basePlan, exportDate, suppression: { threshold } }));
  return join(dir, name);
};

describe('hta uptake --previous a publication of a higher threshold', () => {
  it('is refused with exit 2 naming the file, both thresholds and the remedy; nothing written', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const previous = join(FIX, 'dec-before-fix.json');
    const r = await runCli('uptake', join(FIX, 'registry.csv'), '--eligible', join(FIX, 'eligible.csv'), '--plan', planAt(dir, 'plan-t3.json', 3, '2026-01-02'), '--previous', previous, '--csv-dir', out);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`${previous}: an earlier publication of this registry, made with the threshold 5 (counts 1–4 hidden); this run's threshold is 3`);
    expect(r.stderr).toContain('Use the threshold 5 or higher ("suppression": { "threshold": 5 } in ');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
    // The same threshold, or a higher one, is published as before.
    for (const threshold of [5, 6]) {
      const ok = await runCli('uptake', join(FIX, 'registry.csv'), '--eligible', join(FIX, 'eligible.csv'), '--plan', planAt(dir, `plan-t${threshold}.json`, threshold, '2026-01-02'), '--previous', previous, '--json');
      expect(ok.code, ok.stderr).toBe(0);
    }
  }, 120_000);
});

describe('hta report: a later report of the same registry with a lower threshold', () => {
  it('is refused with exit 2 naming the earlier report, both thresholds and the later report\'s plan; no report written', async () => {
    const dir = tempDir();
    for (const f of ['registry.csv', 'eligible.csv']) writeFileSync(join(dir, f), readFileSync(join(FIX, f)));
    planAt(dir, 'plan-a.json', 5, '2025-12-31');
    planAt(dir, 'plan-b.json', 3, '2025-12-31');
    const entry = (id: string, plan: string) => ({ id, kind: 'uptake', out: id, lang: 'da', registry: 'registry.csv', eligible: 'eligible.csv', plan });
    writeFileSync(join(dir, 'reports.json'), JSON.stringify({ reports: [{ ...entry('a', 'plan-a.json'), firstPublication: true }, entry('b', 'plan-b.json')] }));
    const r = await runCli('report', '--manifest', join(dir, 'reports.json'), '--out', join(dir, 'out'));
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('report "a" (same registry, earlier in the manifest): an earlier publication of this registry, made with the threshold 5 (counts 1–4 hidden); this run\'s threshold is 3');
    expect(r.stderr).toContain('in the uptake plan of report "b"');
    expect(existsSync(join(dir, 'out', 'b'))).toBe(false);
  }, 120_000);
});
