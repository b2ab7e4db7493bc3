import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { REGION_POPULATION, REGISTRY_HEADER, simulateEligible, simulateRegistry, simulateRegistryLines } from '../../src/simulate/registry.js';
import { aggregateRegistryStream } from '../../src/uptake/read-registry.js';
import { clinicFunnel } from '../../src/uptake/clinic-funnel.js';

describe('simulateRegistry', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const a = simulateRegistry({ rows: 300, seed: 42 });
    expect(simulateRegistry({ rows: 300, seed: 42 })).toBe(a);
    expect(simulateRegistry({ rows: 300, seed: 43 })).not.toBe(a);
    const lines = a.trimEnd().split('\n');
    expect(lines[0]).toBe(REGISTRY_HEADER);
    expect(lines).toHaveLength(301);
    expect(lines[1]).toMatch(/^R001,(Hovedstaden|Midtjylland|Syddanmark|Sjælland|Nordjylland),[HMSZN]\d{3},2\d{3}-\d\d-\d\d,/);
  });

  it('streams lazily: the generator yields without building the file', () => {
    const it = simulateRegistryLines({ rows: 1_000_000, seed: 1 });
    expect(it.next().value).toBe(REGISTRY_HEADER);
    expect(it.next().value).toMatch(/^R0000001,/);
  });

  it('looks like the registry: region sizes, ~65% activation, drop-off, outlying clinics, valid rows', async () => {
    const csv = simulateRegistry({ rows: 40_000, seed: 7 });
    const agg = await aggregateRegistryStream(Readable.from([csv]), 'sim.csv', ','); // throws on any invalid row
    const all = (region: string) => agg.metrics.find((m) => m.region === region && m.period === 'all' && m.dimension === 'all')!;
    const nat = all('national');
    expect(nat.referrals).toBe(40_000);
    expect(nat.activationRate!).toBeGreaterThan(0.6);
    expect(nat.activationRate!).toBeLessThan(0.7);
    expect(nat.retention4w!).toBeGreaterThan(nat.retention12w!);
    const popTotal = Object.values(REGION_POPULATION).reduce((s, v) => s + v, 0);
    for (const [region, pop] of Object.entries(REGION_POPULATION)) {
      expect(all(region).referrals / 40_000).toBeCloseTo(pop / popTotal, 1);
    }
    const gp = agg.metrics.find((m) => m.region === 'national' && m.period === 'all' && m.level === 'gp')!;
    const chiro = agg.metrics.find((m) => m.region === 'national' && m.period === 'all' && m.level === 'chiro')!;
    expect(gp.activationRate!).toBeGreaterThan(chiro.activationRate!);
    const july = agg.metrics.find((m) => m.region === 'national' && m.period === '2025-07' && m.dimension === 'all')!;
    const june = agg.metrics.find((m) => m.region === 'national' && m.period === '2025-06' && m.dimension === 'all')!;
    expect(july.referrals).toBeLessThan(june.referrals);
    const funnel = clinicFunnel(agg.clinics);
    expect(funnel.rows.length).toBe(58);
    expect(funnel.outside998.length).toBeGreaterThanOrEqual(3);
    expect(funnel.rows.some((r) => r.outside998 === 'above')).toBe(true);
    expect(funnel.rows.filter((r) => r.outside998 === 'below').length).toBeGreaterThanOrEqual(2);
  });
});

describe('simulateEligible', () => {
  it('gives five regions × five years, deterministic, ~2% of inhabitants', () => {
    const csv = simulateEligible({ seed: 1 });
    expect(simulateEligible({ seed: 1 })).toBe(csv);
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('region,year,eligible');
    expect(lines).toHaveLength(26);
    const h = lines.find((l) => l.startsWith('Hovedstaden,2024,'))!;
    expect(Number(h.split(',')[2])).toBeGreaterThan(0.98 * 37_200);
    expect(Number(h.split(',')[2])).toBeLessThan(1.02 * 37_200);
  });
});
