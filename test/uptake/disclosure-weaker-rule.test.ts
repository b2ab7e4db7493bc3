/**
 * A publication whose rule is weaker than an earlier one it names is refused, as a lower threshold
 * is (docs/disclosure-control.md "Publishing again"; threshold-lowered.test.ts): a lower
 * protection level narrows what the earlier page hid at its width, and zeros shown print the
 * zeros the earlier page hid — or give them by subtraction, 58 − 54 = 4 the same way. Until the
 * review of session 27 only the threshold was compared. The registry of fixture `hidden-parts/`
 * as of 2 January 2026, against its publication of 31 December 2025 (`dec-before-fix.json`,
 * threshold 5, protection level 5, zeros shown) with its rule rewritten as the earlier one's.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

const FIX = 'test/uptake/fixtures/hidden-parts';
const basePlan = JSON.parse(readFileSync(join(FIX, 'plan.json'), 'utf8')) as Record<string, unknown>;

/** dec-before-fix.json as if published under `suppression` (its counts as they are). */
function earlier(dir: string, suppression: object): string {
  const json = JSON.parse(readFileSync(join(FIX, 'dec-before-fix.json'), 'utf8')) as { suppression: object };
  const file = join(dir, 'earlier.json');
  writeFileSync(file, JSON.stringify({ ...json, suppression: { ...json.suppression, ...suppression } }, null, 2));
  return file;
}

/** `hta uptake` as of 2 January 2026 under `suppression`, `--previous` the earlier file, with a CSV folder. */
async function run(dir: string, previous: string, suppression: object) {
  const plan = join(dir, 'plan.json');
  writeFileSync(plan, JSON.stringify({ ...basePlan, exportDate: '2026-01-02', suppression }));
  const out = join(dir, 'out');
  const r = await runCli('uptake', join(FIX, 'registry.csv'), '--eligible', join(FIX, 'eligible.csv'), '--plan', plan, '--previous', previous, '--csv-dir', out);
  return { r, plan, out };
}

describe('hta uptake --previous a publication of a stronger rule', () => {
  it('a lower protection level is refused: exit 2, both levels, what to write; nothing written', async () => {
    const dir = tempDir();
    const previous = earlier(dir, { threshold: 5, protectionLevel: 5 });
    const { r, plan, out } = await run(dir, previous, { threshold: 5, protectionLevel: 3 });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`${previous}: an earlier publication of this registry, made with the protection level 5 (every count it hid at least 5 wide to a reader); this run's protection level is 3`);
    expect(r.stderr).toContain(`Use the protection level 5 or higher ("suppression": { "protectionLevel": 5 } in ${plan}`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  }, 30_000);

  it('zeros shown where the earlier publication hid them is refused: exit 2, what to write; nothing written', async () => {
    const dir = tempDir();
    const previous = earlier(dir, { zerosSensitive: true });
    const { r, plan, out } = await run(dir, previous, { threshold: 5 });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`${previous}: an earlier publication of this registry, made with zeros sensitive ("zerosSensitive": true: a 0 hidden like a small count); this run shows zeros`);
    expect(r.stderr).toContain(`Use "suppression": { "zerosSensitive": true } in ${plan}`);
    expect(existsSync(out)).toBe(false);
  }, 30_000);

  it('both at once are both said; a lower threshold is said once (its remedy raises the level with it)', async () => {
    const dir = tempDir();
    const previous = earlier(dir, { threshold: 5, protectionLevel: 5, zerosSensitive: true });
    const both = await run(dir, previous, { threshold: 5, protectionLevel: 4 });
    expect(both.r.code).toBe(2);
    expect(both.r.stderr).toContain('made with the protection level 5');
    expect(both.r.stderr).toContain('made with zeros sensitive');
    const lower = await run(dir, previous, { threshold: 3, zerosSensitive: true });
    expect(lower.r.code).toBe(2);
    expect(lower.r.stderr).toContain('made with the threshold 5');
    expect(lower.r.stderr).not.toContain('made with the protection level');
  }, 30_000);
});
