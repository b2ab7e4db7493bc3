/**
 * A long export's visit values and a wide export's suffixes are read one way (found in review:
 * "3 mnd" and "_3mnd" were read differently): `visitLabel` defers to wide-visits.ts's `namedVisit`.
 */
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan, visitLabel } from '../../src/plan/draft-plan.js';
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

describe('visit numbers a float column writes (pandas: 0.0, 6.0 once a visit left empty made the column float)', () => {
  // An explorer's weeks 0.0/6.0/13.0/26.0/39.0 "said no time hta can read", and plan init stopped
  // without a baseline; the same file with 0/6/13/26/39 was drafted. Now they read as the integers.
  it('"0.0" is the baseline, "1.5" no visit number', () => {
    expect(visitLabel('0.0')).toBe('baseline');
    expect(visitLabel('0')).toBe('baseline');
    expect(visitLabel('1.5')).toBe('1.5');
  });

  it('plan init drafts the same visits as for the integers, keyed by the export\'s own 6.0', () => {
    const file = (time: (w: number) => string) =>
      ['id,arm,time,rmdq', ...[1, 2, 3, 4].flatMap((p) => [0, 6, 13, 26].map((w) => `P${p},${p % 2 ? 'app' : 'usual'},${time(w)},${(p + w) % 24}`))].join('\n') + '\n';
    const ints = draftPlan(parseCsvText(file((w) => String(w)), 'ints.csv'), 'plan.schema.json');
    const floats = draftPlan(parseCsvText(file((w) => `${w}.0`), 'floats.csv'), 'plan.schema.json');
    expect(floats.undecided).toEqual([]);
    expect(floats.plan.allTimepoints).toEqual(ints.plan.allTimepoints);
    expect(floats.plan.timepoints).toEqual(ints.plan.timepoints);
    expect(ints.plan.timeLabels).toEqual({ 0: 'baseline', 6: '6w', 13: '13w', 26: '26w' });
    expect(floats.plan.timeLabels).toEqual({ '0.0': 'baseline', '6.0': '6w', '13.0': '13w', '26.0': '26w' });
  });
});
