import { describe, expect, it } from 'vitest';
import { CERTAINTY_LEVELS, gradeCertainty } from '../../src/judge/grade-certainty.js';
import { judgeDifference } from '../../src/judge/judge-effect.js';

describe('gradeCertainty: imprecision downgrade (GRADE handbook 5.2.2)', () => {
  it('keeps every planned level when the CI does not cross the MCID', () => {
    for (const level of CERTAINTY_LEVELS) expect(gradeCertainty(level, false)).toEqual({ level, imprecise: false, downgradedForImprecision: false });
  });

  it('lowers each level one step when the CI crosses the MCID, never below very low', () => {
    expect(CERTAINTY_LEVELS.map((l) => gradeCertainty(l, true).level)).toEqual(['moderate', 'low', 'very-low', 'very-low']);
    expect(CERTAINTY_LEVELS.map((l) => gradeCertainty(l, true).downgradedForImprecision)).toEqual([true, true, true, false]);
  });

  it('without a planned level: not assessed, imprecision still flagged', () => {
    expect(gradeCertainty(undefined, true)).toEqual({ level: null, imprecise: true, downgradedForImprecision: false });
    expect(gradeCertainty(undefined, null)).toEqual({ level: null, imprecise: false, downgradedForImprecision: false });
  });

  it('no MCID or no estimate (imprecise null) is not a downgrade', () => {
    expect(gradeCertainty('high', null).level).toBe('high');
  });

  it('follows the judged row: a CI crossing +MCID or −MCID downgrades, one inside (−MCID, MCID) does not', () => {
    const mcid = 5;
    const crossesUp = judgeDifference(-4, -7, -1, mcid, 'lower-is-better'); // benefit 4 [1, 7]
    const crossesDown = judgeDifference(3, 1, 7, mcid, 'lower-is-better'); // benefit −3 [−7, −1]
    const inside = judgeDifference(-0.8, -1.5, -0.1, mcid, 'lower-is-better');
    const touches = judgeDifference(-5, -7, -5, mcid, 'lower-is-better'); // benefit [5, 7]: L = MCID, does not cross
    expect(gradeCertainty('moderate', crossesUp.imprecise).level).toBe('low');
    expect(gradeCertainty('moderate', crossesDown.imprecise).level).toBe('low');
    expect(gradeCertainty('moderate', inside.imprecise).level).toBe('moderate');
    expect(gradeCertainty('moderate', touches.imprecise).level).toBe('moderate');
  });
});
