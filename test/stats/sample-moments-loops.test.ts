/**
 * sample-moments.ts and ols.ts read numeric arrays by index, not by `for … of`: a cold report
 * runs them in V8's interpreter, where each step of an array iterator is a call and an allocated
 * result (docs/architecture.md#the-cost-of-a-cold-regeneration). The sums are the same.
 */
import { describe, expect, it } from 'vitest';
import { sampleMean, sampleVariance, shiftedMean } from '../../src/stats/sample-moments.js';
import { ols } from '../../src/stats/ols.js';

/** `values` behind a proxy that counts how often an iterator is asked of it. */
function watched(values: number[]): { values: number[]; iterated: () => number } {
  let n = 0;
  const proxy = new Proxy(values, {
    get(target, key, receiver) {
      if (key === Symbol.iterator) n++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { values: proxy, iterated: () => n };
}

describe('sample moments', () => {
  it('read their values without an array iterator, with the same sums', () => {
    const w = watched([1e8 + 1, 1e8 + 2, 1e8 + 3, 1e8 + 7]);
    expect(sampleMean(w.values)).toBe(1e8 + 3.25);
    expect(shiftedMean(w.values, 1e8)).toBe(3.25);
    expect(sampleVariance(w.values)).toBe(6.916666666666667);
    expect(w.iterated()).toBe(0);
  });

  it("ols's total sum of squares reads y by index", () => {
    const w = watched([0.5, 2, 2.5, 4, 4.25]);
    const fit = ols([[1, 0], [1, 1], [1, 2], [1, 3], [1, 4]], w.values);
    expect(fit.coefficients[1]!.estimate).toBeCloseTo(0.95, 12);
    expect(w.iterated()).toBe(0);
  });
});
