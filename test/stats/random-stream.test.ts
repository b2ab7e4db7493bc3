/**
 * Every seeded analysis (bootstrap, imputation, simulation) is pinned by its stream: these values
 * were drawn by random.ts before its state moved from closure variables into typed arrays, and
 * must not change.
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/stats/random.js';

describe('createRandom', () => {
  it('draws the same stream as ever', () => {
    const r = createRandom(20240601);
    const out = [r.uniform(), r.uniform(), r.uniform(), r.int(1000), r.normal(), r.normal(), r.normal()];
    expect(out).toEqual([0.3917222209274769, 0.6087467244360596, 0.5559648850467056, 206, -0.22861592352761098, -0.29882157319036756, 0.7424469889669832]);
    const r2 = createRandom(-7);
    let s = 0;
    for (let i = 0; i < 100000; i++) s += r2.uniform();
    expect(s).toBe(49874.48886275175);
  });
});
