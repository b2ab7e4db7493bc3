import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mmrm, type MmrmData } from '../../../src/stats/missing/mmrm.js';
import { HtaError } from '../../../src/errors.js';
import { tQuantile, tTwoSidedP } from '../../../src/stats/distributions.js';
import { expectClose } from '../../support/tolerance.js';
import fc from 'fast-check';

interface MmrmCase {
  label: string;
  timeLevels: string[];
  covariates: string[];
  data: { id: string[]; time: string[]; treated: number[]; baseline: (number | null)[]; y: (number | null)[]; sex: number[]; age: number[] };
  nPatients: number;
  nObservations: number;
  coefficients: Record<string, number>;
  se: Record<string, number>;
  sigma: number[][];
  logLik: number;
  contrasts: { time: string; estimate: number; se: number; df: number; dfNumDeriv: number; ciLower: number; ciUpper: number; statistic: number; pValue: number }[];
}

const fixture = JSON.parse(
  readFileSync(new URL('../../reference/missing-mmrm.json', import.meta.url), 'utf8'),
) as { cases: MmrmCase[] };

function toData(c: MmrmCase): MmrmData {
  return {
    id: c.data.id,
    time: c.data.time,
    treated: c.data.treated,
    baseline: c.data.baseline,
    y: c.data.y,
    covariates: c.covariates.map((name) => ({ name, values: c.data[name as 'sex' | 'age'] })),
  };
}

describe('mmrm against nlme::gls(corSymm + varIdent, REML) + emmeans Satterthwaite (test/reference/missing-mmrm.R)', () => {
  for (const c of fixture.cases) {
    it(c.label, () => {
      const started = performance.now();
      const fit = mmrm(toData(c), { timeLevels: c.timeLevels });
      const ms = performance.now() - started;
      console.log(`${c.label}: ${ms.toFixed(0)} ms, ${fit.iterations} iterations`);
      expect(fit.nPatients).toBe(c.nPatients);
      expect(fit.nObservations).toBe(c.nObservations);
      expectClose(fit.logLik, c.logLik, 1e-8);
      // estimates and SEs within 1e-4 relative (brief), in practice far closer
      const rel = 1e-5;
      fit.contrasts.forEach((k, t) => {
        const r = c.contrasts[t]!;
        expect(k.time).toBe(r.time);
        expectClose(k.estimate, r.estimate, rel);
        expectClose(k.se, r.se, rel);
        expectClose(k.statistic, r.statistic, rel);
        // Satterthwaite df: an independent R computation (REML in vech(Σ), numDeriv Hessian and
        // gradient) to 1e-4; emmeans(mode = "satterthwaite") takes nlme's finite-difference apVar
        // and is off by up to 2.3 % on fixture B, so only 3 % against it.
        expectClose(k.df, r.dfNumDeriv, 1e-4);
        expectClose(k.df, r.df, 0.03);
        expectClose(k.pValue, tTwoSidedP(r.statistic, r.dfNumDeriv), 1e-4);
        const crit = tQuantile(0.975, r.dfNumDeriv);
        // CI limits relative to max(|limit|, SE): a limit near 0 has no relative digits.
        expectClose(k.ciLower, r.estimate - crit * r.se, 1e-5, r.se);
        expectClose(k.ciUpper, r.estimate + crit * r.se, 1e-5, r.se);
      });
      for (const name of c.covariates) {
        const coef = fit.coefficients.find((x) => x.name === name)!;
        expectClose(coef.estimate, c.coefficients[name]!, rel);
        expectClose(coef.se, c.se[name]!, rel);
      }
      // Σ entries relative to the largest entry (a covariance near 0 has no relative digits).
      const scale = Math.max(...c.sigma.flat().map(Math.abs));
      fit.sigma.forEach((row, a) => row.forEach((v, b) => expectClose(v, c.sigma[a]![b]!, rel, scale)));
    });
  }
});

