/**
 * `hta report` runs the check `hta uptake` runs before it writes a publication whose plan sets the
 * protection level below the threshold (docs/disclosure-control.md "Secondary suppression";
 * src/uptake/disclosure/sensitive-range.ts): until 6 December 2026 a manifest's uptake entry with
 * such a plan was published without it. The check itself is tested through `hta uptake`
 * (disclosure-sensitive-range.test.ts, on a hand-hidden table: no real registry and plan the
 * check refuses has been found since the audit's fix of 6 December 2026 — review of session 27,
 * finding 2); here its verdict is stood in for, to see that the report path asks for it, with the
 * plan as the report reads it, names the entry, its plan file and the audit to run (finding 3),
 * and writes nothing when refused.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HtaError } from '../../src/errors.js';
import type { UptakeAnalysis } from '../../src/uptake/uptake-analysis.js';
import type { RefusalPlace } from '../../src/uptake/disclosure/sensitive-range.js';
import { runCli, tempDir } from '../support/run-cli.js';

const seen = vi.hoisted(() => ({ refuse: false, asked: [] as { threshold: number; protectionLevel: number; zerosSensitive: boolean }[], places: [] as unknown[] }));
vi.mock('../../src/uptake/disclosure/sensitive-range.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/uptake/disclosure/sensitive-range.js')>();
  return {
    ...real,
    sensitiveRangeRefusal: (analysis: UptakeAnalysis, ...rest: [never, never, RefusalPlace | undefined]) => {
      const { threshold, protectionLevel, zerosSensitive } = analysis.suppression;
      seen.asked.push({ threshold, protectionLevel, zerosSensitive });
      seen.places.push(rest[2]);
      return seen.refuse ? new HtaError('analysis.failed', `${rest[2]?.entry}: nothing written: (the check's refusal, stood in for by the test)`) : real.sensitiveRangeRefusal(analysis, ...rest);
    },
  };
});

const FIX = 'test/uptake/fixtures/small-three-regions';

/** A manifest with one uptake entry whose plan is the fixture's totals plan with `suppression`. */
function manifest(suppression: object): { dir: string; manifestFile: string } {
  const dir = tempDir();
  for (const f of ['registry.csv', 'eligible.csv']) copyFileSync(join(FIX, f), join(dir, f));
  const plan = JSON.parse(readFileSync(join(FIX, 'totals.plan.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(dir, 'plan.json'), JSON.stringify({ ...plan, suppression }));
  const manifestFile = join(dir, 'manifest.json');
  writeFileSync(manifestFile, JSON.stringify({ reports: [{ id: 'totals', kind: 'uptake', out: 'totals', registry: 'registry.csv', eligible: 'eligible.csv', plan: 'plan.json', firstPublication: true }] }));
  return { dir, manifestFile };
}

describe('hta report with an uptake plan whose protection level is below the threshold', () => {
  beforeEach(() => {
    seen.refuse = false;
    seen.asked.length = 0;
    seen.places.length = 0;
  });

  it('asks the check, and writes nothing when it refuses (exit 1, its message)', async () => {
    seen.refuse = true;
    const { dir, manifestFile } = manifest({ threshold: 5, protectionLevel: 2, zerosSensitive: true });
    const r = await runCli('report', '--manifest', manifestFile, '--out', join(dir, 'reports'), '--no-cache');
    expect(seen.asked).toEqual([{ threshold: 5, protectionLevel: 2, zerosSensitive: true }]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`report "totals": nothing written: (the check's refusal, stood in for by the test)`);
    // The entry, the plan file as the manifest names it, and the audit a manifest's user can run.
    const planFile = join(dir, 'plan.json');
    expect(seen.places).toEqual([{ entry: 'report "totals"', planFile, lang: 'en', auditCommand: `hta uptake ${join(dir, 'registry.csv')} --eligible ${join(dir, 'eligible.csv')} --plan ${planFile} --audit` }]);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(join(dir, 'reports', 'totals'))).toBe(false);
  }, 60_000);

  it('publishes when the check finds nothing (the real check, this registry)', async () => {
    const { dir, manifestFile } = manifest({ threshold: 5, protectionLevel: 2, zerosSensitive: true });
    const r = await runCli('report', '--manifest', manifestFile, '--out', join(dir, 'reports'), '--no-cache');
    expect(seen.asked).toHaveLength(1);
    expect(r.code).toBe(0);
    const results = JSON.parse(readFileSync(join(dir, 'reports', 'totals', 'results.json'), 'utf8')) as { suppression: { protectionLevel: number } };
    expect(results.suppression.protectionLevel).toBe(2);
  }, 60_000);

  it('does not ask it at the default protection level (the threshold): no audit, no cost', async () => {
    const { dir, manifestFile } = manifest({ threshold: 5 });
    const r = await runCli('report', '--manifest', manifestFile, '--out', join(dir, 'reports'), '--no-cache');
    expect(r.code).toBe(0);
    expect(seen.asked).toEqual([]);
  }, 60_000);
});
