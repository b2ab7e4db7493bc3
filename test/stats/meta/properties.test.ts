/**
 * Properties every pooled number must have, whatever the data:
 * study order does not matter; swapping arms flips the sign of MD, g, log RR, log OR and RD;
 * shifting every effect by a constant shifts the estimate and leaves τ², Q and I² unchanged.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomEffects } from '../../../src/stats/meta/random-effects.js';
import { fixedEffect } from '../../../src/stats/meta/fixed-effect.js';
import { mantelHaenszel } from '../../../src/stats/meta/mantel-haenszel.js';
import { predictionInterval } from '../../../src/stats/meta/prediction-interval.js';
import { subgroupAnalysis } from '../../../src/stats/meta/subgroups.js';
import { meanDifference } from '../../../src/stats/meta/mean-difference.js';
import { hedgesG } from '../../../src/stats/meta/hedges-g.js';
import { logOddsRatio, logRiskRatio, riskDifference } from '../../../src/stats/meta/two-by-two.js';
import type { MetaFit } from '../../../src/stats/meta/meta-fit.js';

const close = (a: number | null, b: number | null, rel = 1e-9, abs = 1e-12): boolean =>
  a === null || b === null ? a === b : Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b)) + abs;

const studies = fc
  .array(
    fc.record({
      yi: fc.double({ min: -5, max: 5, noNaN: true }),
      vi: fc.double({ min: 0.001, max: 2, noNaN: true }),
    }),
    { minLength: 2, maxLength: 12 },
  )
  .chain((ss) => fc.tuple(fc.constant(ss), fc.shuffledSubarray(ss.map((_, i) => i), { minLength: ss.length, maxLength: ss.length })));

const POOLED: (keyof MetaFit)[] = ['estimate', 'se', 'ciLower', 'ciUpper', 'pValue', 'tau2', 'q', 'qPValue', 'i2', 'h2'];

function expectSameFit(a: MetaFit, b: MetaFit, order: number[]): void {
  for (const key of POOLED) expect(close(a[key] as number, b[key] as number, 1e-7, 1e-9), `${String(key)}: ${a[key]} vs ${b[key]}`).toBe(true);
  expect(a.tau2Method).toBe(b.tau2Method);
  order.forEach((from, to) => expect(close(b.weights[to]!, a.weights[from]!, 1e-7, 1e-9)).toBe(true));
}

describe('permuting study order leaves every pooled number unchanged', () => {
  const fits: [string, (y: number[], v: number[]) => MetaFit][] = [
    ['FE', (y, v) => fixedEffect(y, v)],
    ['DL', (y, v) => randomEffects(y, v, { method: 'DL' })],
    ['REML', (y, v) => randomEffects(y, v, { method: 'REML' })],
    ['PM', (y, v) => randomEffects(y, v, { method: 'PM' })],
    ['REML + HKSJ', (y, v) => randomEffects(y, v, { method: 'REML', hksj: true })],
  ];
  for (const [name, fit] of fits) {
    it(name, () => {
      fc.assert(
        fc.property(studies, ([ss, order]) => {
          const a = fit(
            ss.map((s) => s.yi),
            ss.map((s) => s.vi),
          );
          const b = fit(
            order.map((i) => ss[i]!.yi),
            order.map((i) => ss[i]!.vi),
          );
          expectSameFit(a, b, order);
          const pa = predictionInterval(a);
          const pb = predictionInterval(b);
          if (pa && pb) expect(close(pa.piLower, pb.piLower, 1e-7, 1e-9)).toBe(true);
        }),
        { numRuns: 100 },
      );
    });
  }

  it('Mantel–Haenszel and subgroups', () => {
    const table = fc.record({ nIntervention: fc.integer({ min: 1, max: 200 }), nControl: fc.integer({ min: 1, max: 200 }) }).chain((n) =>
      fc.record({
        nIntervention: fc.constant(n.nIntervention),
        nControl: fc.constant(n.nControl),
        eventsIntervention: fc.integer({ min: 1, max: n.nIntervention }),
        eventsControl: fc.integer({ min: 1, max: n.nControl }),
      }),
    );
    fc.assert(
      fc.property(fc.array(table, { minLength: 2, maxLength: 8 }), fc.integer(), (ts, seed) => {
        const order = ts.map((_, i) => i).sort((x, y) => ((x * 7919 + seed) % 13) - ((y * 7919 + seed) % 13) || x - y);
        for (const m of ['RR', 'OR', 'RD'] as const) {
          let a;
          try {
            a = mantelHaenszel(ts, m);
          } catch {
            // OR undefined when every patient had the event; must fail the same way in any order.
            expect(() => mantelHaenszel(order.map((i) => ts[i]!), m)).toThrow();
            continue;
          }
          const b = mantelHaenszel(order.map((i) => ts[i]!), m);
          expect(close(a.estimate, b.estimate) && close(a.se, b.se) && close(a.q, b.q, 1e-9, 1e-9)).toBe(true);
        }
        const sg = ts.map((t, i) => ({ label: String(i), group: i % 2 ? 'a' : 'b', ...riskDifference(t) }));
        const sa = subgroupAnalysis(sg, { method: 'DL' });
        const sb = subgroupAnalysis(order.map((i) => sg[i]!), { method: 'DL' });
        if (sa.test && sb.test) expect(close(sa.test.q, sb.test.q, 1e-9, 1e-9)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe('swapping arms flips the sign', () => {
  it('MD and Hedges g', () => {
    const arm = fc.record({
      n: fc.integer({ min: 2, max: 500 }),
      mean: fc.double({ min: -100, max: 100, noNaN: true }),
      sd: fc.double({ min: 0.1, max: 50, noNaN: true }),
    });
    fc.assert(
      fc.property(arm, arm, (i, c) => {
        const s = { nIntervention: i.n, meanIntervention: i.mean, sdIntervention: i.sd, nControl: c.n, meanControl: c.mean, sdControl: c.sd };
        const t = { nIntervention: c.n, meanIntervention: c.mean, sdIntervention: c.sd, nControl: i.n, meanControl: i.mean, sdControl: i.sd };
        expect(meanDifference(t).yi + meanDifference(s).yi).toBe(0); // sum, not toBe(-x): toBe tells −0 from +0
        expect(meanDifference(t).vi).toBe(meanDifference(s).vi);
        expect(close(hedgesG(t).yi, -hedgesG(s).yi)).toBe(true);
        expect(close(hedgesG(t).vi, hedgesG(s).vi)).toBe(true);
      }),
    );
  });

  it('log RR, log OR and RD (with or without continuity correction)', () => {
    const arm = fc.integer({ min: 1, max: 300 }).chain((n) => fc.record({ n: fc.constant(n), e: fc.integer({ min: 0, max: n }) }));
    fc.assert(
      fc.property(arm, arm, (i, c) => {
        const s = { eventsIntervention: i.e, nIntervention: i.n, eventsControl: c.e, nControl: c.n };
        const t = { eventsIntervention: c.e, nIntervention: c.n, eventsControl: i.e, nControl: i.n };
        for (const f of [logRiskRatio, logOddsRatio, riskDifference]) {
          expect(close(f(t).yi, -f(s).yi, 1e-12, 1e-14)).toBe(true);
          expect(close(f(t).vi, f(s).vi)).toBe(true);
        }
      }),
    );
  });
});

describe('shifting every effect by a constant', () => {
  it('shifts the estimate and leaves τ², Q, I² and the SE unchanged', () => {
    fc.assert(
      fc.property(studies, fc.double({ min: -1000, max: 1000, noNaN: true }), ([ss], shift) => {
        const y = ss.map((s) => s.yi);
        const v = ss.map((s) => s.vi);
        for (const method of ['DL', 'REML', 'PM'] as const) {
          const a = randomEffects(y, v, { method });
          const b = randomEffects(
            y.map((x) => x + shift),
            v,
            { method },
          );
          expect(close(b.estimate - shift, a.estimate, 1e-6, 1e-9)).toBe(true);
          expect(close(b.tau2, a.tau2, 1e-6, 1e-9)).toBe(true);
          expect(close(b.q, a.q, 1e-6, 1e-9)).toBe(true);
          expect(close(b.se, a.se, 1e-6, 1e-9)).toBe(true);
        }
      }),
      { numRuns: 50 },
    );
  });
});