describe('mmrm input handling', () => {
  const c = fixture.cases[0]!;
  it('swapping arms flips every contrast and keeps SE and df', () => {
    const d = toData(c);
    const a = mmrm(d, { timeLevels: c.timeLevels });
    const b = mmrm({ ...d, treated: d.treated.map((x) => 1 - x) }, { timeLevels: c.timeLevels });
    a.contrasts.forEach((k, t) => {
      expectClose(b.contrasts[t]!.estimate, -k.estimate, 1e-7);
      expectClose(b.contrasts[t]!.se, k.se, 1e-7);
      expectClose(b.contrasts[t]!.df, k.df, 1e-5);
    });
  });

  it('adding 1e4 to every outcome and baseline leaves the contrasts unchanged', () => {
    const d = toData(c);
    const a = mmrm(d, { timeLevels: c.timeLevels });
    const shift = (v: number | null) => (v === null ? null : v + 1e4);
    const b = mmrm({ ...d, y: d.y.map(shift), baseline: d.baseline.map(shift) }, { timeLevels: c.timeLevels });
    a.contrasts.forEach((k, t) => {
      expectClose(b.contrasts[t]!.estimate, k.estimate, 1e-6);
      expectClose(b.contrasts[t]!.se, k.se, 1e-6);
    });
  });

  it('rejects unknown time labels and duplicated visits as input errors', () => {
    const d = toData(c);
    expect(() => mmrm({ ...d, time: d.time.map((t, i) => (i === 0 ? 'baseline' : t)) }, { timeLevels: c.timeLevels })).toThrow(
      /expected one of/,
    );
    const dup = { ...d, time: d.time.map((t, i) => (i === 1 ? d.time[0]! : t)) };
    expect(() => mmrm(dup, { timeLevels: c.timeLevels })).toThrow(/two rows/);
  });

  it('throws analysis.failed when a visit pair is never observed together', () => {
    const d = toData(c);
    // Remove every 9m value from anyone observed at 6w.
    const seen6w = new Set(d.id.filter((_, i) => d.time[i] === '6w' && d.y[i] !== null));
    const y = d.y.map((v, i) => (d.time[i] === '9m' && seen6w.has(d.id[i]!) ? null : v));
    try {
      mmrm({ ...d, y }, { timeLevels: c.timeLevels });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(HtaError);
      expect((e as HtaError).code).toBe('analysis.failed');
    }
  });

  it('reports non-convergence as analysis.failed instead of returning a number', () => {
    expect(() => mmrm(toData(c), { timeLevels: c.timeLevels, maxIter: 1 })).toThrow(/did not converge/);
  });

  it('on random patient subsets either returns finite, self-consistent numbers or throws HtaError', () => {
    const b = fixture.cases[1]!;
    const d = toData(b);
    const ids = [...new Set(d.id)];
    fc.assert(
      fc.property(fc.integer({ min: 12, max: 150 }), fc.integer({ min: 0, max: 1e6 }), (size, salt) => {
        const keep = new Set(ids.filter((_, i) => ((i * 2654435761 + salt) >>> 0) % ids.length < size));
        const rows = d.id.map((id, i) => (keep.has(id) ? i : -1)).filter((i) => i >= 0);
        const pick = <T,>(xs: readonly T[]) => rows.map((i) => xs[i]!);
        const sub: MmrmData = {
          id: pick(d.id), time: pick(d.time), treated: pick(d.treated), baseline: pick(d.baseline), y: pick(d.y),
          covariates: d.covariates!.map((c) => ({ name: c.name, values: pick(c.values) })),
        };
        try {
          const fit = mmrm(sub, { timeLevels: b.timeLevels });
          for (const k of fit.contrasts) {
            expect(Number.isFinite(k.estimate) && k.se > 0 && k.df > 0).toBe(true);
            expect(k.ciLower).toBeLessThan(k.ciUpper);
          }
        } catch (e) {
          expect(e).toBeInstanceOf(HtaError);
        }
      }),
      { numRuns: 25, seed: 11 },
    );
  });
});
