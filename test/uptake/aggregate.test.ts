/**
 * Metrics on a hand-computed registry (test/uptake/fixtures/registry-small.csv).
 * Export date E = latest date in the file = 2024-06-30 (P08 last_active);
 * E − 28 = 2024-06-02, E − 84 = 2024-04-07.
 *
 * id  region       referred    activated   last_active  delay  kept  r28 r84  atRisk4w atRisk12w
 * P01 Hovedstaden  2024-01-05  2024-01-08  2024-03-10     3     62    1   0     yes      yes
 * P02 Hovedstaden  2024-01-10  2024-01-20  2024-01-25    10      5    0   0     yes      yes
 * P03 Hovedstaden  2024-01-15  —           —               —      —    —   —      —        —
 * P04 Hovedstaden  2024-02-01  2024-02-01  2024-06-01     0    121    1   1     yes      yes
 * P05 Midtjylland  2024-01-03  2024-01-13  2024-01-13    10      0    0   0     yes      yes
 * P06 Midtjylland  2024-02-10  —           —               —      —    —   —      —        —
 * P07 Midtjylland  2024-02-20  2024-03-01  (empty→=act)  10      0    0   0     yes      yes
 * P08 Syddanmark   2024-05-15  2024-05-20  2024-06-30     5     41    1   0     yes      no
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readRegistry, readEligible } from '../../src/uptake/read-registry.js';
import fc from 'fast-check';
import { createUptakeAggregator, histogramMedian, type MetricRow, type UptakeAggregate } from '../../src/uptake/aggregate.js';
import type { Referral } from '../../src/uptake/referral.js';
import { bandCode } from '../../src/uptake/age-bands.js';
import { HtaError } from '../../src/errors.js';
import { uptakePerEligible } from '../../src/uptake/uptake-per-eligible.js';
import { expectClose } from '../support/tolerance.js';

const fx = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

function row(agg: UptakeAggregate, region: string, period: string, dimension = 'all', level = 'all'): MetricRow {
  const r = agg.metrics.find((m) => m.region === region && m.period === period && m.dimension === dimension && m.level === level);
  if (!r) throw new Error(`no row ${region} ${period} ${dimension} ${level}`);
  return r;
}

describe('uptake metrics on the hand-computed registry', async () => {
  const agg = await readRegistry(fx('registry-small.csv'));

  it('takes the export date as the latest date in the file', () => {
    expect(agg.exportDate).toBe('2024-06-30');
    expect(agg.rows).toBe(8);
  });

  it('national totals', () => {
    const n = row(agg, 'national', 'all');
    expect([n.referrals, n.activations]).toEqual([8, 6]);
    expect(n.activationRate).toBe(0.75);
    // R: prop.test(6, 8, correct = FALSE)$conf.int
    expectClose(n.activationCiLower!, 0.4092754, 1e-6);
    expectClose(n.activationCiUpper!, 0.9285208, 1e-6);
    expect(n.medianDaysToActivation).toBe(7.5); // 0 3 5 10 10 10
    expect([n.atRisk4w, n.retained4w, n.retention4w]).toEqual([6, 3, 0.5]);
    expect([n.atRisk12w, n.retained12w, n.retention12w]).toEqual([5, 1, 0.2]);
  });

  it('per region and month', () => {
    const h = row(agg, 'Hovedstaden', 'all');
    expect([h.referrals, h.activations, h.medianDaysToActivation, h.atRisk4w, h.retained4w, h.atRisk12w, h.retained12w]).toEqual([4, 3, 3, 3, 2, 3, 1]);
    const hJan = row(agg, 'Hovedstaden', '2024-01');
    expect([hJan.referrals, hJan.activations, hJan.medianDaysToActivation]).toEqual([3, 2, 6.5]);
    const hFeb = row(agg, 'Hovedstaden', '2024-02');
    expect([hFeb.referrals, hFeb.activations, hFeb.medianDaysToActivation, hFeb.retention4w]).toEqual([1, 1, 0, 1]);
    const m = row(agg, 'Midtjylland', '2024');
    expect([m.referrals, m.activations, m.medianDaysToActivation, m.atRisk4w, m.retained4w]).toEqual([3, 2, 10, 2, 0]);
    const s = row(agg, 'Syddanmark', '2024-05');
    expect([s.atRisk4w, s.retained4w, s.atRisk12w, s.retention12w, s.retention12wCiLower]).toEqual([1, 1, 0, null, null]);
    const nJan = row(agg, 'national', '2024-01');
    expect([nJan.referrals, nJan.activations, nJan.medianDaysToActivation]).toEqual([4, 3, 10]);
    const nFeb = row(agg, 'national', '2024-02');
    expect([nFeb.referrals, nFeb.activations, nFeb.medianDaysToActivation]).toEqual([3, 2, 5]);
    expect(agg.metrics.some((r) => r.region === 'Sjælland')).toBe(false);
  });

  it('equity by age band, sex and referrer', () => {
    const counts = (dim: string, level: string) => {
      const r = row(agg, 'national', 'all', dim, level);
      return [r.referrals, r.activations];
    };
    expect(counts('ageBand', '18-29')).toEqual([2, 2]);
    expect(counts('ageBand', '30-44')).toEqual([2, 1]);
    expect(counts('ageBand', '45-59')).toEqual([2, 1]);
    expect(counts('ageBand', '60-74')).toEqual([1, 1]);
    expect(counts('ageBand', '75+')).toEqual([1, 1]);
    expect(counts('sex', 'female')).toEqual([5, 3]);
    expect(counts('sex', 'male')).toEqual([3, 3]);
    expect(counts('referrer', 'gp')).toEqual([5, 4]);
    expect(counts('referrer', 'physio')).toEqual([2, 1]);
    expect(counts('referrer', 'chiro')).toEqual([1, 1]);
    const hGp = row(agg, 'Hovedstaden', '2024', 'referrer', 'gp');
    expect([hGp.referrals, hGp.activations]).toEqual([2, 2]);
  });

  it('clinics and activations by activation year', () => {
    expect(agg.clinics.map((c) => [c.clinic, c.referrals, c.activations])).toEqual([
      ['H001', 2, 2], ['H002', 2, 1], ['M001', 3, 2], ['S001', 1, 1],
    ]);
    expect(agg.activationsByYear).toEqual([
      { region: 'Hovedstaden', year: 2024, activations: 3 },
      { region: 'Midtjylland', year: 2024, activations: 2 },
      { region: 'Syddanmark', year: 2024, activations: 1 },
      { region: 'national', year: 2024, activations: 6 },
    ]);
  });

  it('uptake per 1,000 eligible with a Wilson CI', () => {
    const rates = uptakePerEligible(agg.activationsByYear, readEligible(fx('eligible-small.csv')));
    const nat = rates.find((r) => r.region === 'national')!;
    expect(nat.eligible).toBe(3400);
    expectClose(nat.per1000!, (6 / 3400) * 1000);
    const h = rates.find((r) => r.region === 'Hovedstaden')!;
    expect(h.per1000).toBe(3);
    // R: prop.test(3, 1000, correct = FALSE)$conf.int * 1000 = 1.020784 8.783014
    expectClose(h.ciLower!, 1.020783881, 1e-6);
    expectClose(h.ciUpper!, 8.783014054, 1e-6);
    const sj = rates.find((r) => r.region === 'Sjælland')!;
    expect([sj.activations, sj.per1000, sj.ciLower]).toEqual([0, 0, 0]);
  });

  it('reads a semicolon, BOM, CRLF export to the same result', async () => {
    const other = await readRegistry(fx('registry-small-semicolon.csv'));
    expect(other).toEqual(agg);
  });

  it('an explicit export date censors retention', async () => {
    const early = await readRegistry(fx('registry-small.csv'), { exportDate: '2024-07-31' });
    const n = row(early, 'national', 'all');
    expect(early.exportDate).toBe('2024-07-31');
    expect([n.atRisk12w, n.retained12w]).toEqual([5, 1]); // 2024-05-20 > 2024-05-08: still out
    const late = await readRegistry(fx('registry-small.csv'), { exportDate: '2024-08-12' });
    expect(row(late, 'national', 'all').atRisk12w).toBe(6); // 2024-05-20 ≤ 2024-05-20
  });
});

describe('histogramMedian', () => {
  it('is R median over the expanded values', () => {
    expect(histogramMedian(new Map([[3, 1]]))).toBe(3);
    expect(histogramMedian(new Map([[1, 2], [9, 2]]))).toBe(5);
    expect(histogramMedian(new Map([[1, 2], [9, 1]]))).toBe(1);
    expect(histogramMedian(new Map())).toBeNull();
  });
});


interface Draw { referred: number; delay: number | null; kept: number; age: number | null }

/** Aggregates `list` and checks the national totals against a direct recount. */
function checkAgainstRecount(list: Draw[], extra: number | null): void {
  const rows: Referral[] = list.map((x, i) => {
    const activated = x.delay === null ? null : x.referred + x.delay;
    return {
      id: String(i), region: 'Nordjylland', clinic: 'N1', referred: x.referred, activated,
      lastActive: activated === null ? null : activated + x.kept, age: x.age, sex: 'female', referrer: 'gp',
    };
  });
  const maxDay = Math.max(...rows.flatMap((r) => [r.referred, r.activated ?? -Infinity, r.lastActive ?? -Infinity]));
  const E = extra === null ? maxDay : maxDay + extra;
  const agg = createUptakeAggregator(extra === null ? {} : { exportDate: E });
  for (const r of rows) agg.add(r);
  const v = agg.value();
  const nat = v.metrics.find((m) => m.region === 'national' && m.period === 'all' && m.dimension === 'all')!;
  const act = rows.filter((r) => r.activated !== null);
  const delays = act.map((r) => r.activated! - r.referred).sort((a, b) => a - b);
  const mid = delays.length / 2;
  const median = delays.length === 0 ? null : delays.length % 2 ? delays[Math.floor(mid)]! : (delays[mid - 1]! + delays[mid]!) / 2;
  const risk4 = act.filter((r) => r.activated! + 28 <= E), risk12 = act.filter((r) => r.activated! + 84 <= E);
  expect(nat.referrals).toBe(rows.length);
  expect(nat.activations).toBe(act.length);
  expect(nat.medianDaysToActivation).toBe(median);
  expect(nat.atRisk4w).toBe(risk4.length);
  expect(nat.retained4w).toBe(risk4.filter((r) => r.lastActive! - r.activated! >= 28).length);
  expect(nat.atRisk12w).toBe(risk12.length);
  expect(nat.retained12w).toBe(risk12.filter((r) => r.lastActive! - r.activated! >= 84).length);
  const bands = v.metrics.filter((m) => m.region === 'national' && m.period === 'all' && m.dimension === 'ageBand');
  expect(bands.reduce((s, m) => s + m.referrals, 0)).toBe(rows.length);
}

