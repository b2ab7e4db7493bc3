// What `hta cea` and the report say on stderr about how the inputs were read: a conversion rate
// the plan gives but cannot use, the price year assumed for an uptake plan's tiers, and resource
// use on the baseline row, which no period counts (docs/plan-cea.md).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyseCeaFiles } from '../../src/cea/analyze-cea-files.js';
import { noteIn } from '../../src/cea/load-cea-plan.js';
import { ceaFixture } from '../support/cea-fixture.js';
import { removeTempDirs } from '../support/run-cli.js';

afterAll(removeTempDirs);

function withUptake(rate?: number, priceYear?: number) {
  const f = ceaFixture({ planExtra: { interventionCost: { uptakePlan: 'uptake.plan.json', nationalVolume: 5000, ...(rate !== undefined ? { rate } : {}) } } });
  writeFileSync(join(f.dir, 'uptake.plan.json'), JSON.stringify({
    currency: 'EUR',
    ...(priceYear !== undefined ? { priceYear } : {}),
    priceModel: { mode: 'all-units', volumeScope: 'national', tiers: [{ upTo: null, price: 100 }] },
    scenarios: { low: [0.02], base: [0.05], high: [0.08] },
    firstYear: 2025,
  }));
  return f;
}

const analyse = (f: { exportFile: string; plan: string }) => analyseCeaFiles({ dataFile: f.exportFile, planFile: f.plan, version: 't', dataName: 'export.csv', planName: 'cea.json', replicates: 100 });
/** The notes as an English run prints them (a plan's note may come in both languages: load-cea-plan.ts noteIn). */
const run = (f: { exportFile: string; plan: string }) => {
  const r = analyse(f);
  return { ...r, notes: r.notes.map((n) => noteIn(n, 'en')) };
};

describe('notes on how the inputs were read', () => {
  it('a rate between two equal currencies is said to be unused; the uptake plan\'s tiers are taken at the plan\'s price year', () => {
    const { notes, result } = run(withUptake(7.44));
    expect(result.interventionPrice.price).toBe(100);
    expect(notes.join('\n')).toContain('interventionCost.rate (7.44) is not used: the uptake plan\'s prices are in EUR, the plan\'s currency');
    expect(notes.join('\n')).toContain('the intervention\'s price from uptake.plan.json is taken as 2021 prices, the plan\'s priceYear');
    expect(run(withUptake()).notes.join('\n')).not.toContain('interventionCost.rate');
  });

  it('an uptake plan that states the analysis\'s price year: no note, and results.json keeps its year (docs/plan-cea.md interventionCost)', () => {
    const { notes, result } = run(withUptake(undefined, 2021));
    expect(notes.join('\n')).not.toContain('taken as 2021 prices');
    expect(result.interventionPrice.price).toBe(100);
    expect(result.interventionPrice.tier?.priceYear).toBe(2021);
    expect(run(withUptake()).result.interventionPrice.tier).not.toHaveProperty('priceYear');
  });

  it('an uptake plan in another year\'s prices is refused (hta does not index), naming both years and the way out', () => {
    const err = (() => { try { analyse(withUptake(undefined, 2024)); } catch (e) { return e as Error & { code?: string; problems?: { expected: string; field?: string; value?: string; line?: number; column?: number }[] }; } })();
    // At the plan's priceYear, with its line and column (docs/cli.md: file, line, column, value, expected).
    expect(err?.problems?.[0]).toMatchObject({ field: 'priceYear', value: '2021' });
    expect(err?.problems?.[0]?.line).toBeGreaterThan(0);
    expect(err?.problems?.[0]?.column).toBeGreaterThan(0);
    expect(err?.message).toContain('whose tiers are 2024 prices (its priceYear), but this plan\'s priceYear is 2021: hta does not index prices');
    expect(err?.code).toBe('plan.invalid');
    expect(JSON.stringify(err?.problems)).toContain('indexed 2024→2021');
  });

  it('under --lang da the same two notes in Danish (docs/cli.md "Danish output")', () => {
    const da = analyse(withUptake(7.44)).notes.map((n) => noteIn(n, 'da')).join('\n');
    expect(da).toContain('interventionCost.rate (7.44) bruges ikke: optagsplanens priser er i EUR, planens valuta');
    expect(da).toContain('interventionens pris fra uptake.plan.json er taget som 2021-priser');
    expect(da).not.toMatch(/is taken as|is not used/);
  });

  it('resource use on the baseline row is noted once as not counted, and the costs are unchanged', () => {
    const f = ceaFixture();
    const before = run(f);
    expect(before.notes.join('\n')).not.toContain('baseline resource use');
    // Two patients' baseline rows given GP visits (the last column).
    let n = 0;
    writeFileSync(f.exportFile, readFileSync(f.exportFile, 'utf8').split('\n').map((l) => (/^P\d+,\w+,baseline,/.test(l) && n++ < 2 ? `${l}3` : l)).join('\n'));
    const after = run(f);
    const said = after.notes.filter((x) => x.includes('baseline resource use (the months before randomisation) is not counted'));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('2 baseline rows hold units in "ru_gp"');
    expect(after.result.totalCost).toEqual(before.result.totalCost);
  });
});
