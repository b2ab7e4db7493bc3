/**
 * A long export's visit values and a wide export's suffixes are read one way (found in review:
 * "3 mnd" and "_3mnd" were read differently): `visitLabel` defers to wide-visits.ts's `namedVisit`.
 */
import { describe, expect, it } from 'vitest';
import { visitLabel } from '../../src/plan/draft-plan.js';
import { namedVisit } from '../../src/plan/wide-visits.js';

describe('visit values of a long export', () => {
  it.each([
    ['basis', 'baseline'], ['Før', 'baseline'], ['Baseline', 'baseline'], ['baseline_arm_1', 'baseline'], ['0', 'baseline'],
    ['3 mnd', '3m'], ['3 måneder', '3m'], ['6 uger', '6w'], ['1 år', '1y'], ['12m', '12m'], ['3_months_arm_1', '3m'],
  ])('%j → %j', (value, label) => {
    expect(visitLabel(value)).toBe(label);
  });

  it('reads as the same suffix of a wide export does', () => {
    for (const v of ['basis', 'før', '3mnd', '6uger', '1år', '12mdr']) expect(visitLabel(v)).toBe(namedVisit(v)!.label);
  });
});
