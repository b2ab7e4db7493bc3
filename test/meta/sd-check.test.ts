/**
 * The SD-far-below-the-others rule (docs/input-studies.md, "Arm summaries: an SD far below the
 * others"): below ¼ of the median of the other studies' SDs of the same outcome × time.
 */
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parseStudies } from '../../src/meta/read-studies.js';
import { smallSdWarnings } from '../../src/meta/sd-check.js';

const HEAD = 'study,outcome,time,subgroup,n_intervention,mean_intervention,sd_intervention,n_control,mean_control,sd_control';
const warn = (...rows: string[]) => smallSdWarnings(parseStudies(parseCsvText([HEAD, ...rows].join('\n'), 's.csv')).records);

describe('smallSdWarnings', () => {
  it('names the study, its line, the arm and SE × √n; only the arm that is far below', () => {
    const w = warn('A,rmdq,3m,,100,6,5,100,7,5', 'B,rmdq,3m,,25,6,1.2,25,7,4');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/^rmdq 3m: B \(line 3\), sd_intervention 1\.2 is below a quarter of the other studies' median SD of this outcome and time \(5\); .* = 1\.2 × √25 = 6 — /);
  });

  it('is silent at a quarter and above, for one study alone, and between outcomes or times', () => {
    expect(warn('A,rmdq,3m,,100,6,4,100,7,4', 'B,rmdq,3m,,25,6,1,25,7,1')).toEqual([]);
    expect(warn('A,rmdq,3m,,100,6,0.4,100,7,0.5')).toEqual([]);
    expect(warn('A,rmdq,3m,,100,6,5,100,7,5', 'B,pain,3m,,25,6,0.5,25,7,0.5', 'C,rmdq,9m,,25,6,0.5,25,7,0.5')).toEqual([]);
  });

  it('does not compare the subgroups of one study with each other', () => {
    expect(warn('A,rmdq,3m,men,100,6,5,100,7,5', 'A,rmdq,3m,women,100,6,0.5,100,7,0.5')).toEqual([]);
  });

  it('does not run for SMDs, whose studies differ in scale by design (t7.csv: two 0–10 studies, one 0–100)', () => {
    const smd = 'study,outcome,time,measure,n_intervention,mean_intervention,sd_intervention,n_control,mean_control,sd_control';
    const rows = ['A 2019,pain,3m,SMD,120,4.1,2.1,118,4.9,2.3', 'B 2022,pain,3m,SMD,20,38,21,22,51,19', 'C 2023,pain,3m,SMD,210,3.2,1.9,205,3.4,2.0'];
    expect(smallSdWarnings(parseStudies(parseCsvText([smd, ...rows].join('\n'), 's.csv')).records)).toEqual([]);
    // The same rows as mean differences are one scale by contract: still checked.
    expect(smallSdWarnings(parseStudies(parseCsvText([smd, ...rows.map((r) => r.replace(',SMD,', ',MD,'))].join('\n'), 's.csv')).records)).toHaveLength(4);
  });
});
