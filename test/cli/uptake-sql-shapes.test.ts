/**
 * Registry exports in the shapes a tester's files showed `hta uptake` mishandling
 * (test/fixtures/exports/registry-dk-sql-shapes/, written by make-s11-fixtures.py with the counts
 * of its rows in expected.json; docs/input-registry.md): a practice name holding the separator
 * (quoted), DAGI region codes, NULL cells, two exports joined, and an eligible file with years as
 * columns. Every variant holds the same 40 referrals as registry.csv.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const F = 'test/fixtures/exports/registry-dk-sql-shapes';
const expected = JSON.parse(readFileSync(`${F}/expected.json`, 'utf8')) as Record<string, { referrals: number; activations: number }>;

interface Json {
  metrics: { region: string; period: string; dimension: string; level: string; referrals: number; activations: number }[];
  funnel?: { rows: { clinic: string; region: string; referrals: number; activations: number }[] };
  excluded?: { rows: number | string };
}

/** The fixture's plan with threshold 1 (every count visible) and `over`. */
function plan(over: Record<string, unknown> = {}): string {
  const p = { ...JSON.parse(readFileSync(`${F}/uptake.plan.json`, 'utf8')), suppression: { threshold: 1, acknowledgeLowThreshold: true }, ...over };
  const out = join(tempDir(), 'plan.json');
  writeFileSync(out, JSON.stringify(p));
  return out;
}

const uptake = (registry: string, ...more: string[]) => runCli('uptake', `${F}/${registry}`, '--eligible', `${F}/eligible.csv`, '--plan', plan(), '--json', ...more);

/** Each region's and the country's whole-export referrals and activations. */
function totals(stdout: string): Record<string, { referrals: number; activations: number }> {
  const out: Record<string, { referrals: number; activations: number }> = {};
  for (const m of (JSON.parse(stdout) as Json).metrics) {
    if (m.period === 'all' && m.dimension === 'all') out[m.region] = { referrals: m.referrals, activations: m.activations };
  }
  return out;
}

const { quotedClinic, ...byRegion } = expected;

describe('a clinic name holding the separator, quoted (valid CSV)', () => {
  it('is read as one clinic, by default and with --exclude-invalid alike', async () => {
    for (const more of [[], ['--exclude-invalid']]) {
      const r = await runCli('uptake', `${F}/quoted-clinic.csv`, '--eligible', `${F}/eligible.csv`, '--plan', plan({ publish: { months: false, clinics: true, equity: [] } }), '--json', ...more);
      expect(r.code, r.stderr).toBe(0);
      expect(totals(r.stdout)).toEqual(byRegion);
      const funnel = (JSON.parse(r.stdout) as Json).funnel!.rows.find((c) => c.clinic === 'Lægehuset Nord; Amager');
      expect(funnel).toMatchObject({ region: 'Region Hovedstaden', ...quotedClinic });
      expect(r.stderr).not.toContain('excluded');
    }
  });
});

describe('Danish region codes (DAGI: 1081 Nordjylland … 1085 Sjælland)', () => {
  it.each(['eligible.csv', 'eligible-codes.csv'])('are read as the regions in the registry, with %s', async (eligible) => {
    for (const registry of ['region-codes.csv', 'registry.csv']) {
      const r = await runCli('uptake', `${F}/${registry}`, '--eligible', `${F}/${eligible}`, '--plan', plan(), '--json');
      expect(r.code, `${registry}: ${r.stderr}`).toBe(0);
      // The regions keep their names (the eligible file's codes read as Region Hovedstaden, …).
      expect(totals(r.stdout)).toEqual(byRegion);
    }
  });

  it('plan init --uptake names each code\'s region and finds it in the eligible file', async () => {
    const r = await runCli('plan', 'init', '--uptake', `${F}/region-codes.csv`, '--eligible', `${F}/eligible.csv`);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('1084 (Region Hovedstaden), 1085 (Region Sjælland), 1081 (Region Nordjylland)');
    expect(r.stderr).not.toContain('has no region for');
  });
});
