import { describe, expect, it } from 'vitest';
import { funnelLimits } from '../../src/uptake/clinic-funnel.js';
import { funnelCurve } from '../../src/uptake/funnel-curve.js';

describe('funnelCurve', () => {
  it('evaluates funnelLimits on a geometric grid of whole n, both ends included', () => {
    const c = funnelCurve(0.65, 1000, { nMin: 10, points: 5 });
    expect(c.map((p) => p.n)).toEqual([10, 32, 100, 316, 1000]);
    for (const p of c) {
      const l = funnelLimits(0.65, p.n);
      expect(p.lower95).toBeCloseTo(Math.max(0, l.lower95), 14);
      expect(p.upper998).toBeCloseTo(Math.min(1, l.upper998), 14);
    }
  });

  it('clips the small-n limits to [0, 1] and narrows as n grows', () => {
    const c = funnelCurve(0.65, 5000);
    expect(funnelLimits(0.65, 1).lower95).toBeLessThan(0); // the formula leaves [0, 1] at n = 1 …
    expect(c[0]).toMatchObject({ n: 1, lower95: 0 }); // … the curve does not
    for (const p of c) for (const v of [p.lower95, p.upper95, p.lower998, p.upper998]) expect(v >= 0 && v <= 1).toBe(true);
    const last = c[c.length - 1]!;
    expect(last.n).toBe(5000);
    expect(last.upper998 - last.lower998).toBeLessThan(0.05);
    expect(last.lower998).toBeLessThan(last.lower95);
    expect(new Set(c.map((p) => p.n)).size).toBe(c.length);
  });

  it('rejects a rate outside [0, 1] and nMax below nMin', () => {
    expect(() => funnelCurve(1.2, 100)).toThrow(RangeError);
    expect(() => funnelCurve(0.5, 5, { nMin: 10 })).toThrow(RangeError);
  });
});
