/**
 * Degenerate inputs the fitters must handle without throwing or returning silent wrong numbers.
 */
import { describe, expect, it } from 'vitest';
import { randomEffects } from '../../../src/stats/meta/random-effects.js';
import { fixedEffect } from '../../../src/stats/meta/fixed-effect.js';

describe('HKSJ with identical study estimates', () => {
  it('falls back to the z interval with a warning instead of a zero-width interval', () => {
    const fit = randomEffects([0.2, 0.2, 0.2], [0.01, 0.02, 0.03], { hksj: true });
    expect(fit.ciMethod).toBe('z');
    expect(fit.df).toBeNull();
    expect(fit.ciUpper - fit.ciLower).toBeGreaterThan(0);
    expect(fit.warnings).toEqual([
      'Hartung–Knapp–Sidik–Jonkman scale factor is 0 (all study estimates identical); the z interval is shown instead',
    ]);
  });
});

describe('argument validation names the offending study', () => {
  it('rejects a missing or non-positive variance and mismatched lengths', () => {
    expect(() => randomEffects([1, 2], [0.1, 0])).toThrow(/study 2 is 0/);
    expect(() => fixedEffect([1, 2], [0.1])).toThrow(/yi has 2 values but vi has 1/);
    expect(() => randomEffects([], [])).toThrow(/no studies/);
  });
});
