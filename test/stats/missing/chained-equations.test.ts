import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chainedEquations, type ImputationColumn } from '../../../src/stats/missing/chained-equations.js';
import { miAncova } from '../../../src/stats/missing/mi-ancova.js';
import { createRandom } from '../../../src/stats/random.js';

interface MiceFixture {
  data: Record<string, (number | null)[]>;
  trueEffect9m: number;
  pmm: { estimate: number; se: number; df: number; fmi: number };
  norm: { estimate: number; se: number; df: number; fmi: number };
}

const fixture = JSON.parse(
  readFileSync(new URL('../../reference/missing-mice.json', import.meta.url), 'utf8'),
) as MiceFixture;

const order = ['arm', 'sex', 'baseline', 'y_6w', 'y_3m', 'y_6m', 'y_9m'];
const columns: ImputationColumn[] = order.map((name) => ({ name, values: fixture.data[name]! }));
const spec = { outcome: 'y_9m', treated: 'arm', baseline: 'baseline', covariates: ['sex'] };

describe('chainedEquations mechanics', () => {
  it('is deterministic for a seed, keeps observed values, imputes only observed values with pmm', () => {
    const a = chainedEquations(columns, { m: 3, seed: 5 });
    const b = chainedEquations(columns, { m: 3, seed: 5 });
    const c = chainedEquations(columns, { m: 3, seed: 6 });
    expect(a.completed).toEqual(b.completed);
    expect(a.completed).not.toEqual(c.completed);
    expect(a.visitSequence).toEqual(['y_3m', 'y_6m', 'y_9m']);
    expect(a.methods).toMatchObject({ arm: '', y_9m: 'pmm' });
    const observed9m = new Set(fixture.data.y_9m!.filter((v) => v !== null));
    for (const d of a.completed) {
      fixture.data.y_9m!.forEach((v, i) => {
        if (v !== null) expect(d.y_9m![i]).toBe(v);
        else expect(observed9m.has(d.y_9m![i]!)).toBe(true);
      });
      expect(d.y_9m!.every(Number.isFinite)).toBe(true);
    }
  });

  it("imputes a 0/1 column given method 'logreg' with 0s and 1s only, the others by the default", () => {
    // sex emptied for 8 patients: a binary covariate imputed beside the follow-ups (mice-logreg.ts).
    const gaps = fixture.data.sex!.map((v, i) => (i % 25 === 3 ? null : v));
    const cols = columns.map((c) => (c.name === 'sex' ? { name: 'sex', values: gaps, method: 'logreg' as const } : c));
    const r = chainedEquations(cols, { m: 3, seed: 5 });
    expect(r.methods).toMatchObject({ sex: 'logreg', y_9m: 'pmm' });
    const drawn = new Set<number>();
    for (const d of r.completed) gaps.forEach((v, i) => (v === null ? drawn.add(d.sex![i]!) : expect(d.sex![i]).toBe(v)));
    expect([...drawn].sort()).toEqual([0, 1]);
  });

  it("imputes a group of dummies given method 'polyreg' as one categorical value: at most one 1 per row", () => {
    // A 3-level variable from the baseline (low / middle / high), missing for every 12th patient.
    const level = fixture.data.baseline!.map((b, i) => (i % 12 === 5 ? null : b! < 5 ? 0 : b! < 7 ? 1 : 2));
    const dummy = (l: number) => level.map((v) => (v === null ? null : v === l ? 1 : 0));
    const cols = [...columns.filter((c) => c.name !== 'sex'), { name: 'g1', values: dummy(1), method: 'polyreg' as const, group: 'g' }, { name: 'g2', values: dummy(2), method: 'polyreg' as const, group: 'g' }];
    const r = chainedEquations(cols, { m: 4, seed: 3 });
    expect(r.methods).toMatchObject({ g1: 'polyreg', g2: 'polyreg' });
    const seen = new Set<number>();
    for (const d of r.completed) {
      level.forEach((v, i) => {
        const drawn = d.g1![i]! + 2 * d.g2![i]!;
        if (v !== null) expect(drawn).toBe(v);
        else {
          expect([0, 1, 2]).toContain(drawn); // never both dummies 1
          seen.add(drawn);
        }
      });
    }
    expect(seen.size).toBeGreaterThan(1);
    // Its dummies must be adjacent and missing together.
    expect(() => chainedEquations([cols.at(-1)!, ...cols.slice(0, -1)], { m: 2, seed: 3 })).toThrow(/adjacent/);
  });

  it('reports progress m·maxit times, ending at total', () => {
    const calls: [number, number][] = [];
    chainedEquations(columns, { m: 4, maxit: 3, seed: 1, method: 'norm', onProgress: (d, t) => calls.push([d, t]) });
    expect(calls).toHaveLength(12);
    expect(calls.at(-1)).toEqual([12, 12]);
  });

  it('rejects unequal columns and unknown predictors', () => {
    expect(() => chainedEquations([{ name: 'a', values: [1, 2] }, { name: 'b', values: [1] }], { seed: 1 })).toThrow(/has 1 values/);
    expect(() => chainedEquations(columns, { seed: 1, predictors: { y_9m: ['nope'] } })).toThrow(/not another column/);
  });
});

