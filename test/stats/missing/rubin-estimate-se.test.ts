/**
 * The CEA pools its imputations with rubinEstimateSe instead of poolRubin (whose t interval it
 * does not report, and whose t quantile is slow to load): the same estimate and SE, bit for bit,
 * and the same errors.
 */
import { describe, expect, it } from 'vitest';
import { poolRubin, rubinEstimateSe } from '../../../src/stats/missing/rubin-rules.js';
import { createRandom } from '../../../src/stats/random.js';

describe('rubinEstimateSe', () => {
  it("equals poolRubin's estimate and se bit for bit", () => {
    const rng = createRandom(3);
    for (const m of [2, 3, 5, 20, 50]) {
      for (let rep = 0; rep < 20; rep++) {
        const scale = 10 ** (rng.int(9) - 4);
        const q = Array.from({ length: m }, () => scale * (1 + rng.normal()));
        const u = Array.from({ length: m }, () => (scale * rng.uniform()) ** 2);
        const a = rubinEstimateSe(q, u);
        const b = poolRubin(q, u, 1 + rng.int(500));
        expect(Object.is(a.estimate, b.estimate) && Object.is(a.se, b.se)).toBe(true);
      }
    }
  });

  it('throws as poolRubin does', () => {
    for (const [q, u] of [[[1], [1]], [[1, 2], [1]], [[1, NaN], [1, 1]], [[1, 2], [1, -1]]] as const) {
      expect(() => rubinEstimateSe(q, u)).toThrow((() => { try { poolRubin(q, u, 10); } catch (e) { return (e as Error).message; } return 'no error'; })());
    }
  });
});
