/**
 * metaAnalyze end to end from CSV text: study rows → pooled rows, checked against metafor
 * fixtures (dat.bcg via test/reference/meta-bcg.R, dat.normand1999 via meta-normand1999.R)
 * and for the behaviours docs/input-studies.md and docs/data-contracts.md#method-labels and issue 4 ask for.
 */
import { describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { metaAnalyze, poolSettingsFrom } from '../../src/meta/meta-analyze.js';
import { parseStudies } from '../../src/meta/read-studies.js';
import { expectClose } from '../support/tolerance.js';
import type { FitCase, MantelHaenszelCase, SubgroupCase } from '../stats/meta/fixtures.js';
import { readFixture } from '../stats/meta/fixtures.js';

function analyze(csv: string, options: Parameters<typeof metaAnalyze>[1] = { version: 'test' }) {
  return metaAnalyze(parseStudies(parseCsvText(csv, 'studies.csv')), options);
}

const bcg = readFixture<{ fits: FitCase[]; mantelHaenszel: MantelHaenszelCase[]; subgroups: SubgroupCase[] }>('meta-bcg.json');
const normand = readFixture<{ fits: FitCase[]; arms: { label: string; n1: number; m1: number; sd1: number; n2: number; m2: number; sd2: number }[] }>('meta-normand1999.json');

describe('dat.bcg from 2×2 tables (RR): metafor rma.mh and rma(REML)', () => {
  const mh = bcg.mantelHaenszel.find((c) => c.label === 'bcg MH RR')!;
  const by = bcg.subgroups.find((c) => c.label === 'bcg RR by alloc REML z')!;
  const csv = [
    'study,outcome,time,subgroup,events_intervention,n_intervention,events_control,n_control',
    ...mh.eventsIntervention.map((a, i) => `T${i + 1},tb,end,${by.group[i]},${a},${mh.nIntervention[i]},${mh.eventsControl[i]},${mh.nControl[i]}`),
  ].join('\n');
  const r = analyze(csv);
  const overall = (model: string) => r.pooled.find((p) => p.subgroup === null && p.model === model)!;

  it('fixed effect = Mantel–Haenszel', () => {
    const f = overall('fixed');
    expect(f.poolingMethod).toBe('mantel-haenszel');
    expect(f.measure).toBe('RR');
    expect(f.scale).toBe('log');
    for (const k of ['estimate', 'se', 'ciLower', 'ciUpper', 'pValue'] as const) expectClose(f[k], mh[k]);
    expectClose(f.ratio!.estimate, Math.exp(mh.estimate));
  });

  it('random effects, REML, z: estimate, τ², I², Q, weights, PI', () => {
    const fit = bcg.fits.find((c) => c.label === 'bcg RR REML z')!;
    const re = overall('random');
    for (const k of ['estimate', 'se', 'ciLower', 'ciUpper', 'pValue', 'i2', 'q', 'qPValue'] as const) expectClose(re[k] as number, fit[k]);
    expectClose(re.tau2!, fit.tau2, 1e-5);
    expectClose(re.piLower!, fit.piLower!);
    expectClose(re.piUpper!, fit.piUpper!);
    expect(re).toMatchObject({ tau2Method: 'REML', ciMethod: 'z', piDf: null, preset: 'metafor', poolingMethod: 'inverse-variance' });
    r.studies.forEach((s, i) => expectClose(s.weightRandom!, fit.weights[i]!));
  });

  it('subgroups by allocation and the test for subgroup differences (random effects within)', () => {
    const test = r.subgroupTests.find((t) => t.model === 'random')!;
    expect(test.groups).toEqual(by.groups.map((g) => g.group).sort((a, b) => by.group.indexOf(a) - by.group.indexOf(b)));
    expectClose(test.q, by.qBetween);
    expect(test.df).toBe(by.dfBetween);
    expectClose(test.pValue, by.pBetween);
    for (const g of by.groups) {
      const row = r.pooled.find((p) => p.subgroup === g.group && p.model === 'random')!;
      expectClose(row.estimate, g.estimate);
      expectClose(row.se, g.se);
      expectClose(row.tau2!, g.tau2, 1e-5);
    }
  });

  it('a ratio measure gets no relevance without an MCID, and one with --mcid (a ratio, judged on the log scale)', () => {
    expect(overall('random').relevance).toBeNull();
    const judged = analyze(csv, { version: 'test', mcid: 1.25 });
    const re = judged.pooled.find((p) => p.subgroup === null && p.model === 'random')!;
    // events are adverse by default: benefit = −log RR = 0.7145, CI [0.362, 1.067] > log 1.25 = 0.223
    expect(re.direction).toBe('lower-is-better');
    expect(re.relevance).toBe('relevant-benefit');
    expect(re.mcid).toBe(1.25);
  });
});

describe('dat.normand1999 from arm summaries (MD): metafor rma', () => {
  const csv = [
    'study,outcome,time,n_intervention,mean_intervention,sd_intervention,n_control,mean_control,sd_control',
    ...normand.arms.map((a) => `${a.label},los,discharge,${a.n1},${a.m1},${a.sd1},${a.n2},${a.m2},${a.sd2}`),
  ].join('\n');
  for (const [flags, label] of [
    [{}, 'normand MD REML z'],
    [{ method: 'DL' as const }, 'normand MD DL z'],
    [{ method: 'PM' as const, hksj: true }, 'normand MD PM knha'],
  ] as const) {
    it(`${label}`, () => {
      const fit = normand.fits.find((c) => c.label === label)!;
      const re = analyze(csv, { version: 'test', ...flags }).pooled.find((p) => p.model === 'random')!;
      for (const k of ['estimate', 'se', 'ciLower', 'ciUpper', 'pValue', 'i2', 'q'] as const) expectClose(re[k] as number, fit[k]);
      expectClose(re.tau2!, fit.tau2, 1e-5);
      expectClose(re.piLower!, fit.piLower!);
      expectClose(re.piUpper!, fit.piUpper!);
    });
  }
  it('SMD (Hedges g) pools the same rows on the SD scale', () => {
    const fit = readFixture<{ fits: FitCase[] }>('meta-normand1999.json').fits.find((c) => c.label === 'normand SMD REML z')!;
    const smd = analyze(csv.replace('sd_control\n', 'sd_control,measure\n').replace(/\n(.+)/g, '\n$1,SMD'));
    const re = smd.pooled.find((p) => p.model === 'random')!;
    expect(re.measure).toBe('SMD');
    expectClose(re.estimate, fit.estimate);
    expectClose(re.tau2!, fit.tau2, 1e-5);
  });
});

describe('single study, missing intervals, presets', () => {
  const one = 'study,outcome,time,difference,ci_lower,ci_upper\nA,rmdq,3m,-0.79,-1.51,-0.06';

  it('one study: one row, no model, its own estimate with its interval as reported (the study row\'s), no error', () => {
    const r = analyze(one);
    expect(r.pooled).toHaveLength(1);
    // Not a "fixed" or "random" model of one study, nor a z interval rebuilt from the back-calculated SE.
    expect(r.pooled[0]).toMatchObject({ model: 'single-study', poolingMethod: null, ciMethod: 'reported', k: 1, trials: 1, estimate: -0.79, ciLower: -1.51, ciUpper: -0.06, q: null, i2: null, tau2: null, piLower: null, piUpper: null, probabilityBeyondMcid: null });
    // rmdq is an instrument key: its direction and default MCID (5 points) apply without a plan
    expect(r.outcomes[0]).toMatchObject({ direction: 'lower-is-better', directionSource: 'instrument', mcid: 5, mcidSource: 'instrument' });
    expect(r.studies[0]).toMatchObject({ ciLower: -1.51, ciUpper: -0.06, relevance: 'significant-not-relevant', weightFixed: null, weightRandom: null });
    expect(r.pooled[0]!.relevance).toBe(r.studies[0]!.relevance);
    // Arm summaries: the Wald interval from its SE, said so.
    const arms = analyze('study,outcome,time,n_intervention,mean_intervention,sd_intervention,n_control,mean_control,sd_control\nA,rmdq,3m,50,8,4,50,10,4');
    expect(arms.pooled).toHaveLength(1);
    expect(arms.pooled[0]).toMatchObject({ model: 'single-study', ciMethod: 'z', ciLower: arms.studies[0]!.ciLower, ciUpper: arms.studies[0]!.ciUpper });
  });

  it('one subgroup only: every pooled row carries it; subgroups of one trial are combined by the fixed effect only', () => {
    const r = analyze('study,outcome,time,subgroup,difference,ci_lower,ci_upper\nR,pain,3m,high,-0.8,-1.3,-0.2\nR,pseq,9m,high,3.5,0.9,6.0\nR,pseq,9m,low,2.8,0.3,5.3');
    expect(r.pooled.filter((p) => p.outcome === 'pain').map((p) => [p.subgroup, p.model, p.ciLower, p.ciUpper])).toEqual([['high', 'single-study', -1.3, -0.2]]);
    const pseq = r.pooled.filter((p) => p.outcome === 'pseq');
    expect(pseq.map((p) => [p.subgroup, p.model])).toEqual([['high', 'single-study'], ['low', 'single-study'], [null, 'fixed']]);
    expect(pseq[2]).toMatchObject({ k: 2, trials: 1, i2: null, q: null, tau2: null, piLower: null });
    expect(r.subgroupTests.map((t) => t.model)).toEqual(['fixed']);
    // Two trials, same rows: both models again.
    const two = analyze('study,outcome,time,subgroup,difference,ci_lower,ci_upper\nR,pseq,9m,high,3.5,0.9,6.0\nS,pseq,9m,low,2.8,0.3,5.3');
    expect(two.pooled.filter((p) => p.subgroup === null).map((p) => p.model)).toEqual(['fixed', 'random']);
  });

  it('a difference without CI or SE is shown, flagged, judged inconclusive and not pooled', () => {
    const r = analyze(`${one}\nB,rmdq,3m,-3,,\nC,rmdq,3m,-1.2,-2.0,-0.4`);
    const b = r.studies.find((s) => s.study === 'B')!;
    expect(b).toMatchObject({ pooled: false, note: 'no interval reported', relevance: 'inconclusive', weightFixed: null, weightRandom: null, vi: null, ciLower: null });
    expect(r.pooled.every((p) => p.k === 2)).toBe(true);
    expect(r.warnings).toContain('rmdq 3m: Study B: no interval reported; shown but not pooled');
    expect(r.pooled[0]?.warnings).toContain('rmdq 3m: Study B: no interval reported; shown but not pooled');
  });

  it('only rows without intervals: nothing pooled, no error', () => {
    const r = analyze('study,outcome,time,difference\nA,x,3m,1');
    expect(r.pooled).toEqual([]);
    expect(r.warnings.join('\n')).toMatch(/nothing was pooled/);
  });

  it('presets set τ² method, CI method, PI and its df, and say so', () => {
    const csv = `${one}\nB,rmdq,3m,-2.1,-3.0,-1.2\nC,rmdq,3m,-0.2,-1.0,0.6`;
    const re = (preset?: 'metafor' | 'revman5' | 'revman-web' | 'iqwig6') => analyze(csv, { version: 't', ...(preset ? { preset } : {}) }).pooled.find((p) => p.model === 'random')!;
    const pick = (p: ReturnType<typeof re>) => ({ preset: p.preset, tau2Method: p.tau2Method, ciMethod: p.ciMethod, df: p.df, piDf: p.piDf, hasPi: p.piLower !== null });
    expect(pick(re())).toEqual({ preset: 'metafor', tau2Method: 'REML', ciMethod: 'z', df: null, piDf: null, hasPi: true });
    expect(pick(re('revman5'))).toEqual({ preset: 'revman5', tau2Method: 'DL', ciMethod: 'z', df: null, piDf: null, hasPi: false });
    expect(pick(re('revman-web'))).toEqual({ preset: 'revman-web', tau2Method: 'REML', ciMethod: 'hksj', df: 2, piDf: 2, hasPi: true });
    expect(pick(re('iqwig6'))).toEqual({ preset: 'iqwig6', tau2Method: 'PM', ciMethod: 'hksj', df: 2, piDf: 2, hasPi: true });
    expect(re('revman5').probabilityBeyondMcid).toBeNull();
  });

  it('a preset with a conflicting --method or --hksj is a usage error', () => {
    expect(() => poolSettingsFrom({ preset: 'revman5', method: 'REML' })).toThrow(HtaError);
    expect(() => poolSettingsFrom({ preset: 'metafor', hksj: true })).toThrow(/drop one/);
    expect(poolSettingsFrom({ method: 'DL' }).preset).toBeNull();
  });

  it('binary groups mixing tables and reported ratios use inverse variance for the fixed effect, with a warning', () => {
    const r = analyze('study,outcome,time,measure,events_intervention,n_intervention,events_control,n_control,difference,ci_lower,ci_upper\nA,ae,6m,RR,5,50,10,50,,,\nB,ae,6m,RR,,,,,0.7,0.5,0.98');
    const f = r.pooled.find((p) => p.model === 'fixed')!;
    expect(f.poolingMethod).toBe('inverse-variance');
    expect(f.warnings.join()).toMatch(/Mantel–Haenszel needs a 2×2 table/);
  });
});
