/**
 * The whole country's observed cost under a regional volume scope (docs/disclosure-control.md
 * "Observed costs and average prices"). 603 referrals in 2025: Hovedstaden 400 (235 activated),
 * Midtjylland 3 (3 activated), Syddanmark 200 (150 activated); the three regions are suppressed,
 * the country's 388 printed. Each region is priced on its own volume (1,500 up to 100, then
 * 1,200), so the country's cost is C(235) + C(3) + C(150), not a function of 388: until
 * 4 December 2026 it was printed and (C − 1,200 · 388 − 300 · 100 · 2) / 300 gave Midtjylland's
 * 3 back (the reader assumes the other two past the first band); under all-units tiers
 * (C − 1,200 · 388) / 300 did. Now a cost is printed only where every count it is computed from
 * is, and the audit fails on one that is not.
 * (Syddanmark, a third region, since the insider rule: with Hovedstaden and Midtjylland alone,
 * Hovedstaden subtracts its own 235 from the country's 238, so the country's count is hidden too
 * and its cost with it, and the cost path tested here is never reached.)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditPublishedUptake, type PublishedUptake } from '../../src/uptake/disclosure/attacker-audit.js';
import { costsOnSuppressed } from '../../src/uptake/disclosure/cost-audit.js';
import { tierCost, type TierMode } from '../../src/uptake/tier-pricing.js';
import type { UptakeAnalysis } from '../../src/uptake/uptake-analysis.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const TIERS = [{ upTo: 100, price: 1500 }, { upTo: null, price: 1200 }];
const RULE = { threshold: 5, protectionLevel: 5, zerosSensitive: false };

function registry(): string {
  const rows = ['PatientID;Region;Klinik;Henvist;Aktiveret;SidstAktiv;Alder;Køn;Henviser'];
  const day = (d: number) => new Date(Date.UTC(2025, 0, 2) + d * 86_400_000).toISOString().slice(0, 10);
  const person = (i: number, region: string, activated: boolean) => {
    const d = (i * 7) % 240;
    rows.push([`Z${i}`, region, 'A Klinik', day(d), activated ? day(d + 3) : '', activated ? day(d + 13) : '', String(20 + (i % 60)), i % 2 ? 'K' : 'M', 'Egen læge'].join(';'));
  };
  for (let i = 0; i < 400; i++) person(i, 'Hovedstaden', i % 400 < 235);
  for (let i = 400; i < 403; i++) person(i, 'Midtjylland', true);
  for (let i = 403; i < 603; i++) person(i, 'Syddanmark', i < 553);
  return rows.join('\n') + '\n';
}

function plan(mode: TierMode): object {
  return {
    currency: 'DKK', priceModel: { mode, volumeScope: 'region', tiers: TIERS },
    scenarios: { low: [0.02], base: [0.05], high: [0.08] }, firstYear: 2026, suppression: { threshold: 5 }, exportDate: '2025-09-30',
    columns: { registry: { id: 'PatientID', region: 'Region', clinic: 'Klinik', referred: 'Henvist', activated: 'Aktiveret', last_active: 'SidstAktiv', age: 'Alder', sex: 'Køn', referrer: 'Henviser' } },
    publish: { months: false, clinics: false, equity: [] },
  };
}

async function publish(mode: TierMode): Promise<{ json: UptakeAnalysis; text: string }> {
  const dir = tempDir();
  const reg = join(dir, 'r.csv'), elig = join(dir, 'el.csv'), planFile = join(dir, 'plan.json');
  writeFileSync(reg, registry());
  writeFileSync(elig, 'Region;2025;2026\nHovedstaden;40.000;40.000\nMidtjylland;30.000;30.000\nSyddanmark;30.000;30.000\n');
  writeFileSync(planFile, JSON.stringify(plan(mode)));
  const json = await runCli('uptake', reg, '--eligible', elig, '--plan', planFile, '--json');
  expect(json.code, json.stderr).toBe(0);
  const text = await runCli('uptake', reg, '--eligible', elig, '--plan', planFile);
  return { json: JSON.parse(json.stdout) as UptakeAnalysis, text: text.stdout };
}

/** The reader's arithmetic: Midtjylland's count from the country's cost, assuming Hovedstaden and Syddanmark past the first band. */
function attack(mode: TierMode, cost: unknown, n: number): number | undefined {
  if (typeof cost !== 'number') return undefined;
  return (cost - 1200 * n - (mode === 'marginal' ? 300 * 100 * 2 : 0)) / 300;
}

