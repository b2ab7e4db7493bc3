import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { HtaError, formatProblem } from '../../src/errors.js';

const plan = parsePlan({
  arms: { intervention: 'app', control: 'usual' },
  timepoints: ['3m'],
  covariates: ['country'],
  outcomes: [
    { key: 'rmdq', instrument: 'rmdq' },
    { key: 'pain_avg', instrument: 'nrs' },
    { key: 'eq5d', instrument: 'eq5d5l' },
  ],
});

const HEADER = 'id,arm,time,country,rmdq,pain_avg,eq5d_mo,eq5d_sc,eq5d_ua,eq5d_pd,eq5d_ad';
const GOOD = [
  HEADER,
  'P1,app,baseline,DK,12,5,1,1,1,2,3',
  'P1,app,3m,DK,8,3,1,1,1,1,1',
  'P2,usual,baseline,NO,10,6,2,1,1,3,1',
  'P2,usual,3m,NO,9,NA,,,,,',
].join('\n');

function problemsOf(text: string, p = plan) {
  try {
    loadTrial(parseCsvText(text, 'trial.csv'), p);
  } catch (e) {
    expect(e).toBeInstanceOf(HtaError);
    expect((e as HtaError).exitCode).toBe(2);
    return (e as HtaError).problems;
  }
  throw new Error('expected the export to be rejected');
}

/** Replaces one line (1-based) of GOOD. */
function withLine(n: number, line: string): string {
  const lines = GOOD.split('\n');
  lines[n - 1] = line;
  return lines.join('\n');
}

describe('loadTrial: a valid long export', () => {
  it('scores EQ-5D from the five levels and reads scores and covariates', () => {
    const t = loadTrial(parseCsvText(GOOD, 'trial.csv'), plan);
    expect(t.patients).toEqual([
      { id: 'P1', arm: 'intervention', covariates: { country: 'DK' } },
      { id: 'P2', arm: 'control', covariates: { country: 'NO' } },
    ]);
    const p1 = t.observations.find((o) => o.id === 'P1' && o.time === 'baseline');
    // 11123 → 0.761 (Danish 5L value set): 1 − 0.048 − 0.191
    expect(p1?.scores.eq5d).toBeCloseTo(0.761, 10);
    expect(p1?.scores.rmdq).toBe(12);
    const p2 = t.observations.find((o) => o.id === 'P2' && o.time === '3m');
    expect(p2?.scores).toEqual({ rmdq: 9, pain_avg: null, eq5d: null });
  });
  it('reads a semicolon/decimal-comma export with a BOM and CRLF the same way', () => {
    const dk = '\uFEFF' + GOOD.replace(/,/g, ';').replace(/\n/g, '\r\n');
    const a = loadTrial(parseCsvText(GOOD, 'a.csv'), plan);
    const b = loadTrial(parseCsvText(dk, 'b.csv'), plan);
    expect(b.observations.map((o) => o.scores)).toEqual(a.observations.map((o) => o.scores));
  });
  it('reads the wide layout into the same observations', () => {
    const wide = [
      'id,arm,country,rmdq_baseline,rmdq_3m,pain_avg_baseline,pain_avg_3m,eq5d_mo_baseline,eq5d_sc_baseline,eq5d_ua_baseline,eq5d_pd_baseline,eq5d_ad_baseline,eq5d_mo_3m,eq5d_sc_3m,eq5d_ua_3m,eq5d_pd_3m,eq5d_ad_3m',
      'P1,app,DK,12,8,5,3,1,1,1,2,3,1,1,1,1,1',
      'P2,usual,NO,10,9,6,,2,1,1,3,1,,,,,',
    ].join('\n');
    const long = loadTrial(parseCsvText(GOOD, 'a.csv'), plan);
    const w = loadTrial(parseCsvText(wide, 'w.csv'), plan);
    expect(w.layout).toBe('wide');
    const key = (o: { id: string; time: string }) => `${o.id}/${o.time}`;
    const sort = <T extends { id: string; time: string }>(xs: T[]) => [...xs].sort((x, y) => key(x).localeCompare(key(y)));
    expect(sort(w.observations).map((o) => [key(o), o.scores])).toEqual(sort(long.observations).map((o) => [key(o), o.scores]));
  });
  it('remaps time labels from the plan', () => {
    const p = parsePlan({ ...plan, timeLabels: { '0': 'baseline', '12w': '3m' } });
    const t = loadTrial(parseCsvText(GOOD.replace(/,baseline,/g, ',0,').replace(/,3m,/g, ',12w,'), 't.csv'), p);
    expect(new Set(t.observations.map((o) => o.time))).toEqual(new Set(['baseline', '3m']));
  });
});

