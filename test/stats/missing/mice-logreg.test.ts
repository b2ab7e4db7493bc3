/**
 * mice's "logreg" imputation of a 0/1 column against R (test/reference/mice-logreg.R): the
 * augmented weighted fit exactly, the imputations in distribution (share of 1s per missing row
 * over 4000 draws, within 4 × the combined Monte Carlo SE of R's share and ours).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/stats/random.js';
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
  for (const name of ['ordinary', 'separated'] as const) {
    // jsonlite writes R's NA in a number vector as "NA".
    const c: Case = { ...ref[name], y: ref[name].y.map((v: unknown) => (typeof v === 'number' ? v : null)) };
    it(`${name}: the augmented fit = glm.fit's coefficients and cov.unscaled`, () => {
      const { yObs, xObs, xMis } = designs(c);
      const { beta, cov } = logregFit(yObs, xObs, xMis);
      beta.forEach((b, j) => expect(b).toBeCloseTo(c.beta[j]!, 6));
      cov.forEach((v, j) => expect(v).toBeCloseTo(c.covUnscaled[j]!, 6));
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
