/**
 * The rounding tolerance of the centre check (interval-shape.ts) and the study-name key
 * (study-names.ts), by hand (docs/input-studies.md, "An estimate off the centre of its interval",
 * "One trial, one name").
 */
import { describe, expect, it } from 'vitest';
import { decimalsOf, intervalShape } from '../../src/meta/interval-shape.js';
import { studyKey } from '../../src/meta/study-names.js';

describe('intervalShape', () => {
  it('counts digits as written, in either decimal mark', () => {
    expect([decimalsOf('-1.51'), decimalsOf('-0,8'), decimalsOf('2'), decimalsOf('1e-3')]).toEqual([2, 1, 0, null]);
  });

  it('identity scale: |above − below| against half a unit of each bound and twice the estimate\'s', () => {
    // -0.8 [-1.3, -0.2]: 0.5 below, 0.6 above; 1 digit each: 0.05 + 0.05 + 2 × 0.05 = 0.2.
    const s = intervalShape(-0.8, -1.3, -0.2, { estimate: 1, lower: 1, upper: 1 }, 'identity');
    expect(s.below).toBeCloseTo(0.5, 12);
    expect(s.above).toBeCloseTo(0.6, 12);
    expect(s.tolerance).toBeCloseTo(0.2, 12);
    expect(s.beyondRounding).toBe(false);
    // -1.9 [-2.0, 0.2]: |2.1 − 0.1| = 2.0 > 0.2; share 2.0 / 2.2.
    const t = intervalShape(-1.9, -2.0, 0.2, { estimate: 1, lower: 1, upper: 1 }, 'identity');
    expect(t.beyondRounding).toBe(true);
    expect(t.share).toBeCloseTo(2 / 2.2, 12);
    // Rounded most favourably: (2.0 − 0.2) / (2.2 + 0.1).
    expect(t.leastShare).toBeCloseTo(1.8 / 2.3, 12);
    // 0.1 [0.0, 0.6] is lopsided as written (share 0.67) but may be 0.14 [-0.04, 0.55] (share 0.39): (0.4 − 0.2) / (0.6 + 0.1).
    const coarse = intervalShape(0.1, 0.0, 0.6, { estimate: 1, lower: 1, upper: 1 }, 'identity');
    expect(coarse.share).toBeCloseTo(0.4 / 0.6, 12);
    expect(coarse.leastShare).toBeCloseTo(0.2 / 0.7, 12);
  });

  it('log scale: the rounding of a small bound weighs more (log(x / (x − u)))', () => {
    // 0.15 [0.01, 2.74]: tolerance log(2.74/2.735) + log(0.01/0.005) + 2 log(0.15/0.145).
    const s = intervalShape(0.15, 0.01, 2.74, { estimate: 2, lower: 2, upper: 2 }, 'log');
    expect(s.tolerance).toBeCloseTo(Math.log(2.74 / 2.735) + Math.log(2) + 2 * Math.log(0.15 / 0.145), 12);
    expect(s.beyondRounding).toBe(false);
    // 0.74 [0.56, 0.98] is symmetric on the log scale, not on the identity scale.
    const d = { estimate: 2, lower: 2, upper: 2 };
    expect(intervalShape(0.74, 0.56, 0.98, d, 'log').beyondRounding).toBe(false);
    expect(intervalShape(0.74, 0.56, 0.98, d, 'identity').beyondRounding).toBe(true);
  });
});

describe('studyKey', () => {
  it('folds case, spaces, punctuation and "et al." / "m.fl.", and keeps letters and digits', () => {
    const one = ['Sandal 2021', 'Sandal et al. 2021', 'sandal, 2021', 'Sandal et al 2021', 'Sandal m.fl. 2021', 'SANDAL  2021.'];
    expect(new Set(one.map(studyKey)).size).toBe(1);
    expect(studyKey('Ødegård 2024a')).not.toBe(studyKey('Ødegård 2024b'));
    expect(studyKey('Sandal 2021a')).not.toBe(studyKey('Sandal 2021'));
    expect(studyKey('Metal 2020')).not.toBe(studyKey('Me 2020')); // "et al" only as two words
  });
});