describe('loadTrial: every validation error names file, line and column', () => {
  it('duplicate (id, time) rows', () => {
    const [p] = problemsOf(GOOD + '\nP1,app,3m,DK,8,3,1,1,1,1,1');
    expect(p).toMatchObject({ file: 'trial.csv', line: 6, column: 1, kind: 'row.duplicate' });
    // The patient id is never part of a message: the earlier line identifies the patient.
    expect(p?.value).toBeUndefined();
    expect(formatProblem(p!)).toBe('trial.csv:6:1 (id): — expected one row per patient and time point (this patient\'s "3m" row is on line 3)');
  });
  it('unknown arm value', () => {
    const [p] = problemsOf(withLine(3, 'P1,placebo,3m,DK,8,3,1,1,1,1,1'));
    expect(p).toMatchObject({ line: 3, column: 2, value: 'placebo' });
  });
  it('unknown time value', () => {
    const [p] = problemsOf(withLine(3, 'P1,app,12m,DK,8,3,1,1,1,1,1'));
    expect(p).toMatchObject({ line: 3, column: 3, value: '12m' });
  });
  it('a patient in two arms', () => {
    const [p] = problemsOf(withLine(3, 'P1,usual,3m,DK,8,3,1,1,1,1,1'));
    expect(p).toMatchObject({ line: 3, column: 2, value: 'usual' });
    expect(p?.expected).toMatch(/same arm/);
  });
  it('RMDQ score 25', () => {
    const [p] = problemsOf(withLine(2, 'P1,app,baseline,DK,25,5,1,1,1,2,3'));
    expect(p).toMatchObject({ line: 2, column: 5, value: '25', field: 'rmdq' });
    expect(p?.expected).toMatch(/0 to 24/);
  });
  it('NRS 11', () => {
    const [p] = problemsOf(withLine(2, 'P1,app,baseline,DK,12,11,1,1,1,2,3'));
    expect(p).toMatchObject({ line: 2, column: 6, value: '11' });
  });
  it('EQ-5D level 6', () => {
    const [p] = problemsOf(withLine(2, 'P1,app,baseline,DK,12,5,1,1,6,2,3'));
    expect(p).toMatchObject({ line: 2, column: 9, value: '6', field: 'eq5d_ua' });
    expect(p?.expected).toMatch(/1 to 5/);
  });
  it('PSEQ item 7', () => {
    const p2 = parsePlan({ arms: { intervention: 'app', control: 'usual' }, timepoints: ['3m'], outcomes: [{ key: 'pseq', instrument: 'pseq' }] });
    const head = 'id,arm,time,' + Array.from({ length: 10 }, (_, i) => `pseq_${i + 1}`).join(',');
    const text = [head, 'P1,app,baseline,1,2,3,4,5,6,7,1,1,1', 'P1,app,3m,1,2,3,4,5,6,6,1,1,1'].join('\n');
    const [p] = problemsOf(text, p2);
    expect(p).toMatchObject({ line: 2, column: 10, value: '7', field: 'pseq_7' });
    expect(p?.expected).toMatch(/0 to 6/);
  });
  it('non-numeric values', () => {
    const [p] = problemsOf(withLine(2, 'P1,app,baseline,DK,twelve,5,1,1,1,2,3'));
    expect(p).toMatchObject({ line: 2, column: 5, value: 'twelve' });
  });
  it('collects every problem, not just the first', () => {
    const text = [GOOD, 'P3,app,baseline,DK,30,5,1,1,1,2,3', 'P4,app,baseline,DK,3,15,1,1,1,2,3'].join('\n');
    expect(problemsOf(text).map((p) => p.line)).toEqual([6, 7]);
  });
  it('a missing column is reported against the header with the columns that exist', () => {
    const [p] = problemsOf(GOOD.replace('pain_avg', 'pain'));
    expect(p).toMatchObject({ line: 1, value: 'pain_avg' });
  });
  it('formats as file:line:column (field): value — expected …', () => {
    const [p] = problemsOf(withLine(2, 'P1,app,baseline,DK,25,5,1,1,1,2,3'));
    expect(formatProblem(p!)).toBe('trial.csv:2:5 (rmdq): "25" — expected a whole number from 0 to 24 (Roland-Morris Disability Questionnaire (24 items))');
  });
});
