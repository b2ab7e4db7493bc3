/**
 * mice's "logreg" imputation of a 0/1 column against R (test/reference/mice-logreg.R): the
 * augmented weighted fit exactly, the imputations in distribution (share of 1s per missing row
 * over 4000 draws, within 4 × the combined Monte Carlo SE of R's share and ours). Also the fit
 * where glm.fit runs off (separation with one missing row, so no augmentation: once a stack trace
 * from NaN weights), on R's small case and on a by-arm sex column of a 60-patient trial.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/stats/random.js';
import { chainedEquations } from '../../../src/stats/missing/chained-equations.js';
import { imputeLogreg, logregFit } from '../../../src/stats/missing/mice-logreg.js';
import { designOfRows } from '../../../src/stats/missing/mice-norm.js';

const ref = JSON.parse(readFileSync('test/reference/mice-logreg.json', 'utf8'));

interface Case { y: (number | null)[]; x: number[][]; beta: number[]; covUnscaled: number[]; draws: number; share: number[]; shareSe: number[] }

/** The observed and missing rows' designs (intercept first), as chained-equations.ts builds them. */
function designs(c: Case) {
  const rows = c.y.map((_, i) => c.x.map((col) => col[i]!));
  const obs = c.y.flatMap((v, i) => (v === null ? [] : [i]));
  const mis = c.y.flatMap((v, i) => (v === null ? [i] : []));
  return { yObs: obs.map((i) => c.y[i]!), xObs: designOfRows(obs.map((i) => rows[i]!)), xMis: designOfRows(mis.map((i) => rows[i]!)) };
}

describe('logreg imputation (= mice.impute.logreg)', () => {
  for (const name of ['ordinary', 'separated', 'separatedOneMissing'] as const) {
    // jsonlite writes R's NA in a number vector as "NA".
    const c: Case = { ...ref[name], y: ref[name].y.map((v: unknown) => (typeof v === 'number' ? v : null)) };
    it(`${name}: the augmented fit = glm.fit's coefficients and cov.unscaled`, () => {
      const { yObs, xObs, xMis } = designs(c);
      const { beta, cov } = logregFit(yObs, xObs, xMis);
      // Without augmentation (one missing row) glm.fit runs off: β̂ ≈ 100, cov.unscaled ≈ 1e11, to 1e-6 relative.
      const close = (a: number, b: number) => (name === 'separatedOneMissing' ? expect(Math.abs(a - b)).toBeLessThan(1e-6 * Math.abs(b)) : expect(a).toBeCloseTo(b, 6));
      beta.forEach((b, j) => close(b, c.beta[j]!));
      cov.forEach((v, j) => close(v, c.covUnscaled[j]!));
    });

    it(`${name}: each missing row's share of imputed 1s = R's, within Monte Carlo error`, () => {
      const { yObs, xObs, xMis } = designs(c);
      const rng = createRandom(11);
      const ones = new Array<number>(xMis.n).fill(0);
      for (let d = 0; d < c.draws; d++) imputeLogreg(yObs, xObs, xMis, rng).forEach((v, i) => (ones[i]! += v));
      ones.forEach((k, i) => {
        const share = k / c.draws;
        const se = Math.hypot(c.shareSe[i]!, Math.sqrt((share * (1 - share)) / c.draws));
        expect(Math.abs(share - c.share[i]!)).toBeLessThan(4 * se);
      });
    });
  }
});

describe('logreg imputation where the fit runs off (one missing row, no augmentation)', () => {
  // One arm (29 observed, 1 missing) of test/fixtures/mi-logreg-byarm: sex (0/1) against the
  // intercept, recruited_by's dummies and the other columns of MI's model, at the draw where the
  // fit first ran off (it ended in a TypeError then). A predictor combination separates it; R's mice.impute.logreg on these rows gives
  // 1 in 50.8% of 4000 draws (glm.fit warns "fitted probabilities numerically 0 or 1").
  const arm = JSON.parse(readFileSync('test/fixtures/mi-logreg-byarm/separated-arm.json', 'utf8')) as { yObs: number[]; xObs: { n: number; p: number; x: number[] }; xMis: { n: number; p: number; x: number[] } };
  const design = (d: { n: number; p: number; x: number[] }) => ({ n: d.n, p: d.p, x: Float64Array.from(d.x) });

  it('gives a finite fit with a huge variance, as glm.fit, and draws 0 or 1 at random as R', () => {
    const { beta, cov } = logregFit(arm.yObs, design(arm.xObs), design(arm.xMis));
    for (const v of [...beta, ...cov]) expect(Number.isFinite(v)).toBe(true);
    // glm.fit's converged β̂ on these rows: intercept −246.8, sexM's strongest predictors ±180; V's diagonal 1e9–1e14.
    expect(Math.abs(beta[0]!)).toBeGreaterThan(100);
    for (let j = 0; j < arm.xObs.p; j++) expect(cov[j * arm.xObs.p + j]!).toBeGreaterThan(1e8);
    const rng = createRandom(11);
    let ones = 0;
    for (let d = 0; d < 4000; d++) ones += imputeLogreg(arm.yObs, design(arm.xObs), design(arm.xMis), rng)[0]!;
    const share = ones / 4000;
    expect(Math.abs(share - 0.50825)).toBeLessThan(4 * Math.hypot(0.0079, Math.sqrt((share * (1 - share)) / 4000)));
  });
});

describe('a logreg fit that cannot be computed', () => {
  it('is an HtaError naming the column, not a stack trace', () => {
    // A predictor so large that XᵀWX overflows to Infinity: no Cholesky factor, ridged or not.
    const n = 12;
    const huge = Array.from({ length: n }, (_, i) => (i % 2 ? 1e200 : -1e200) * (1 + i));
    const sex = Array.from({ length: n }, (_, i) => (i === 3 || i === 8 ? null : i % 3 === 0 ? 1 : 0));
    expect(() => chainedEquations([{ name: 'x', values: huge }, { name: 'sexM', values: sex, method: 'logreg' }], { m: 1, seed: 1 })).toThrowError(
      expect.objectContaining({ code: 'analysis.failed', message: expect.stringMatching(/^Column sexM could not be imputed: the logistic imputation model could not be fitted/) }),
    );
  });
});
