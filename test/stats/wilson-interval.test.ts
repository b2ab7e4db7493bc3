import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../src/stats/wilson-interval.js';
import { expectClose } from '../support/tolerance.js';
import { binaryFixture } from './binary.fixture.js';

describe('wilsonInterval = prop.test(x, n, correct = FALSE)$conf.int (test/reference/binary.R)', () => {
  for (const c of binaryFixture.wilson) {
    it(`${c.x}/${c.n}, ${c.confLevel * 100}%`, () => {
      const r = wilsonInterval(c.x, c.n, c.confLevel);
      expectClose(r.lower, c.lower);
      expectClose(r.upper, c.upper);
    });
  }
  it('reproduces the doc-comment example', () => {
    const r = wilsonInterval(7, 10);
    expect(r.lower.toFixed(7)).toBe('0.3967781');
    expect(r.upper.toFixed(7)).toBe('0.8922087');
    expect(r).toMatchObject({ method: 'wilson-score', continuityCorrection: false, proportion: 0.7 });
  });
  it('rejects impossible counts', () => {
    expect(() => wilsonInterval(11, 10)).toThrow('events must be a whole number between 0 and 10 (the number of patients), got 11');
    expect(() => wilsonInterval(0, 0)).toThrow(/at least 1/);
  });
});
