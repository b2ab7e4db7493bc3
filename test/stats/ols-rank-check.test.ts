/**
 * ols.ts's rank check (|Rⱼⱼ| < 1e-7·‖Xⱼ‖, R's dqrdc2 rule) told from R where a column is clearly
 * independent, so a cold fit does not call Math.hypot n times per column
 * (docs/architecture.md#the-cost-of-a-cold-regeneration); a column near the tolerance is still
 * decided on ‖Xⱼ‖ computed from X, so every decision is the one before.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ols } from '../../src/stats/ols.js';

afterEach(() => {
  vi.restoreAllMocks();
});

/** n rows of (1, 1000 + δ·(±1)): column 2's angle to the intercept is δ/1000 (its Rⱼⱼ / ‖Xⱼ‖). */
function nearIntercept(n: number, delta: number): number[][] {
  return Array.from({ length: n }, (_, i) => [1, 1000 + delta * (i % 2 ? 1 : -1)]);
}
const y = (n: number) => Array.from({ length: n }, (_, i) => ((i * 7919) % 13) / 3);

describe('ols rank check', () => {
  it('a clearly independent design: no column norm computed from X', () => {
    const hypot = vi.spyOn(Math, 'hypot');
    const X = Array.from({ length: 200 }, (_, i) => [1, i % 2, ((i * 31) % 17) - 8, Math.sin(i)]);
    const fit = ols(X, y(200));
    expect(fit.rank).toBe(4);
    expect(hypot).not.toHaveBeenCalled();
  });

  it('a column near the tolerance is decided on its norm from X, as before: 1.5e-7 kept, 0.5e-7 refused', () => {
    const hypot = vi.spyOn(Math, 'hypot');
    const kept = ols(nearIntercept(40, 1.5e-4), y(40), ['(Intercept)', 'dose']);
    expect(kept.rank).toBe(2);
    expect(hypot).toHaveBeenCalled();
    expect(() => ols(nearIntercept(40, 0.5e-4), y(40), ['(Intercept)', 'dose'])).toThrow("singular design: column 'dose' is collinear with '(Intercept)'");
  });

  it('columns at scales whose squares leave a double (1e-200, 1e+200) are decided from X', () => {
    const hypot = vi.spyOn(Math, 'hypot');
    const X = Array.from({ length: 30 }, (_, i) => [1e-200, 1e-200 * (i % 3), 1e200 * ((i * 7) % 5)]);
    expect(ols(X, y(30)).rank).toBe(3);
    expect(hypot).toHaveBeenCalled();
  });
});
