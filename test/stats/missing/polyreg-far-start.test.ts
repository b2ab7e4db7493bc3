/**
 * A warm start far from the maximum (another chain's fit: mice-polyreg.ts multinomialFit): a full
 * Newton step from there overshoots; halved until the log-likelihood rises, the fit reaches the
 * same maximum as from β = 0, whose probabilities are nnet::multinom's (test/reference/mice-polyreg.R).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { polyregProbabilities } from '../../../src/stats/missing/mice-polyreg.js';
import { designOfRows } from '../../../src/stats/missing/mice-norm.js';

const ref = JSON.parse(readFileSync('test/reference/mice-polyreg.json', 'utf8'));
const y: (number | null)[] = ref.y;
const rows = y.map((_, i) => (ref.x as number[][]).map((col) => col[i]!));
const obs = y.flatMap((v, i) => (v === null ? [] : [i]));
const mis = y.flatMap((v, i) => (v === null ? [i] : []));
const yObs = obs.map((i) => y[i]!);
const xObs = designOfRows(obs.map((i) => rows[i]!));
const xMis = designOfRows(mis.map((i) => rows[i]!));

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
