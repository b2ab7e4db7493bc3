/**
 * The SD-far-below-the-others rule (docs/input-studies.md, "Arm summaries: an SD far from the
 * others"): below ¼ of the median of the other studies' SDs of the same outcome × time.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvText, readCsvFile } from '../../src/io/read-csv.js';
import { parseStudies } from '../../src/meta/read-studies.js';
import { smallSdWarnings } from '../../src/meta/sd-check.js';
import { metaAnalyze } from '../../src/meta/meta-analyze.js';
import { warningDa } from '../../src/meta/warnings-da.js';

const HEAD = 'study,outcome,time,subgroup,n_intervention,mean_intervention,sd_intervention,n_control,mean_control,sd_control';
const warn = (...rows: string[]) => smallSdWarnings(parseStudies(parseCsvText([HEAD, ...rows].join('\n'), 's.csv')).records);

describe('smallSdWarnings', () => {
  it('names the study, its line, the arm and SE × √n; only the arm that is far below', () => {
    const w = warn('A,rmdq,3m,,100,6,5,100,7,5', 'B,rmdq,3m,,25,6,1.2,25,7,4');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/^rmdq 3m: B \(line 3\), sd_intervention 1\.2 is below a quarter of the other studies' median SD of this outcome and time \(5\); .* = 1\.2 × √25 = 6 — /);
  });

  it('is silent at a quarter and above, for one study alone, and between outcomes or times', () => {
    expect(warn('A,rmdq,3m,,100,6,4,100,7,4', 'B,rmdq,3m,,400,6,1,400,7,1')).toEqual([]);
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
    const md = smallSdWarnings(parseStudies(parseCsvText([smd, ...rows.map((r) => r.replace(',SMD,', ',MD,'))].join('\n'), 's.csv')).records);
    // The 0–100 study's SDs (21, 19) look like variances beside the others' 2: also said.
    expect(md.map((w) => /\(line (\d)\), (sd_\w+) [\d.]+ is (below a quarter|above 3 times)/.exec(w)?.slice(1))).toEqual([
      ['2', 'sd_intervention', 'below a quarter'], ['2', 'sd_control', 'below a quarter'], ['3', 'sd_intervention', 'above 3 times'], ['3', 'sd_control', 'above 3 times'], ['4', 'sd_intervention', 'below a quarter'], ['4', 'sd_control', 'below a quarter'],
    ]);
  });

  it('a small trial (n ≤ 16, where an SE is at most 4 times below its SD): warned when the SD read as an SE fits the others better (small.csv)', () => {
    const w = warn('Sandal 2021,rmdq,3m,,232,7.2,5.1,229,8.0,5.3', 'Chen 2022,rmdq,3m,,64,8.4,4.8,66,9.1,5.0', 'Toelle 2019,rmdq,3m,,48,6.1,4.2,46,8.3,4.6', 'Nord 2020,rmdq,3m,,12,6.0,1.4,12,8.5,1.5');
    expect(w).toEqual([
      "rmdq 3m: Nord 2020 (line 5), sd_intervention 1.4 is below half the other studies' median SD of this outcome and time (4.9), and read as a standard error it fits them better: SE × √n = 1.4 × √12 = 4.85 — check the paper; an SE read as an SD gives the study far too much weight",
      "rmdq 3m: Nord 2020 (line 5), sd_control 1.5 is below half the other studies' median SD of this outcome and time (4.9), and read as a standard error it fits them better: SE × √n = 1.5 × √12 = 5.2 — check the paper; an SE read as an SD gives the study far too much weight",
    ]);
    // Half the others' SD in a trial of 100: read as an SE it would be far off (× 10), so not warned.
    expect(warn('A,rmdq,3m,,100,6,5,100,7,5', 'B,rmdq,3m,,100,6,2.4,100,7,2.4')).toEqual([]);
  });

  it('compares an arm-summary row with the SD per patient the other rows\' 95% CIs imply (sesd2.csv)', () => {
    const head = 'study,outcome,time,difference,ci_lower,ci_upper,n_intervention,mean_intervention,sd_intervention,n_control,mean_control,sd_control';
    const rows = ['Sandal 2021,rmdq,3m,-0.79,-1.51,-0.06,232,,,229,,', 'Toelle 2019,rmdq,3m,-1.9,-3.4,-0.4,48,,,46,,', 'Park 2023,rmdq,3m,,,,50,6.1,0.62,52,7.9,0.70'];
    const w = smallSdWarnings(parseStudies(parseCsvText([head, ...rows].join('\n'), 's.csv')).records);
    // Implied SDs: 1.45 / 3.92 / √(1/232 + 1/229) = 3.97 and 3.0 / 3.92 / √(1/48 + 1/46) = 3.71; median 3.84.
    expect(w.map((x) => x.slice(0, 120))).toEqual([
      "rmdq 3m: Park 2023 (line 4), sd_intervention 0.62 is below a quarter of the other studies' median SD of this outcome and time (3.84)",
      "rmdq 3m: Park 2023 (line 4), sd_control 0.7 is below a quarter of the other studies' median SD of this outcome and time (3.84); ",
    ].map((x) => x.slice(0, 120)));
  });

  it('a variance typed as an SD, far above the others (var.csv)', () => {
    const w = warn('Sandal 2021,rmdq,3m,,232,7.2,5.1,229,8.0,5.3', 'Chen 2022,rmdq,3m,,64,8.4,4.8,66,9.1,5.0', 'Toelle 2019,rmdq,3m,,48,6.1,4.2,46,8.3,4.6', 'Park 2023,rmdq,3m,,50,6.1,17.64,52,7.9,19.36');
    expect(w).toEqual([
      "rmdq 3m: Park 2023 (line 5), sd_intervention 17.64 is above 3 times the other studies' median SD of this outcome and time (4.9); if it is the variance, the SD is √17.64 = 4.2 — a variance read as an SD takes the study's weight away",
      "rmdq 3m: Park 2023 (line 5), sd_control 19.36 is above 3 times the other studies' median SD of this outcome and time (4.9); if it is the variance, the SD is √19.36 = 4.4 — a variance read as an SD takes the study's weight away",
    ]);
  });

  it('an SD above the largest possible on the instrument\'s scale, (max − min) / 2, even alone; in Danish too', () => {
    const t = parseStudies(parseCsvText([HEAD, 'Park 2023,rmdq,3m,,50,6.1,17.64,52,7.9,4.4'].join('\n'), 's.csv'));
    const w = metaAnalyze(t, { version: 'test' }).warnings.filter((x) => x.includes('largest SD'));
    expect(w).toEqual(['rmdq 3m: Park 2023 (line 2), sd_intervention 17.64 is above the largest SD possible on the scale RMDQ 0–24, (max − min) / 2 = 12; if it is the variance, the SD is √17.64 = 4.2']);
    expect(warningDa(w[0]!)).toBe('rmdq 3m: Park 2023 (linje 2), sd_intervention 17,64 er over den største mulige SD på skalaen RMDQ 0–24, (maks − min) / 2 = 12; er det variansen, er SD = √17,64 = 4,2');
    // 12 × √(50/49) = 12.12 is the most 50 patients on 0–24 can have: 12.1 is not warned about.
    const ok = parseStudies(parseCsvText([HEAD, 'Park 2023,rmdq,3m,,50,6.1,12.1,52,7.9,4.4'].join('\n'), 's.csv'));
    expect(metaAnalyze(ok, { version: 'test' }).warnings.filter((x) => x.includes('largest SD'))).toEqual([]);
  });

  it('one warning per arm: a variance above the scale\'s largest SD is said by the scale check only (var.csv, metaAnalyze)', () => {
    const t = parseStudies(readCsvFile(resolve(__dirname, '../fixtures/meta-typed/var.csv')));
    const w = metaAnalyze(t, { version: 'test' }).warnings.filter((x) => x.includes('Park 2023'));
    expect(w.map((x) => x.split(';')[0])).toEqual([
      'rmdq 3m: Park 2023 (line 5), sd_intervention 17.64 is above the largest SD possible on the scale RMDQ 0–24, (max − min) / 2 = 12',
      'rmdq 3m: Park 2023 (line 5), sd_control 19.36 is above the largest SD possible on the scale RMDQ 0–24, (max − min) / 2 = 12',
    ]);
    // On an outcome with no known scale the rule against the other studies still says it.
    const foo = parseStudies(parseCsvText(readFileSync(resolve(__dirname, '../fixtures/meta-typed/var.csv'), 'utf8').replaceAll(',rmdq,', ',foo,'), 'foo.csv'));
    expect(metaAnalyze(foo, { version: 'test' }).warnings.filter((x) => x.includes('above 3 times'))).toHaveLength(2);
  });

  it('the new warnings read in Danish', () => {
    const w = warn('Sandal 2021,rmdq,3m,,232,7.2,5.1,229,8.0,5.3', 'Chen 2022,rmdq,3m,,64,8.4,4.8,66,9.1,5.0', 'Toelle 2019,rmdq,3m,,48,6.1,4.2,46,8.3,4.6', 'Nord 2020,rmdq,3m,,12,6.0,1.4,12,8.5,1.5', 'Park 2023,rmdq,3m,,50,6.1,17.64,52,7.9,4.4');
    const da = w.map(warningDa);
    expect(da.filter((x) => x.includes('linje'))).toHaveLength(w.length);
    expect(da).toContain('rmdq 3m: Park 2023 (linje 6), sd_intervention 17,64 er over 3 gange de andre studiers median-SD for dette effektmål og tidspunkt (4,7); er det variansen, er SD = √17,64 = 4,2 — en varians læst som SD tager studiets vægt');
  });
});
