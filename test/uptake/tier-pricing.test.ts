/**
 * Hand-worked tiers: 1,200 DKK per patient up to 1,000 patients a year; 1,000 DKK up to
 * 5,000; 800 DKK above.
 */
import { describe, expect, it } from 'vitest';
import { scaleTierPrices, tierCost, tierPriceAt, type PriceTier } from '../../src/uptake/tier-pricing.js';

const tiers: PriceTier[] = [
  { upTo: 1000, price: 1200 },
  { upTo: 5000, price: 1000 },
  { upTo: null, price: 800 },
];

describe('tierCost, all-units', () => {
  it.each([
    [0, 0],
    [800, 800 * 1200], // 960,000
    [1000, 1000 * 1200], // the band's own bound stays in the band: 1,200,000
    [1001, 1001 * 1000], // 1,001,000 — cheaper than 1,000 patients
    [6000, 6000 * 800], // 4,800,000
    [2500.5, 2500.5 * 1000],
  ])('V = %d → %d', (v, cost) => expect(tierCost(v, tiers, 'all-units')).toBe(cost));
});

describe('tierCost, marginal', () => {
  it.each([
    [0, 0],
    [800, 960_000],
    [1000, 1_200_000],
    [1001, 1_200_000 + 1000], // 1,201,000
    [6000, 1_200_000 + 4000 * 1000 + 1000 * 800], // 6,000,000
    [5000, 1_200_000 + 4_000_000],
  ])('V = %d → %d', (v, cost) => expect(tierCost(v, tiers, 'marginal')).toBe(cost));
});

describe('tier tables', () => {
  it('price at a volume', () => {
    expect([tierPriceAt(1, tiers), tierPriceAt(1000, tiers), tierPriceAt(1000.5, tiers), tierPriceAt(1e9, tiers)]).toEqual([1200, 1200, 1000, 800]);
  });
  it('one open band is a flat price in both modes', () => {
    const flat = [{ upTo: null, price: 950 }];
    expect(tierCost(37, flat, 'all-units')).toBe(tierCost(37, flat, 'marginal'));
  });
  it('marginal is continuous and never below all-units for falling prices', () => {
    for (let v = 0; v <= 7000; v += 37) expect(tierCost(v, tiers, 'marginal')).toBeGreaterThanOrEqual(tierCost(v, tiers, 'all-units'));
  });
  it('rejects malformed tables', () => {
    expect(() => tierCost(1, [{ upTo: 10, price: 1 }], 'marginal')).toThrow(/open/);
    expect(() => tierCost(1, [{ upTo: 10, price: 1 }, { upTo: 5, price: 1 }, { upTo: null, price: 1 }], 'marginal')).toThrow(/exceed/);
  });
  it('scales prices', () => {
    expect(tierCost(6000, scaleTierPrices(tiers, 1.2), 'marginal')).toBeCloseTo(7_200_000, 6);
  });
});
