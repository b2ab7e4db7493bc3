/**
 * Money in the uptake tables: thousands of kroner, parts rounded so that printed totals add up
 * (largest remainder, src/report/rounding.ts), and the equity groups in words.
 */
import { describe, expect, it } from 'vitest';
import { roundToTotal } from '../../src/report/rounding.js';
import { uptakeTables } from '../../src/report/uptake-tables.js';
import { bundledAnalysis } from './charts/uptake-chart-support.js';

const num = (s: string) => Number(s.replace(/[,.]/g, '').replace('−', '-'));

describe('roundToTotal (largest remainder)', () => {
  it('parts add up to the rounded total, each within one unit of its exact value', () => {
    // The base case of the bundled plan, in kroner: naive rounding of each year to 1,000 gives
    // 7,002 + 11,472 + 12,533 + 15,001 + 17,381 = 63,389 against a total of 63,388.
    const parts = [7_001_820, 11_471_616, 12_532_685.4, 15_001_051.2, 17_380_867.4];
    const naive = parts.map((p) => Math.round(p / 1000));
    expect(naive.reduce((a, b) => a + b)).toBe(63_389);
    const r = roundToTotal(parts, 1000);
    expect(r.total).toBe(63_388);
    expect(r.parts.reduce((a, b) => a + b)).toBe(r.total);
    r.parts.forEach((p, i) => expect(Math.abs(p - parts[i]! / 1000)).toBeLessThan(1));
  });

  it('exact parts stay as they are; ties go to the earlier part', () => {
    expect(roundToTotal([2000, 3000], 1000)).toEqual({ parts: [2, 3], total: 5 });
    expect(roundToTotal([500, 500, 1000], 1000)).toEqual({ parts: [1, 0, 1], total: 2 });
  });
});

describe('uptake tables: money', () => {
  it('the price model line says the tiers\' price year when the plan states one (docs/plan-uptake.md priceYear), and not otherwise', async () => {
    const a = await bundledAnalysis();
    expect(a.budget.priceYear).toBe(2021);
    expect(uptakeTables(a, 'en').observed.intro[0]).toMatch(/^Price model: .*; 2021 prices\.$/);
    expect(uptakeTables(a, 'da').observed.intro[0]).toMatch(/^Prismodel: .*; 2021-priser\.$/);
    const { priceYear: _y, ...budget } = a.budget;
    expect(uptakeTables({ ...a, budget }, 'en').observed.intro[0]).not.toMatch(/prices/);
  });

  it('projected years add up to the printed total per scenario; regions add up to the whole country; no krone-level figures', async () => {
    const a = await bundledAnalysis();
    const t = uptakeTables(a, 'en');
    const proj = t.projection.table!;
    expect(proj.header.at(-1)).toBe('Cost (1,000 DKK)');
    for (const [sc, key] of [['Low uptake', 'low'], ['Base case', 'base'], ['High uptake', 'high']] as const) {
      const years = proj.rows.filter((r) => r[1] === sc && /^\d{4}$/.test(r[0]!));
      const total = proj.rows.find((r) => r[1] === sc && r[0]!.startsWith('Total'))!;
      expect(years).toHaveLength(3);
      expect(years.reduce((s, r) => s + num(r.at(-1)!), 0)).toBe(num(total.at(-1)!));
      const exact = a.budget.projection.filter((p) => p.region === 'national' && p.scenario === key).reduce((s, p) => s + p.cost, 0);
      expect(Math.abs(num(total.at(-1)!) - exact / 1000)).toBeLessThanOrEqual(0.5);
    }
    const regions = t.regionTotals.table!;
    const whole = regions.rows.find((r) => r[0] === 'Whole country')!;
    for (const col of [1, 2, 3]) expect(regions.rows.filter((r) => r !== whole).reduce((s, r) => s + num(r[col]!), 0)).toBe(num(whole[col]!));
    const observed = t.observed.table!;
    for (const year of ['2024', '2025 (so far)']) {
      const rows = observed.rows.filter((r) => r[1] === year);
      const national = rows.find((r) => r[0] === 'Whole country')!;
      expect(rows.filter((r) => r !== national).reduce((s, r) => s + num(r[3]!), 0)).toBe(num(national[3]!));
    }
    // Sensitivity: each difference is the difference of the printed totals.
    const sens = t.sensitivity.table!;
    const base = num(sens.rows[0]![2]!);
    for (const r of sens.rows.slice(1)) expect(num(r[3]!.replace('+', ''))).toBe(num(r[2]!) - base);
  });

  it('equity groups in words, in the reader\'s language', async () => {
    const a = await bundledAnalysis();
    const groups = (lang: 'en' | 'da') => uptakeTables(a, lang).equity.table!.rows.map((r) => r[1]);
    expect(groups('en')).toEqual(expect.arrayContaining(['General practice', 'Women', 'Men', 'Chiropractor', '18–29']));
    expect(groups('da')).toEqual(expect.arrayContaining(['Almen praksis', 'Kvinder', 'Mænd']));
    for (const code of ['gp', 'female', 'male', 'physio', 'chiro']) expect(groups('en')).not.toContain(code);
  });
});
