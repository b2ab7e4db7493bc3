/**
 * Hand-worked budget impact. Tiers: 1,000 per patient up to 100 a year, 500 above.
 * Eligible: Hovedstaden 600, Midtjylland 400 (2024 only; 2025 is carried forward).
 * Base shares 10%, 20%:
 *   2024: 60 + 40 = 100 patients → all-units price 1,000 → 100,000 (H 60,000, M 40,000)
 *   2025: 120 + 80 = 200 patients → price 500 → 100,000 (H 60,000, M 40,000)
 * Uptake −50%: 50 → 50,000; 100 → 100,000; total 150,000. Uptake +50%: 150 → 75,000;
 * 300 → 150,000; total 225,000. Price ±20%: 160,000 / 240,000.
 */
import { describe, expect, it } from 'vitest';
import { budgetImpact } from '../../src/uptake/budget-impact.js';
import { parseUptakePlan, type UptakePlan } from '../../src/uptake/uptake-plan.js';
import type { EligibleRow } from '../../src/uptake/uptake-per-eligible.js';

const planJson = {
  currency: 'DKK',
  priceModel: { mode: 'all-units', volumeScope: 'national', tiers: [{ upTo: 100, price: 1000 }, { upTo: null, price: 500 }] },
  scenarios: { low: [0.05, 0.1], base: [0.1, 0.2], high: [0.2, 0.3] },
  firstYear: 2024,
};
const eligible: EligibleRow[] = [
  { region: 'Hovedstaden', year: 2024, eligible: 600 },
  { region: 'Midtjylland', year: 2024, eligible: 400 },
];
const activationsByYear = [
  { region: 'Hovedstaden' as const, year: 2024, activations: 3 },
  { region: 'Midtjylland' as const, year: 2024, activations: 2 },
  { region: 'Syddanmark' as const, year: 2024, activations: 1 },
  { region: 'national' as const, year: 2024, activations: 6 },
];

function run(over: Partial<UptakePlan['priceModel']> = {}) {
  const plan = parseUptakePlan({ ...planJson, priceModel: { ...planJson.priceModel, ...over } });
  return budgetImpact({ plan, activationsByYear, eligible, exportDate: '2024-06-30' });
}

describe('budgetImpact', () => {
  const b = run();
  const proj = (scenario: string, region: string, year: number) => b.projection.find((r) => r.scenario === scenario && r.region === region && r.year === year)!;

  it('prices the observed activations so far', () => {
    expect(b.observed.map((r) => [r.region, r.activations, r.cost, r.partialYear])).toEqual([
      // Regions are the denominator file's, then any other region with activations.
      ['Hovedstaden', 3, 3000, true], ['Midtjylland', 2, 2000, true], ['Syddanmark', 1, 1000, true],
      ['national', 6, 6000, true],
    ]);
  });

  it('projects each scenario with the tiers on the national volume', () => {
    expect(b.years).toEqual([2024, 2025]);
    expect(proj('base', 'national', 2024)).toMatchObject({ patients: 100, cost: 100_000, eligible: 1000, eligibleYear: 2024, yearIndex: 1 });
    expect(proj('base', 'national', 2025)).toMatchObject({ patients: 200, cost: 100_000, eligibleYear: 2024 });
    expect(proj('base', 'Hovedstaden', 2025)).toMatchObject({ patients: 120, cost: 60_000 });
    expect(proj('low', 'national', 2024).cost).toBe(50_000); // 50 patients at 1,000
    expect(proj('high', 'national', 2025).cost).toBe(150_000); // 300 at 500
    expect(b.projection.some((r) => r.region === 'Syddanmark')).toBe(false); // no denominator
  });

  it('one-way sensitivity on the base scenario', () => {
    const nat = b.sensitivity.filter((r) => r.region === 'national').map((r) => [r.parameter, r.change, r.totalCost, r.difference]);
    expect(nat[0]).toEqual(['base', 0, 200_000, 0]);
    expect(nat[1]!.slice(0, 2)).toEqual(['uptake', -0.5]);
    expect(nat[1]![2]).toBeCloseTo(150_000, 6);
    expect(nat[1]![3]).toBeCloseTo(-50_000, 6);
    expect(nat[2]!.slice(0, 2)).toEqual(['uptake', 0.5]);
    expect(nat[2]![2]).toBeCloseTo(225_000, 6);
    expect(nat[2]![3]).toBeCloseTo(25_000, 6);
    expect(nat[3]![2]).toBeCloseTo(160_000, 6);
    expect(nat[4]![2]).toBeCloseTo(240_000, 6);
  });

  it('region volume scope and marginal mode', () => {
    const r = run({ volumeScope: 'region' });
    const at = (region: string, year: number) => r.projection.find((x) => x.scenario === 'base' && x.region === region && x.year === year)!.cost;
    expect([at('Hovedstaden', 2025), at('Midtjylland', 2025), at('national', 2025)]).toEqual([60_000, 80_000, 140_000]);
    const m = run({ mode: 'marginal' });
    expect(m.projection.find((x) => x.scenario === 'base' && x.region === 'national' && x.year === 2025)!.cost).toBe(150_000);
  });
});

describe('uptake plan', () => {
  it('the committed plan validates', async () => {
    const { loadUptakePlanFile } = await import('../../src/uptake/uptake-plan.js');
    const plan = loadUptakePlanFile(new URL('../../data/plans/uptake.plan.json', import.meta.url).pathname);
    expect(plan.suppression.threshold).toBe(5);
    expect(plan.scenarios.base).toHaveLength(3);
  });
  it('names what is wrong', () => {
    try {
      parseUptakePlan({ ...planJson, priceModel: { mode: 'all-units', tiers: [{ upTo: 100, price: 1 }] }, scenarios: { low: [2], base: [0.1, 0.2], high: [0.1, 0.2] } });
      throw new Error('expected failure');
    } catch (err) {
      const fields = (err as { problems: { field?: string }[] }).problems.map((p) => p.field);
      expect(fields).toEqual(expect.arrayContaining(['scenarios.low.0']));
    }
  });
});
