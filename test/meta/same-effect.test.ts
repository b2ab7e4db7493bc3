/**
 * One trial entered twice in two forms (docs/input-studies.md, "One trial, one name"): arm
 * summaries under one name and the CI computed from them under another, an SE under one and a CI
 * under another. Compared as (estimate, SE) within the rounding of the digits each row gives.
 */
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parseStudies } from '../../src/meta/read-studies.js';

const HEAD = 'study,outcome,time,measure,n_intervention,mean_intervention,sd_intervention,n_control,mean_control,sd_control,events_intervention,events_control,difference,ci_lower,ci_upper,se';
const warningsOf = (...rows: string[]) => parseStudies(parseCsvText([HEAD, ...rows].join('\n'), 'two-forms.csv')).warnings;

describe('the same result in two forms is warned about, as the same result written alike is', () => {
  it('t8.csv: arm summaries and their CI under another name; an SE and its CI under another name', () => {
    const w = warningsOf(
      'Sandal 2021,rmdq,3m,,120,7.9,5.1,118,9.0,5.4,,,,,,',
      'Rasmussen 2022,rmdq,3m,,64,8.4,4.8,66,9.1,5.0,,,,,,',
      'Sandal 2023 (2-year follow-up paper),rmdq,3m,,,,,,,,,,-1.1,-2.43,0.23,',
      'Jensen 2020,rmdq,3m,,,,,,,,,,-0.5,,,0.4',
      'Jensen 2020b,rmdq,3m,,,,,,,,,,-0.5,-1.28,0.28,',
    );
    expect(w).toHaveLength(2);
    // √(5.1²/120 + 5.4²/118) = 0.681; (0.23 + 2.43) / 3.92 = 0.679: equal within the rounding of the SDs and bounds.
    expect(w[0]).toMatch(/^rmdq 3m: Sandal 2023 \(2-year follow-up paper\) \(line 4, estimate and 95% CI\) and Sandal 2021 \(line 2, arm summaries\) give the same estimate and SE .*-1\.1, SE 0\.679 and -1\.1, SE 0\.681.*counts twice$/);
    expect(w[1]).toMatch(/^rmdq 3m: Jensen 2020b \(line 6, estimate and 95% CI\) and Jensen 2020 \(line 5, estimate and SE\)/);
  });

  it('events and the risk ratio with its CI computed from them', () => {
    // RR = (41/120)/(55/118) = 0.733, SE(log) = 0.1605: 0.73 [0.54, 1.00] as a paper prints it.
    const w = warningsOf('A 2019,med_use,3m,RR,120,,,118,,,41,55,,,,', 'A 2019 follow-up,med_use,3m,RR,,,,,,,,,0.73,0.54,1.00,');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/A 2019 follow-up \(line 3, estimate and 95% CI\) and A 2019 \(line 2, events\)/);
  });

  it('is silent when the SE differs beyond rounding, or the estimate does', () => {
    expect(warningsOf('Jensen 2020,rmdq,3m,,,,,,,,,,-0.5,,,0.45', 'Jensen 2020b,rmdq,3m,,,,,,,,,,-0.5,-1.28,0.28,')).toEqual([]);
    expect(warningsOf('Sandal 2021,rmdq,3m,,120,7.9,5.1,118,9.0,5.4,,,,,,', 'Other 2023,rmdq,3m,,,,,,,,,,-1.3,-2.63,0.03,')).toEqual([]);
  });
});
