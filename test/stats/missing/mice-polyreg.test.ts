/**
 * mice's "polyreg" imputation of a 3-level value against R (test/reference/mice-polyreg.R): the
 * augmented multinomial fit's probabilities for the missing rows (nnet's optimiser stops at a
 * relative 1e-8: to 1e-4), and the imputations in distribution (share of each level per missing
 * row over 500 draws here and 4000 in R, within 4 × the combined Monte Carlo SE of R's share and ours).
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/stats/random.js';
import { imputePolyreg, polyregProbabilities } from '../../../src/stats/missing/mice-polyreg.js';
import { designOfRows } from '../../../src/stats/missing/mice-norm.js';
import { mis, ref, xMis, xObs, yObs } from './polyreg-reference.js';


describe('polyreg imputation (= mice.impute.polyreg)', () => {
  it("the augmented multinomial fit's probabilities = nnet::multinom's", () => {
    const probs = polyregProbabilities(yObs, xObs, xMis, 3);
    (ref.probabilities as number[][]).forEach((row, i) => row.forEach((p, l) => expect(probs[i * 3 + l]).toBeCloseTo(p, 4)));
  });

  it("each missing row's share of each level = R's, within Monte Carlo error", () => {
    // 500 draws here (each refits, as in the chained equations), 4000 in R.
    const draws = 500;
    const rng = createRandom(5);
    const counts = mis.map(() => [0, 0, 0]);
    for (let d = 0; d < draws; d++) imputePolyreg(yObs, xObs, xMis, 3, rng).forEach((l, i) => counts[i]![l]!++);
    counts.forEach((c, i) =>
      c.forEach((k, l) => {
        const share = k / draws;
        const se = Math.hypot(ref.shareSe[i][l], Math.sqrt((share * (1 - share)) / draws));
        expect(Math.abs(share - ref.share[i][l])).toBeLessThan(4 * se);
      }),
    );
  });

  it('imputes the only level observed', () => {
    expect(imputePolyreg([2, 2, 2], designOfRows([[1], [2], [3]]), designOfRows([[4], [5]]), 3, createRandom(1))).toEqual([2, 2]);
  });
});
