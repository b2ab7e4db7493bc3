import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { tQuantile } from '../../src/stats/distributions.js';

const stdlibQuantile = createRequire(import.meta.url)('@stdlib/stats-base-dists-t-quantile') as (p: number, df: number) => number;

describe('tQuantile (cached)', () => {
  it('gives the stdlib value bit for bit, on first and repeated calls', () => {
    // R: qt(0.975, 10) = 2.228138851986274
    expect(tQuantile(0.975, 10)).toBeCloseTo(2.228138851986274, 14);
    for (let round = 0; round < 2; round++) {
      // 2 × 2,143 values > CACHE_LIMIT (4,096): each round runs across a clearing of the cache.
      for (let i = 0; i < 15000; i += 7) {
        const df = 1 + i * 0.37;
        expect(tQuantile(0.975, df)).toBe(stdlibQuantile(0.975, df));
        expect(tQuantile(0.05, df)).toBe(stdlibQuantile(0.05, df));
      }
    }
  });

  it('passes degenerate arguments through', () => {
    expect(tQuantile(0, 5)).toBe(stdlibQuantile(0, 5));
    expect(Object.is(tQuantile(-0, 5), stdlibQuantile(-0, 5))).toBe(true);
    expect(tQuantile(0.5, 0)).toBeNaN();
    expect(tQuantile(0.975, Number.NaN)).toBeNaN();
  });
});
