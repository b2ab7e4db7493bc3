/**
 * PMM orders the observed rows by predicted value with its own stable sort (mice-pmm.ts's
 * stableSortByKey) instead of Array.prototype.sort with a comparator; the donors, and so every
 * imputed value, depend on that order, ties included. Checked against the built-in stable sort.
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/stats/random.js';
import { stableSortByKey } from '../../../src/stats/missing/mice-pmm.js';

describe('stableSortByKey', () => {
  it('orders indices as Array.prototype.sort((a, b) => key[a] − key[b]) does, ties kept in order', () => {
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
        const order = Int32Array.from(start);
        stableSortByKey(order, key);
        expect(Array.from(order)).toEqual(expected);
      }
    }
  });
});
