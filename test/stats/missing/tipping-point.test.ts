import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tippingPoint } from '../../../src/stats/missing/tipping-point.js';
import { miAncova } from '../../../src/stats/missing/mi-ancova.js';
import { expectClose } from '../../support/tolerance.js';

interface TippingFixture {
  completed: Record<string, number[]>[];
  imputed: boolean[];
  deltas: number[];
  rows: { delta: number; estimate: number; se: number; df: number; ciLower: number; ciUpper: number; pValue: number }[];
  tippingDeltaGrid: number;
}

const fixture = JSON.parse(
  readFileSync(new URL('../../reference/missing-tipping.json', import.meta.url), 'utf8'),
) as TippingFixture;

const spec = { outcome: 'y_9m', treated: 'arm', baseline: 'baseline', covariates: ['sex'] };

describe('tippingPoint against R (shifted mice data sets, lm + pool; test/reference/missing-tipping.R)', () => {
  const result = tippingPoint(fixture.completed, fixture.imputed, { ...spec, deltas: fixture.deltas, direction: 'lower-is-better' });

  it('every grid row matches pool() within 1e-8', () => {
    expect(result.rows.map((r) => r.delta)).toEqual(fixture.deltas);
    result.rows.forEach((row, k) => {
      const ref = fixture.rows[k]!;
      for (const key of ['estimate', 'se', 'df', 'ciLower', 'ciUpper', 'pValue'] as const) expectClose(row[key], ref[key], 1e-8);
    });
  });

  it('finds the same grid tipping point and refines it to where p = α', () => {
    expect(result.significantAtZero).toBe(true);
    expect(result.tippingDeltaGrid).toBe(fixture.tippingDeltaGrid);
    const refined = result.tippingDelta!;
    expect(refined).toBeGreaterThan(fixture.tippingDeltaGrid - 0.5);
    expect(refined).toBeLessThanOrEqual(fixture.tippingDeltaGrid);
    const at = tippingPoint(fixture.completed, fixture.imputed, { ...spec, deltas: [refined], direction: 'lower-is-better', refine: false });
    expectClose(at.rows[1]!.pValue, 0.05, 1e-6);
    expect(result.nImputedIntervention).toBe(fixture.imputed.filter((m, i) => m && fixture.completed[0]!.arm![i] === 1).length);
  });

  it('δ = 0 is the MAR analysis, and the estimate moves linearly in δ', () => {
    const mar = miAncova(fixture.completed, spec);
    expectClose(result.rows[0]!.estimate, mar.estimate, 1e-12);
    const [e0, e1, e2] = [0, 2, 4].map((d) => result.rows.find((r) => r.delta === d)!.estimate);
    expectClose(e2! - e0!, 2 * (e1! - e0!), 1e-9);
    expect(e1!).toBeGreaterThan(e0!); // lower is better: shifting up worsens the intervention
  });

  it('the closed form in δ equals refitting every shifted data set', () => {
    for (const direction of ['lower-is-better', 'higher-is-better'] as const) {
      const delta = 1.37;
      const sign = direction === 'lower-is-better' ? 1 : -1;
      const row = tippingPoint(fixture.completed, fixture.imputed, { ...spec, deltas: [delta], direction, refine: false }).rows[1]!;
      const shifted = fixture.completed.map((d) => ({
        ...d,
        y_9m: d.y_9m!.map((y, i) => (fixture.imputed[i] && d.arm![i] === 1 ? y + sign * delta : y)),
      }));
      const refit = miAncova(shifted, spec);
      for (const key of ['estimate', 'se', 'df', 'ciLower', 'ciUpper', 'pValue'] as const) expectClose(row[key], refit[key], 1e-10);
    }
  });

  it('higher-is-better shifts the other way', () => {
    const r = tippingPoint(fixture.completed, fixture.imputed, { ...spec, deltas: [1], direction: 'higher-is-better', refine: false });
    expect(r.shiftSign).toBe(-1);
    expect(r.rows[1]!.estimate).toBeLessThan(r.rows[0]!.estimate);
  });

  it('rejects negative deltas', () => {
    expect(() => tippingPoint(fixture.completed, fixture.imputed, { ...spec, deltas: [-1], direction: 'lower-is-better' })).toThrow(/≥ 0/);
  });
});
