/**
 * A warm start far from the maximum (another chain's fit: mice-polyreg.ts multinomialFit): a full
 * Newton step from there overshoots; halved until the log-likelihood rises, the fit reaches the
 * same maximum as from β = 0, whose probabilities are nnet::multinom's (test/reference/mice-polyreg.R).
 */
import { describe, expect, it } from 'vitest';
import { polyregProbabilities } from '../../../src/stats/missing/mice-polyreg.js';
import { ref, xMis, xObs, yObs } from './polyreg-reference.js';


describe('polyreg fit from a far warm start', () => {
  // From both, a full Newton step lowers the log-likelihood: without the guard the fit never reaches the maximum.
  for (const start of [3, 6]) {
    it(`reaches the maximum R finds, as from β = 0 (start ±${start})`, () => {
      const far = { beta: Float64Array.from({ length: 2 * xObs.p }, (_, j) => (j % 2 ? -start : start)) };
      const probs = polyregProbabilities(yObs, xObs, xMis, 3, far);
      (ref.probabilities as number[][]).forEach((row, i) => row.forEach((p, l) => expect(probs[i * 3 + l]).toBeCloseTo(p, 4)));
    });
  }
});