describe('a regional volume scope: the whole country\'s cost does not give back a suppressed region', () => {
  for (const mode of ['marginal', 'all-units'] as const) {
    it(`${mode} tiers: the country's cost and average price are suppressed where a region's count is, and the audit fails on the old print`, async () => {
      const { json: a, text } = await publish(mode);
      const rows = a.budget.observed.filter((o) => o.year === 2025);
      const national = rows.find((o) => o.region === 'national')!;
      expect(national.activations).toBe(388);
      expect(rows.filter((o) => o.region !== 'national').map((o) => o.activations)).toEqual(['suppressed', 'suppressed', 'suppressed']);
      expect(attack(mode, national.cost, 388)).toBeUndefined();
      expect(national.cost).toBe('suppressed');
      expect(national.averagePrice).toBe('suppressed');
      expect(text).toContain("the cost of the whole country is the sum of the regions' own tiered costs");
      const audit = auditPublishedUptake(a as unknown as PublishedUptake, RULE);
      expect(audit.costsOnSuppressed).toEqual([]);
      // What was printed until 4 December 2026: the attack gives 3 back, and the audit says so.
      const cost = tierCost(235, TIERS, mode) + tierCost(3, TIERS, mode) + tierCost(150, TIERS, mode);
      expect(attack(mode, cost, 388)).toBe(3);
      const old = { ...a, budget: { ...a.budget, observed: a.budget.observed.map((o) => (o === national ? { ...o, cost, averagePrice: cost / 388 } : o)) } };
      expect(auditPublishedUptake(old as unknown as PublishedUptake, RULE).costsOnSuppressed).toEqual([
        { cell: 'cost · national · activated in 2025', suppressed: ['activations · Hovedstaden · activated in 2025', 'activations · Midtjylland · activated in 2025', 'activations · Syddanmark · activated in 2025'] },
        { cell: 'averagePrice · national · activated in 2025', suppressed: ['activations · Hovedstaden · activated in 2025', 'activations · Midtjylland · activated in 2025', 'activations · Syddanmark · activated in 2025'] },
      ]);
      // hta uptake --audit --published fails on it.
      const file = join(tempDir(), 'old.json');
      writeFileSync(file, JSON.stringify(old));
      const run = await runCli('uptake', '--audit', '--published', file);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('Costs and average prices printed though computed from a suppressed count: 2\n  cost · national · activated in 2025: computed from activations · Hovedstaden');
    }, 60_000);
  }
});

describe('the audit of observed costs reads what each rests on from the volume scope', () => {
  const observed = [
    { region: 'A', year: 2025, activations: 40, cost: 1, averagePrice: 1 },
    { region: 'B', year: 2025, activations: 'suppressed', cost: 'suppressed', averagePrice: 'suppressed' },
    { region: 'national', year: 2025, activations: 'suppressed', cost: 2, averagePrice: 2 },
  ];
  const printed = (scope: string) => scope === 'A';
  it('national: a region\'s cost rests on the country\'s count too; regional: only on its own', () => {
    expect(costsOnSuppressed({ volumeScope: 'national', observed }, [], printed).map((c) => c.cell)).toEqual([
      'cost · A · activated in 2025', 'averagePrice · A · activated in 2025', 'cost · national · activated in 2025', 'averagePrice · national · activated in 2025',
    ]);
    expect(costsOnSuppressed({ volumeScope: 'region', observed }, [], printed).map((c) => c.cell)).toEqual(['cost · national · activated in 2025', 'averagePrice · national · activated in 2025']);
  });
  it('regional: the country\'s cost rests on every region\'s count, even with its own printed; null ("none") is a print', () => {
    const withNational = observed.map((o) => (o.region === 'B' ? { ...o, averagePrice: null } : o));
    const p = (scope: string) => scope !== 'B';
    expect(costsOnSuppressed({ volumeScope: 'region', observed: withNational }, [], p)).toEqual([
      { cell: 'averagePrice · B · activated in 2025', suppressed: ['activations · B · activated in 2025'] },
      { cell: 'cost · national · activated in 2025', suppressed: ['activations · B · activated in 2025'] },
      { cell: 'averagePrice · national · activated in 2025', suppressed: ['activations · B · activated in 2025'] },
    ]);
    // Without a volume scope (an older file): both readings.
    expect(costsOnSuppressed({ observed }, [], printed).length).toBe(4);
  });
});
