import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { leastSquares } from '../../../src/stats/missing/least-squares.js';
import { normDraw, imputeNorm } from '../../../src/stats/missing/mice-norm.js';
import { imputePmm } from '../../../src/stats/missing/mice-pmm.js';
import { chiSquareDraw } from '../../../src/stats/missing/random-chi-square.js';
import { createRandom } from '../../../src/stats/random.js';
import { expectClose } from '../../support/tolerance.js';

const longley = JSON.parse(
  readFileSync(new URL('../../reference/missing-least-squares.json', import.meta.url), 'utf8'),
) as { x: number[][]; y: number[]; coefficients: number[]; covUnscaled: number[][]; rss: number[] };

describe('leastSquares (QR) against lm(Employed ~ ., longley)', () => {
  it('coefficients to 1e-8, (XᵀX)⁻¹ to 1e-6, RSS to 1e-8', () => {
    const fit = leastSquares(longley.x, longley.y);
    expect(fit.ridge).toBe(false);
    fit.coefficients.forEach((b, j) => expectClose(b, longley.coefficients[j]!, 1e-8));
    const p = fit.p;
    longley.covUnscaled.forEach((row, i) => row.forEach((v, j) => expectClose(fit.covUnscaled[i * p + j]!, v, 1e-6)));
    expectClose(fit.rss, longley.rss[0]!, 1e-8);
  });

  it('falls back to the mice ridge for a duplicated column instead of failing', () => {
    const x = [[1, 1, 1], [1, 2, 2], [1, 3, 3], [1, 5, 5]];
    const fit = leastSquares(x, [1, 2, 3, 5.5]);
    expect(fit.ridge).toBe(true);
    expect(fit.coefficients.every(Number.isFinite)).toBe(true);
  });
});

describe('imputation building blocks', () => {
  it('chiSquareDraw has mean ν and variance 2ν (ν = 0.7, 5, 200)', () => {
    const rng = createRandom(42);
    for (const df of [0.7, 5, 200]) {
      const n = 40000;
      const xs = Array.from({ length: n }, () => chiSquareDraw(rng, df));
      const mean = xs.reduce((a, b) => a + b, 0) / n;
      const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
      expect(Math.abs(mean - df)).toBeLessThan(5 * Math.sqrt((2 * df) / n));
      expect(Math.abs(variance / (2 * df) - 1)).toBeLessThan(0.06);
    }
  });

  it('normDraw: β* centred on β̂ with covariance σ̂²(XᵀX)⁻¹·(n−p)/(n−p−2)', () => {
    const rng = createRandom(7);
    const x = Array.from({ length: 30 }, (_, i) => [i / 10]);
    const y = x.map(([v]) => 2 + 3 * v! + rng.normal());
    const fit = leastSquares(x.map((r) => [1, ...r]), y);
    const draws = Array.from({ length: 20000 }, () => normDraw(x, y, rng).beta[1]!);
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    const variance = draws.reduce((a, b) => a + (b - mean) ** 2, 0) / (draws.length - 1);
    const df = 30 - 2;
    const expected = (fit.rss / df) * fit.covUnscaled[3]! * (df / (df - 2));
    expect(Math.abs(mean - fit.coefficients[1]!)).toBeLessThan(5 * Math.sqrt(expected / draws.length));
    expect(Math.abs(variance / expected - 1)).toBeLessThan(0.05);
  });

  it('imputePmm returns observed values near the prediction; imputeNorm is deterministic per seed', () => {
    const yObs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const xObs = yObs.map((v) => [v]);
    const out = imputePmm(yObs, xObs, [[11.5], [0]], createRandom(3), 3);
    expect(yObs).toContain(out[0]);
    expect(out[0]!).toBeGreaterThanOrEqual(9);
    expect(out[1]!).toBeLessThanOrEqual(4);
    expect(imputeNorm(yObs, xObs, [[3]], createRandom(9))).toEqual(imputeNorm(yObs, xObs, [[3]], createRandom(9)));
  });
});
