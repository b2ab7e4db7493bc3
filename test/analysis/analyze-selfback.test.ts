// The whole pipeline — CSV reading, item scoring (RMDQ, PSEQ, EQ-5D-5L DK), baseline pairing,
// ANCOVA with a categorical covariate, Welch, Hedges' g, responders — against R on the bundled
// synthetic export (test/reference/analyze-selfback.R).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { readCsvFile } from '../../src/io/read-csv.js';
import { loadPlanFile } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { expectClose } from '../support/tolerance.js';

interface RefRow {
  outcome: string;
  time: string;
  method: string;
  n_intervention: number;
  n_control: number;
  difference: number;
  se?: number;
  df?: number;
  ciLower?: number;
  ciUpper?: number;
  pValue: number;
  smd?: number;
  smdCiLower?: number;
  smdCiUpper?: number;
  ciLowerIntervention?: number;
  ciUpperIntervention?: number;
  ciLowerControl?: number;
  ciUpperControl?: number;
}

const reference = JSON.parse(readFileSync('test/reference/analyze-selfback.json', 'utf8')) as RefRow[];
const result = analyzeTrial(loadTrial(readCsvFile('data/synthetic/selfback-trial.csv'), loadPlanFile('data/plans/selfback.plan.json')), { version: 'test' });

describe('hta analyze = R on the bundled export', () => {
  it.each(reference.map((r) => [`${r.outcome} ${r.time} ${r.method}`, r] as const))('%s', (_name, ref) => {
    const row = result.effects.find((e) => e.outcome === ref.outcome && e.time === ref.time && e.method === ref.method);
    expect(row, 'row present').toBeDefined();
    expect(row!.n).toEqual({ intervention: ref.n_intervention, control: ref.n_control });
    expectClose(row!.difference!, ref.difference);
    expectClose(row!.pValue!, ref.pValue);
    if (ref.se !== undefined) expectClose(row!.se!, ref.se);
    if (ref.df !== undefined) expectClose(row!.df!, ref.df);
    if (ref.ciLower !== undefined) {
      expectClose(row!.ciLower!, ref.ciLower);
      expectClose(row!.ciUpper!, ref.ciUpper!);
    }
    if (ref.smd !== undefined) {
      expectClose(row!.smd!.estimate, ref.smd);
      expectClose(row!.smd!.ciLower, ref.smdCiLower!);
      expectClose(row!.smd!.ciUpper, ref.smdCiUpper!);
    }
    if (ref.ciLowerIntervention !== undefined) {
      const r = row!.risks!;
      expect(r.ciMethod).toBe('wilson-score');
      expectClose(r.ciLowerIntervention, ref.ciLowerIntervention);
      expectClose(r.ciUpperIntervention, ref.ciUpperIntervention!);
      expectClose(r.ciLowerControl, ref.ciLowerControl!);
      expectClose(r.ciUpperControl, ref.ciUpperControl!);
    }
  });
});

describe('MMRM rows = nlme::gls on the bundled export (1e-4 relative, the issue\'s bar)', () => {
  const mmrmRef = JSON.parse(readFileSync('test/reference/analyze-selfback-mmrm.json', 'utf8')) as { time: string; difference: number; se: number }[];
  const plan = loadPlanFile('data/plans/selfback.plan.json');
  const withMmrm = { ...plan, outcomes: plan.outcomes.filter((o) => o.key === 'rmdq'), responders: [], methods: ['mmrm' as const], missing: { ...plan.missing, sensitivity: false } };
  const res = analyzeTrial(loadTrial(readCsvFile('data/synthetic/selfback-trial.csv'), withMmrm), { version: 'test' });
  it.each(mmrmRef.map((r) => [r.time, r] as const))('rmdq at %s', (time, ref) => {
    const row = res.effects.find((e) => e.outcome === 'rmdq' && e.time === time && e.method === 'mmrm');
    expectClose(row!.difference!, ref.difference, 1e-4);
    expectClose(row!.se!, ref.se, 1e-4);
    expect(row!.ciMethod).toMatch(/Satterthwaite/);
  });
  it('the sensitivity table shows complete-case ANCOVA, MMRM and MI side by side with a tipping point', () => {
    const s = result.sensitivity!;
    expect(s.rows.map((r) => r.method)).toEqual(['ancova', 'mmrm', 'mi-ancova']);
    expect(s.rows[1]!.difference).toBeCloseTo(mmrmRef[0]!.difference, 4);
    // MI uses every randomised patient with a baseline value
    expect(s.rows[2]!.n).toEqual({ intervention: 232, control: 229 });
    expect(s.tippingPoint?.significantAtZero).toBe(true);
    const tp = s.tippingPoint!.tippingDelta!;
    expect(tp).toBeGreaterThan(0);
    // at the tipping point the shifted analysis has lost significance, just before it had it
    const rows = s.tippingPoint!.rows;
    expect(rows.filter((r) => r.delta < tp).every((r) => r.pValue < 0.05)).toBe(true);
    expect(rows.filter((r) => r.delta > tp).every((r) => r.pValue >= 0.05)).toBe(true);
  });
  it('missingness counts add up per arm and visit', () => {
    const rows = result.missingness.filter((m) => m.outcome === 'rmdq');
    for (const r of rows) expect(r.observed + r.missing).toBe(r.randomised);
    expect(rows.find((r) => r.time === 'baseline' && r.arm === 'intervention')!.missing).toBe(0);
    expect(rows.find((r) => r.time === '3m' && r.arm === 'intervention')!.observed).toBe(213);
  });
});

describe('MI rows with the plan\'s imputation method', () => {
  it('"norm" (Bayesian normal regression) gives an MI + ANCOVA row close to the complete-case ANCOVA', () => {
    const plan = loadPlanFile('data/plans/selfback.plan.json');
    const p = { ...plan, outcomes: plan.outcomes.filter((o) => o.key === 'rmdq'), responders: [], missing: { ...plan.missing, method: 'mi' as const, imputation: 'norm' as const, m: 10, sensitivity: false } };
    const res = analyzeTrial(loadTrial(readCsvFile('data/synthetic/selfback-trial.csv'), p), { version: 'test' });
    const mi = res.effects.find((e) => e.method === 'mi-ancova' && e.time === '3m')!;
    const cc = res.effects.find((e) => e.method === 'ancova' && e.time === '3m')!;
    expect(mi.ciMethod).toMatch(/Bayesian normal regression/);
    expect(mi.n).toEqual({ intervention: 232, control: 229 });
    expect(Math.abs(mi.difference! - cc.difference!)).toBeLessThan(cc.se!);
  });
});

describe('descriptives per outcome × visit × arm = R (mean, sd, quantile type 7, t.test CI)', () => {
  const ref = JSON.parse(readFileSync('test/reference/analyze-selfback-descriptives.json', 'utf8')) as {
    outcome: string; time: string; arm: string; n: number; mean: number; sd: number; q1: number; median: number; q3: number; meanCiLower: number; meanCiUpper: number;
  }[];
  it('covers every outcome, visit and arm of the reference', () => expect(ref.length).toBe(60));
  it.each(ref.map((r) => [`${r.outcome} ${r.time} ${r.arm}`, r] as const))('%s', (_name, r) => {
    const row = result.descriptives.find((d) => d.outcome === r.outcome && d.time === r.time && d.arm === r.arm)!;
    expect(row.n).toBe(r.n);
    for (const k of ['mean', 'sd', 'q1', 'median', 'q3', 'meanCiLower', 'meanCiUpper'] as const) expectClose(row[k]!, r[k]);
  });
});
