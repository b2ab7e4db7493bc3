import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { binomialCdfTable, clinicFunnel, funnelLimits, type FunnelMethod } from '../../src/uptake/clinic-funnel.js';
import { expectClose } from '../support/tolerance.js';

interface LimitCase { theta: number; n: number; method: FunnelMethod; lower95: number; upper95: number; lower998: number; upper998: number }
interface ClinicRow { clinic: string; referrals: number; activations: number; rate: number; lower95: number; upper95: number; lower998: number; upper998: number; outside95: string; outside998: string }
const fixture = JSON.parse(readFileSync(new URL('../reference/uptake-funnel.json', import.meta.url), 'utf8')) as {
  limits: LimitCase[];
  clinicSet: { overallRate: number; rows: ClinicRow[] };
};

describe('funnelLimits against R (test/reference/uptake-funnel.R)', () => {
  for (const c of fixture.limits) {
    it(`${c.method} θ=${c.theta} n=${c.n}`, () => {
      const got = funnelLimits(c.theta, c.n, c.method);
      for (const k of ['lower95', 'upper95', 'lower998', 'upper998'] as const) expectClose(got[k], c[k], 1e-6, 1e-9);
    });
  }
});

describe('binomialCdfTable', () => {
  it('sums to 1 and matches a hand-worked Binomial(3, 0.5)', () => {
    const cdf = binomialCdfTable(3, 0.5);
    expect([...cdf].map((v) => Number(v.toFixed(12)))).toEqual([0.125, 0.5, 0.875, 1]);
    const big = binomialCdfTable(20000, 0.65);
    expectClose(big[20000] as number, 1, 1e-12);
  });
});

describe('clinicFunnel', () => {
  const clinics = fixture.clinicSet.rows.map((r) => ({ clinic: r.clinic, region: 'Hovedstaden' as const, referrals: r.referrals, activations: r.activations }));
  const f = clinicFunnel(clinics);
  it('uses the overall rate and R limits per clinic', () => {
    expectClose(f.overallRate, fixture.clinicSet.overallRate);
    for (const want of fixture.clinicSet.rows) {
      const got = f.rows.find((r) => r.clinic === want.clinic)!;
      expectClose(got.lower95, want.lower95, 1e-6, 1e-9);
      expectClose(got.upper998, want.upper998, 1e-6, 1e-9);
      expect(got.outside95 ?? 'none').toBe(want.outside95);
      expect(got.outside998 ?? 'none').toBe(want.outside998);
    }
  });
  it('lists the clinics outside by code', () => {
    expect(f.outside95).toEqual(['M002', 'N001']);
    expect(f.outside998).toEqual(['M002', 'N001']);
  });
});
