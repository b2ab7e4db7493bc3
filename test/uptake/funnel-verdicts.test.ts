/**
 * Clinic funnel verdicts by the exact one-sided binomial tails (src/uptake/clinic-funnel.ts,
 * docs/plan-uptake.md "Clinic funnel"). Found by an attacker: a clinic at 100% was always "above
 * 99.8%" — 8 of 8 at an overall 71.2%, P(8 of 8) = 0.066 — because Spiegelhalter's interpolated
 * limit (r − α)/n is below 1 whenever the quantile is n. And a clinic of 3 referrals printed
 * `lower998: -0.315`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { binomialCdfTable, clinicFunnel, funnelLimits, funnelVerdict } from '../../src/uptake/clinic-funnel.js';
import type { UptakeAnalysis } from '../../src/uptake/uptake-analysis.js';
import { expectClose } from '../support/tolerance.js';
import { buildUptakeReport } from '../support/uptake-report-build.js';

const FULL = 'test/uptake/fixtures/funnel-full-clinic';

interface TailCase { theta: number; n: number; r: number; upperTail: number; lowerTail: number; outside95: string; outside998: string }
const fixture = JSON.parse(readFileSync(new URL('../reference/uptake-funnel-tails.json', import.meta.url), 'utf8')) as { cases: TailCase[] };

describe('funnel verdicts against R pbinom / binom.test (test/reference/uptake-funnel-tails.R)', () => {
  it(`gives R's verdict in all ${fixture.cases.length} cases, from the tails R gives`, () => {
    expect(fixture.cases.length).toBeGreaterThan(100);
    for (const c of fixture.cases) {
      const cdf = binomialCdfTable(c.n, c.theta);
      expectClose(c.r === 0 ? 1 : 1 - (cdf[c.r - 1] as number), c.upperTail, 1e-6, 1e-6);
      expectClose(cdf[c.r] as number, c.lowerTail, 1e-6, 1e-6);
      expect(funnelVerdict(cdf, c.r, 0.025) ?? 'none', `θ=${c.theta} ${c.r}/${c.n}`).toBe(c.outside95);
      expect(funnelVerdict(cdf, c.r, 0.001) ?? 'none', `θ=${c.theta} ${c.r}/${c.n}`).toBe(c.outside998);
    }
    // The cases hold clinics at 100% and 0% that are inside, and some that are outside.
    expect(fixture.cases.some((c) => c.r === c.n && c.n >= 3 && c.outside95 === 'none')).toBe(true);
    expect(fixture.cases.some((c) => c.r === 0 && c.n >= 3 && c.outside95 === 'none')).toBe(true);
    expect(fixture.cases.some((c) => c.outside998 === 'above')).toBe(true);
    expect(fixture.cases.some((c) => c.outside998 === 'below')).toBe(true);
  });
});

describe('clinicFunnel', () => {
  const f = clinicFunnel([
    { clinic: 'H1', region: 'Hovedstaden', referrals: 100, activations: 70 },
    { clinic: 'M1', region: 'Midtjylland', referrals: 100, activations: 70 },
    { clinic: 'M2', region: 'Midtjylland', referrals: 8, activations: 8 },
    { clinic: 'N1', region: 'Nordjylland', referrals: 3, activations: 0 },
  ]);

  it('does not flag 8 of 8 at an overall 71%, though it lies beyond the drawn interpolated limit', () => {
    const m2 = f.rows.find((r) => r.clinic === 'M2')!;
    expect(m2.rate).toBeGreaterThan(m2.upper998);
    expect([m2.outside95, m2.outside998]).toEqual([null, null]);
    expect(f.outside95).toEqual([]);
  });

  it('carries every limit clipped to [0, 1]', () => {
    const n1 = f.rows.find((r) => r.clinic === 'N1')!;
    expect(funnelLimits(f.overallRate, 3).lower998).toBeLessThan(0);
    for (const r of f.rows) for (const k of ['lower95', 'upper95', 'lower998', 'upper998'] as const) expect(r[k]).toBeGreaterThanOrEqual(0), expect(r[k]).toBeLessThanOrEqual(1);
    expect(n1.lower998).toBe(0);
  });
});

describe('the uptake report of a clinic at 100% (8 of 8, overall 71.2%)', () => {
  it('flags no clinic, and its chart draws the limit curves to 3 significant digits, as the clinics\' limits are printed', async () => {
    const content = await buildUptakeReport(FULL, FULL, 'en');
    const a = content.results as UptakeAnalysis;
    expect(a.funnel!.rows.find((r) => r.clinic === 'M2')).toMatchObject({ referrals: 8, activations: 8, outside95: null, outside998: null });
    // Every value the chart carries beside the overall rate (printed as the metrics print it).
    const values: { n?: number; value?: number }[] = [];
    JSON.stringify(content.charts.find((c) => c.name === 'clinic-funnel')!.spec, (k, v: unknown) => {
      if (k === 'values' && Array.isArray(v)) values.push(...(v as { n?: number; value?: number }[]));
      return v;
    });
    const limits = values.filter((v) => v.n !== undefined && typeof v.value === 'number' && !('clinic' in v));
    expect(limits.length).toBeGreaterThan(80);
    for (const v of limits) expect(Number(v.value!.toPrecision(3))).toBe(v.value);
  }, 10_000);
});