describe('aggregator against a direct recount', () => {
  const draw = fc.record({
    referred: fc.integer({ min: 19_700, max: 20_100 }),
    delay: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
    kept: fc.integer({ min: 0, max: 200 }),
    age: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  });

  it('property: any rows, any order, with or without an explicit export date', () => {
    fc.assert(
      fc.property(fc.array(draw, { minLength: 1, maxLength: 400, size: 'max' }), fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }), (list, extra) =>
        checkAgainstRecount(list, extra),
      ),
      { numRuns: 150 },
    );
  });

  it('date-sorted input: more than 128 held-back activation days forces the settle step', () => {
    const list: Draw[] = Array.from({ length: 1200 }, (_, i) => ({ referred: 19_700 + Math.floor(i / 2), delay: i % 5 === 0 ? null : i % 9, kept: i % 11 === 0 ? 90 : i % 40, age: 20 + (i % 70) })); // checked: 8 settle passes
    checkAgainstRecount(list, null);
    checkAgainstRecount(list, 100);
  });
});

describe('the reference aggregator and age bands', () => {
  it('refuses an age band\'s code (it would count "50-59" in 75+), naming the band; exact ages are counted as always', () => {
    const row = (age: number): Referral => ({ id: '1', region: 'Nordjylland', clinic: 'N1', referred: 20000, activated: null, lastActive: null, age, sex: 'female', referrer: 'gp' });
    const agg = createUptakeAggregator();
    expect(() => agg.add(row(bandCode({ lo: 50, hi: 59 })))).toThrow(HtaError);
    expect(() => agg.add(row(bandCode({ lo: 80, hi: null })))).toThrow(/counts exact ages only, and a referral's age is the band 80\+/);
    agg.add(row(52));
    const bands = agg.value().metrics.filter((m) => m.region === 'national' && m.period === 'all' && m.dimension === 'ageBand' && m.referrals > 0);
    expect(bands.map((m) => [m.level, m.referrals])).toEqual([['45-59', 1]]);
  });
});
