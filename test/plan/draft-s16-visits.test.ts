// Visits written as bare numbers, long and wide (test/fixtures/exports/plan-init-s16/README.md):
// one reading for both layouts, the unit assumed said with the labels for the other
// (docs/plan-trial.md "Visits of a wide export").
import { describe, expect, it } from 'vitest';
import { readCsvFile } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { bareNumberUnit } from '../../src/plan/wide-visits.js';

const DIR = 'test/fixtures/exports/plan-init-s16/';

describe('visits 0/12/26/52', () => {
  const long = draftPlan(readCsvFile(`${DIR}stata-long-0-12-26-52.csv`), 'plan.schema.json');
  const wide = draftPlan(readCsvFile(`${DIR}spss-wide-0-12-26-52.csv`), 'plan.schema.json');
  it('are drafted as weeks in a long export and in a wide one alike', () => {
    for (const d of [long, wide]) {
      expect(d.plan.timeLabels).toEqual({ '0': 'baseline', '12': '12w', '26': '26w', '52': '52w' });
      expect(d.plan.timepoints).toEqual(['12w', '26w', '52w']);
    }
  });
  it('say what was assumed and how to write months instead', () => {
    const said = 'read as weeks (12w, 26w, 52w), as 26 and 52 are a half-year and a year in weeks. If they are months, write {"12": "12m", "26": "26m", "52": "52m"} in "timeLabels"';
    expect(long.checks.join('\n')).toContain(`visits "12", "26", "52" are bare numbers: ${said}`);
    expect(wide.checks.join('\n')).toContain(`visit suffixes _12, _26, _52 say no unit: ${said}`);
  });
});

it('bare numbers are weeks only when one above 24 is no whole number of years in months', () => {
  expect([[12, 26, 52], [6, 26], [3, 6, 12], [6, 12, 24], [12, 36], [4, 8, 12]].map(bareNumberUnit)).toEqual(['w', 'w', 'm', 'm', 'm', 'm']);
});
