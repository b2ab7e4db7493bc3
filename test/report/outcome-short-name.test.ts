/** Short outcome names for the participant flow (docs/report-trial.md): never a scale's range. */
import { describe, expect, it } from 'vitest';
import { instrumentInLabel, outcomeShortNames } from '../../src/report/charts/outcome-short-name.js';

describe('outcome short names', () => {
  it('takes the instrument in the brackets without its range, and the label itself when the brackets hold only a range', () => {
    expect(instrumentInLabel('Disability (RMDQ 0–24)')).toBe('RMDQ');
    expect(instrumentInLabel('Quality of life (EQ-5D-5L index, DK)')).toBe('EQ-5D-5L index, DK');
    expect(instrumentInLabel('Smerteintensitet (0–10)')).toBeUndefined();
    expect(instrumentInLabel('Smerte (0–10, med decimaler)')).toBeUndefined();
    expect(instrumentInLabel('Pain (VAS 0 to 100 mm)')).toBe('VAS');
    expect(instrumentInLabel('Utility (EQ-5D −0.757–1)')).toBe('EQ-5D');
    expect(outcomeShortNames(['Smerteintensitet (0–10)', 'Fysisk funktionsniveau (RMDQ 0–24)', 'Forbrug af smertestillende medicin'])).toEqual([
      'Smerteintensitet', 'RMDQ', 'Forbrug af smertestillende medicin',
    ]);
  });

  it('names two outcomes on one instrument by their labels without the brackets', () => {
    expect(outcomeShortNames(['Average pain (NRS 0–10)', 'Worst pain (NRS 0–10)', 'Work ability (WAS 0–10)'])).toEqual(['Average pain', 'Worst pain', 'WAS']);
  });
});
