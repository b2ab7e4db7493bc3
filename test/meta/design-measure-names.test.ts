/**
 * `design` and `measure` as papers write them (docs/input-studies.md, "Columns", "Cross-over
 * trials"): a cross-over's paired difference is pooled, its arm summaries refused; `randomised
 * controlled trial`, `Mean difference`, `Hedges' g` and the like are read.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvText, readCsvFile } from '../../src/io/read-csv.js';
import { metaAnalyze } from '../../src/meta/meta-analyze.js';
import { parseStudies } from '../../src/meta/read-studies.js';
import { errorOf } from '../support/error-of.js';

const read = (csv: string) => parseStudies(parseCsvText(csv, 'x.csv'));
/** The problems of the input error `run` throws. */
const refusal = (run: () => unknown) => errorOf(run).problems;

describe('cross-over trials', () => {
  it('pools a cross-over trial\'s paired difference with its CI (xo.csv)', () => {
    const t = parseStudies(readCsvFile(resolve(__dirname, '../fixtures/meta-typed/xo.csv')));
    expect(t.records.map((r) => [r.study, r.input.kind])).toEqual([['Sandal 2021', 'ci'], ['Lund 2023', 'ci'], ['Berg 2023', 'se']]);
    const r = metaAnalyze(t, { version: 'test' });
    expect(r.studies.find((s) => s.study === 'Lund 2023')?.weightRandom).toBeGreaterThan(0);
  });

  it.each(['cross-over', 'Crossover trial', 'overkrydsning'])('refuses "%s" arm summaries, asking for the paired difference', (design) => {
    const ps = refusal(() => read(`study,outcome,time,design,n_intervention,mean_intervention,sd_intervention,n_control,mean_control,sd_control\nLund 2023,rmdq,3m,${design},20,6,4,20,7,4`));
    expect(ps.map((p) => [p.field, p.kind])).toEqual([['design', 'meta.crossover.arms']]);
    expect(ps[0]?.hint).toMatch(/paired-analysis difference/);
  });
});

describe('design and measure names as papers write them', () => {
  it.each(['randomised controlled trial', 'Randomized Controlled Trial', 'randomised', 'randomized', 'RCT'])('design "%s" is an individually randomised trial', (design) => {
    const t = read(`study,outcome,time,design,n_intervention,mean_intervention,sd_intervention,n_control,mean_control,sd_control\nA,rmdq,3m,${design},50,6,4,50,7,4`);
    expect(t.records[0]?.input.kind).toBe('arms');
  });

  it.each([
    ['Mean difference', 'MD'], ['mean-difference', 'MD'], ['Risk ratio', 'RR'], ['Relative risk', 'RR'], ['Odds ratio', 'OR'],
    ["Hedges' g", 'SMD'], ['Hedges g', 'SMD'], ['Standardised mean difference', 'SMD'], ['Risk difference', 'RD'], ['rr', 'RR'],
  ])('measure "%s" is %s', (text, measure) => {
    const ratio = measure === 'RR' || measure === 'OR';
    const t = read(`study,outcome,time,measure,difference,ci_lower,ci_upper\nA,resp,3m,"${text}",${ratio ? '1.5,1.1,2.0' : '-0.1,-0.2,0'}`);
    expect(t.records[0]?.measure).toBe(measure);
  });

  it('still refuses an unknown measure, listing the names', () => {
    const ps = refusal(() => read('study,outcome,time,measure,difference,ci_lower,ci_upper\nA,resp,3m,HR,1.5,1.1,2.0'));
    expect(ps[0]?.expected).toMatch(/one of MD, SMD, RR, OR, RD/);
  });
});