describe('chainedEquations + miAncova against mice (test/reference/missing-mice.R, R with m = 200)', () => {
  // RNG streams differ, so compare behaviour: with m = 50 here and m = 200 in R the Monte Carlo SD
  // of the difference in pooled estimates is about √(B/50 + B/200) ≈ 0.1 SE at fmi ≈ 0.2, so a
  // tolerance of 0.25 SE (≈ 2.5 Monte Carlo SDs) is generous but still catches a wrong method.
  for (const method of ['pmm', 'norm'] as const) {
    it(`${method}: pooled ANCOVA estimate within 0.25 SE and SE within 10 % of mice`, () => {
      const started = performance.now();
      const imp = chainedEquations(columns, { m: 50, seed: 2026, method });
      const ms = performance.now() - started;
      const r = miAncova(imp.completed, spec);
      const ref = fixture[method];
      console.log(`${method}: m=50 in ${ms.toFixed(0)} ms; estimate ${r.estimate} (mice ${ref.estimate}), se ${r.se} (mice ${ref.se}), fmi ${r.fmi} (mice ${ref.fmi})`);
      expect(Math.abs(r.estimate - ref.estimate)).toBeLessThan(0.25 * ref.se);
      expect(Math.abs(r.se / ref.se - 1)).toBeLessThan(0.1);
      expect(Math.abs(r.fmi - ref.fmi)).toBeLessThan(0.12);
    });
  }

  it('quick sanity: m = 20 recovers the true 9-month effect (CI covers −3)', () => {
    const imp = chainedEquations(columns, { seed: 99 });
    expect(imp.completed).toHaveLength(20);
    const r = miAncova(imp.completed, spec);
    expect(r.ciLower).toBeLessThan(fixture.trueEffect9m);
    expect(r.ciUpper).toBeGreaterThan(fixture.trueEffect9m);
  });
});

/** Trial with monotone MAR dropout and a known 9-month effect, drawn from a seeded stream. */
function simulateTrial(seed: number, n: number, effect: number): ImputationColumn[] {
  const rng = createRandom(seed);
  const sd = 3;
  const rho = 0.7;
  const arm: number[] = [];
  const baseline: number[] = [];
  const ys: (number | null)[][] = [[], [], [], []];
  for (let i = 0; i < n; i++) {
    const a = rng.uniform() < 0.5 ? 1 : 0;
    const b = 12 + 4 * rng.normal();
    arm.push(a);
    baseline.push(b);
    let e = sd * rng.normal();
    let dropped = false;
    for (let t = 0; t < 4; t++) {
      if (t > 0) e = rho * e + Math.sqrt(1 - rho * rho) * sd * rng.normal();
      const y = 10 + 0.6 * (b - 12) + ((t + 1) / 4) * effect * a + e;
      if (!dropped && t > 0) {
        const prev = ys[t - 1]![i]!;
        dropped = rng.uniform() < 1 / (1 + Math.exp(-(-2.2 + 0.2 * (prev - 10))));
      }
      ys[t]!.push(dropped ? null : y);
    }
  }
  return [
    { name: 'arm', values: arm },
    { name: 'baseline', values: baseline },
    ...ys.map((values, t) => ({ name: `y${t + 1}`, values })),
  ];
}

describe.skipIf(!process.env.HTA_SLOW)('MI + ANCOVA coverage (slow; HTA_SLOW=1)', () => {
  for (const method of ['pmm', 'norm'] as const) {
    it(`${method}: 95 % CI covers the true effect in 91–99 % of 200 simulated trials; bias within 3 Monte Carlo SEs`, () => {
      const effect = -2;
      const reps = 200;
      let covered = 0;
      const estimates: number[] = [];
      for (let r = 0; r < reps; r++) {
        const cols = simulateTrial(1000 + r, 200, effect);
        const imp = chainedEquations(cols, { m: 10, seed: r, method });
        const fit = miAncova(imp.completed, { outcome: 'y4', treated: 'arm', baseline: 'baseline' });
        if (fit.ciLower <= effect && effect <= fit.ciUpper) covered++;
        estimates.push(fit.estimate);
      }
      const mean = estimates.reduce((a, b) => a + b, 0) / reps;
      const sd = Math.sqrt(estimates.reduce((a, b) => a + (b - mean) ** 2, 0) / (reps - 1));
      const mcse = sd / Math.sqrt(reps);
      console.log(`${method}: coverage ${covered / reps}, bias ${mean - effect} (MC SE ${mcse}), empirical SD ${sd}`);
      expect(covered / reps).toBeGreaterThanOrEqual(0.91);
      expect(covered / reps).toBeLessThanOrEqual(0.99);
      expect(Math.abs(mean - effect)).toBeLessThan(3 * mcse);
    }, 600_000);
  }
});
