/**
 * A median and IQR typed into the mean and SD columns (docs/input-studies.md, "Skewed data"):
 * an arm's SD at least its mean on a scale that starts at 0 is the Altman–Bland skewness flag,
 * and a column not read whose text says "median (IQR)" is pointed at. Input: a Danish sheet
 * (semicolons, decimal commas) where Nyberg 2020 has mean 4,0, SD 6,0 against 7,0 and 7,0 and
 * its Note column says "median (IQR) - skewed".
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvText, readCsvFile } from '../../src/io/read-csv.js';
import { metaAnalyze } from '../../src/meta/meta-analyze.js';
import { parseStudies } from '../../src/meta/read-studies.js';
import { warningDa } from '../../src/meta/warnings-da.js';

const r = metaAnalyze(parseStudies(readCsvFile(resolve(__dirname, 'fixtures/dk-median-in-mean.csv'))), { version: 't' });

describe('a median and IQR in the mean and SD columns', () => {
  it('SD ≥ mean on RMDQ 0–24 is warned about, naming the row and both arms; the other rows are not', () => {
    const skew = r.warnings.filter((w) => w.includes('which starts at 0'));
    expect(skew).toEqual([
      'rmdq 3m: Nyberg 2020 (line 7), sd_intervention 6 ≥ mean_intervention 4 and sd_control 7 ≥ mean_control 7 on the scale RMDQ 0–24, which starts at 0: the data are skewed, or the cells hold a median and IQR (Altman–Bland; Cochrane Handbook v6 §10.5.3) — check the paper; a mean difference of skewed data is pooled with less certainty than it shows',
    ]);
    expect(warningDa(skew[0]!)).toMatch(/^rmdq 3m: Nyberg 2020 \(linje 7\), sd_intervention 6 ≥ mean_intervention 4 og sd_control 7 ≥ mean_control 7 på skalaen RMDQ 0–24, som starter ved 0: data er skæve/);
  });

  it('the Note column not read, which says so, is pointed at', () => {
    expect(r.warnings).toContain('column 16 "Note" (not read) says "median (IQR) - skewed" on line 7 (Nyberg 2020): if that row\'s numbers are a median and IQR, SEs or changes from baseline, they are not what their columns say — check the row against the paper');
  });

  it('changes from baseline (a negative mean) and an outcome without a known scale are not flagged', () => {
    const csv = [
      'study,outcome,time,n_intervention,mean_intervention,sd_intervention,n_control,mean_control,sd_control,comment',
      'A 2020,rmdq,3m,40,-3.1,4.5,41,-1.2,4.7,',
      'B 2021,rmdq,3m,42,-2.5,4.4,41,-1.0,4.6,',
      'C 2021,wellbeing,3m,42,2.5,4.4,41,1.0,4.6,per protocol',
      'D 2022,wellbeing,3m,50,3.5,4.1,52,2.0,4.0,',
    ].join('\n');
    const w = metaAnalyze(parseStudies(parseCsvText(csv, 'c.csv')), { version: 't' }).warnings;
    expect(w.filter((x) => x.includes('which starts at 0') || x.includes('(not read) says'))).toEqual([]);
  });

  it('a pool of changes from baseline is not flagged where a change is above 0 or 0: SD ≥ mean says nothing of skew there', () => {
    // RMDQ 0–24 changes: A's control arm got worse (+0.4), B's arms changed by +0.8 and 0 (SD ≥ mean),
    // as a paper reporting changes gives them; at 9 months final values, C's 3.0 (SD 3.5) skewed.
    const csv = [
      'study,outcome,time,n_intervention,mean_intervention,sd_intervention,n_control,mean_control,sd_control',
      'A 2020,rmdq,3m,40,-1.2,4.5,41,0.4,4.7',
      'B 2021,rmdq,3m,42,0.8,4.1,41,0,3.9',
      'C 2021,rmdq,9m,42,3.0,3.5,41,8.0,4.6',
      'D 2022,rmdq,9m,50,7.5,4.1,52,8.2,4.0',
    ].join('\n');
    const w = metaAnalyze(parseStudies(parseCsvText(csv, 'c.csv')), { version: 't' }).warnings.filter((x) => x.includes('which starts at 0'));
    expect(w).toEqual([expect.stringMatching(/^rmdq 9m: C 2021 \(line 4\), sd_intervention 3\.5 ≥ mean_intervention 3 on the scale RMDQ 0–24/)]);
  });
});
