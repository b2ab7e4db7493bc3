/**
 * An SMD may not mix change scores and final values (docs/input-studies.md, "SMD: change scores
 * and final values"; Cochrane Handbook v6, §10.5.2): smd2.csv has Park 2023's changes (−12.1,
 * −4.0 on RMDQ 0–24) beside final values.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { parseCsvText, readCsvFile } from '../../src/io/read-csv.js';
import { metaAnalyze } from '../../src/meta/meta-analyze.js';
import { parseStudies } from '../../src/meta/read-studies.js';
import { warningDa } from '../../src/meta/warnings-da.js';

const smd2 = () => parseStudies(readCsvFile(resolve(__dirname, '../fixtures/meta-typed/smd2.csv')));

describe('SMD: change scores beside final values', () => {
  it('refuses the rows the known scale shows to be changes (smd2.csv), naming the final-value rows', () => {
    let err: unknown;
    try {
      metaAnalyze(smd2(), { version: 'test' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HtaError);
    const ps = (err as HtaError).problems;
    expect(ps.map((p) => [p.line, p.field, p.value, p.kind])).toEqual([[5, 'mean_intervention', '-12.1', 'meta.smd-change-and-final']]);
    expect(ps[0]?.expected).toMatch(/Sandal 2021 \(line 2\), Chen 2022 \(line 3\), Toelle 2019 \(line 4\).*below the bottom of RMDQ 0–24.*§10\.5\.2/);
  });

  it('names the control arm\'s mean when only it is below the scale (chg.csv: B 2021, mean_control −2.0)', () => {
    const csv = readCsvFile(resolve(__dirname, '../fixtures/meta-typed/chg.csv'));
    let err: unknown;
    try {
      metaAnalyze(parseStudies(csv), { version: 'test' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HtaError);
    expect((err as HtaError).problems.map((p) => [p.line, p.column, p.field, p.value])).toEqual([[3, 9, 'mean_control', '-2.0']]);
  });

  it('pools the same rows as a mean difference, which may mix them', () => {
    const t = smd2();
    const md = { ...t, records: t.records.map((r) => ({ ...r, measure: 'MD' as const })) };
    expect(metaAnalyze(md, { version: 'test' }).pooled.length).toBeGreaterThan(0);
  });

  it('warns on an outcome with no known scale when some rows\' means are all negative and others all positive; in Danish too', () => {
    const csv = ['study,outcome,time,measure,n_intervention,mean_intervention,sd_intervention,n_control,mean_control,sd_control', 'A,foo,3m,SMD,50,7.2,5.1,50,8.0,5.3', 'B,foo,3m,SMD,25,-12.1,9.0,24,-4.0,10.2'].join('\n');
    const w = metaAnalyze(parseStudies(parseCsvText(csv, 'x.csv')), { version: 'test' }).warnings.filter((x) => x.includes('§10.5.2'));
    expect(w).toEqual(['foo 3m (SMD): the means of B (line 3) are negative and those of A (line 2) positive — if some are changes from baseline and others final values, an SMD cannot pool them (their SDs differ: Cochrane Handbook v6, §10.5.2): enter all one way, or pool a mean difference']);
    expect(warningDa(w[0]!)).toMatch(/^foo 3m \(SMD\): gennemsnittene i B \(linje 3\) er negative og i A \(linje 2\) positive/);
  });
});
