/**
 * PMM orders the observed rows by predicted value, ties in their shuffled order, without a
 * comparator: the keys sorted once (mice-pmm.ts's sortTieGroups), then each shuffled row placed
 * at the next free slot of its tie group (placeByTieGroup). The donors, and so every imputed
 * value, depend on that order, ties included. Checked against the built-in stable sort.
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/stats/random.js';
import { imputePmmPrepared, placeByTieGroup, preparePmm, sortTieGroups } from '../../../src/stats/missing/mice-pmm.js';
import { designOfRows } from '../../../src/stats/missing/mice-norm.js';

describe('sortTieGroups + placeByTieGroup', () => {
  it('orders rows as Array.prototype.sort((a, b) => key[a] − key[b]) does on their shuffled order, ties kept in it', () => {
    const rng = createRandom(11);
    for (const n of [0, 1, 2, 15, 16, 17, 33, 64, 200, 431]) {
      for (const distinct of [3, 50, 1e6]) {
        const key = Float64Array.from({ length: n }, () => (rng.int(distinct) - distinct / 2) / 7);
        if (n > 3) key[1] = -0; // −0 and 0 compare equal
        const start = Array.from({ length: n }, (_, i) => i);
        for (let i = n - 1; i > 0; i--) {
          const j = rng.int(i + 1);
          [start[i], start[j]] = [start[j]!, start[i]!];
        }
        const expected = [...start].sort((a, b) => key[a]! - key[b]!);
        const sorted = new Float64Array(n);
        const groupStart = new Int32Array(n);
        sortTieGroups(key, n, sorted, groupStart);
        const placed = new Int32Array(n);
        placeByTieGroup(Int32Array.from(start), groupStart, n, placed, new Int32Array(n));
        expect(Array.from(placed)).toEqual(expected);
        // The sorted keys are the keys in that order (=== : ±0 alike).
        expect(expected.every((row, i) => key[row] === sorted[i])).toBe(true);
      }
    }
  });
});

describe('Random.skip', () => {
  it('advances the stream as that many int() calls', () => {
    const a = createRandom(5);
    const b = createRandom(5);
    a.normal();
    b.normal(); // leaves a cached spare deviate, which skip must keep
    for (let i = 0; i < 37; i++) a.int(i + 1);
    b.skip(37);
    expect([b.normal(), b.uniform(), b.int(1000)]).toEqual([a.normal(), a.uniform(), a.int(1000)]);
  });
});

describe('imputePmmPrepared', () => {
  it('skipping the shuffle when no tie group mixes y values gives the donors and stream of the full shuffle', () => {
    for (const seed of [1, 2, 3]) {
      const g = createRandom(seed);
      // Copies of 40 "patients" (a bootstrap sample): ties in ŷ, but each tie group one y.
      const patients = Array.from({ length: 40 }, () => ({ u: g.int(5) / 4, c: g.normal(), y: g.normal() }));
      const rows = Array.from({ length: 90 }, () => patients[g.int(40)]!);
      const xObs = designOfRows(rows.map((r) => [r.u, r.c]));
      const xMis = designOfRows(Array.from({ length: 25 }, () => [g.int(5) / 4, g.normal()]));
      const n = rows.length;
      const prep = preparePmm(Float64Array.from(rows, (r) => r.y), xObs, { sortedYhat: new Float64Array(n), groupStart: new Int32Array(n), yByPosition: new Float64Array(n) });
      expect(prep.yByPosition).toBeDefined();
      const a = createRandom(seed + 10);
      const b = createRandom(seed + 10);
      const skipped = imputePmmPrepared(prep, xMis, a, 5);
      const shuffled = imputePmmPrepared({ ...prep, yByPosition: undefined }, xMis, b, 5);
      expect(skipped).toEqual(shuffled);
      expect(a.uniform()).toBe(b.uniform());
    }
  });
});
