/**
 * Column mapping and value codes from the plan (docs/plan-trial.md): item patterns and lists,
 * EQ-5D dimension names, renamed covariates, answer and missing-value codes, and the generic
 * continuous instrument. Expected scores are hand-worked from the cells.
 */
import { describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';

const base = { arms: { intervention: 'app', control: 'usual' }, timepoints: ['3m'] };
const yesNo = (yes: number, n = 24) => Array.from({ length: n }, (_, i) => (i < yes ? 'Ja' : 'Nej'));

function problemsOf(text: string, plan: ReturnType<typeof parsePlan>) {
  try {
    loadTrial(parseCsvText(text, 't.csv'), plan);
  } catch (e) {
    expect(e).toBeInstanceOf(HtaError);
    return (e as HtaError).problems;
  }
  throw new Error('expected problems');
}

describe('item columns from a pattern, with Ja/Nej answer codes and a missing code', () => {
  const plan = parsePlan({ ...base, missingCodes: [999], outcomes: [{ key: 'rmdq', instrument: 'rmdq', items: 'q{i}', answers: { Ja: 1, Nej: 0 } }] });
  const head = ['id', 'arm', 'time', ...Array.from({ length: 24 }, (_, i) => `q${i + 1}`)].join(',');
  const rows = [head, ['A', 'app', 'baseline', ...yesNo(7)].join(','), ['A', 'app', '3m', ...yesNo(3).slice(0, 23), '999'].join(','), ['B', 'usual', 'baseline', ...yesNo(24)].join(',')];
  it('scores RMDQ as the count of "Ja" and a 999 item makes the score missing', () => {
    const t = loadTrial(parseCsvText(rows.join('\n'), 't.csv'), plan);
    expect(t.observations.map((o) => o.scores.rmdq)).toEqual([7, null, 24]);
    expect(t.sources[0]?.columns.slice(0, 2)).toEqual(['q1', 'q2']);
  });
  it('counts every recoded cell per column and code', () => {
    const t = loadTrial(parseCsvText(rows.join('\n'), 't.csv'), plan);
    const q1 = t.recoded.filter((r) => r.column === 'q1');
    expect(q1).toEqual([{ column: 'q1', code: 'Ja', to: 1, count: 3 }]);
    expect(t.recoded.find((r) => r.column === 'q24' && r.code === '999')).toEqual({ column: 'q24', code: '999', to: null, count: 1 });
    expect(t.recoded.reduce((s, r) => s + r.count, 0)).toBe(72);
  });
  it('a value that is not one of the answer codes is a problem naming the codes', () => {
    const [p, ...rest] = problemsOf([...rows.slice(0, 3), ['B', 'usual', 'baseline', 'Yes', ...yesNo(23, 23)].join(',')].join('\n'), plan);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ line: 4, column: 4, field: 'q1', value: 'Yes', kind: 'code.unknown:q1' });
    expect(p?.expected).toContain('"Ja", "Nej"');
  });
});

describe('explicit item lists, EQ-5D dimension names, renamed covariates', () => {
  const plan = parsePlan({
    ...base,
    columns: { covariates: { age: 'alder' } },
    covariates: ['age'],
    outcomes: [
      { key: 'eq5d', instrument: 'eq5d5l', items: { mo: 'eq5d_mobilitet', sc: 'eq5d_personlig', ua: 'eq5d_aktiviteter', pd: 'eq5d_smerte', ad: 'eq5d_angst' } },
      { key: 'binary_use', instrument: 'binary', column: 'medicin', answers: { '1': 1, '2': 0 } },
    ],
  });
  const head = 'id,arm,time,alder,eq5d_mobilitet,eq5d_personlig,eq5d_aktiviteter,eq5d_smerte,eq5d_angst,medicin';
  it('reads the five dimensions by name (11123 → 0.761, Danish 5L value set) and codes 1/2 as 1/0', () => {
    const t = loadTrial(parseCsvText([head, 'A,app,baseline,51,1,1,1,2,3,2', 'A,app,3m,51,1,1,1,2,3,1'].join('\n'), 't.csv'), plan);
    expect(t.observations[0]?.scores.eq5d).toBeCloseTo(0.761, 10);
    expect(t.observations.map((o) => o.scores.binary_use)).toEqual([0, 1]);
    expect(t.patients[0]?.covariates).toEqual({ age: 51 });
  });
  it('a list of the wrong length and dimension names for a non-EQ-5D instrument are plan errors', () => {
    expect(() => parsePlan({ ...base, outcomes: [{ key: 'rmdq', instrument: 'rmdq', items: ['a', 'b'] }] })).toThrow(/not a valid analysis plan/);
    try {
      parsePlan({ ...base, outcomes: [{ key: 'pseq', instrument: 'pseq', items: { mo: 'a', sc: 'b', ua: 'c', pd: 'd', ad: 'e' } }] });
    } catch (e) {
      expect((e as HtaError).problems[0]?.expected).toMatch(/EQ-5D only/);
    }
  });
});

describe('generic continuous instrument and text missing codes', () => {
  const plan = parsePlan({
    ...base,
    instruments: { pain_diary: { label: { en: 'Average pain (diary, 0–10)', da: 'Gennemsnitlig smerte (dagbog)' }, range: [0, 10], direction: 'lower-is-better', mcid: 1.5, decimals: true } },
    missingCodes: [-9, 'Ved ikke'],
    outcomes: [{ key: 'pain', instrument: 'pain_diary' }],
  });
  const text = '\uFEFFid;arm;time;pain\r\nA;app;baseline;4,7\r\nA;app;3m;-9\r\nB;usual;baseline;Ved ikke\r\nB;usual;3m;2,25\r\n';
  it('reads decimal-comma scores and treats -9 and "Ved ikke" as missing', () => {
    const t = loadTrial(parseCsvText(text, 't.csv'), plan);
    expect(t.observations.map((o) => o.scores.pain)).toEqual([4.7, null, null, 2.25]);
    expect(t.sources[0]?.instrument).toMatchObject({ key: 'pain_diary', range: [0, 10], integer: false, direction: 'lower-is-better', defaultMcid: { absolute: 1.5 } });
    expect(t.recoded).toEqual([
      { column: 'pain', code: '-9', to: null, count: 1 },
      { column: 'pain', code: 'Ved ikke', to: null, count: 1 },
    ]);
  });
  it('-9,0 matches the numeric code -9 after decimal-comma normalisation', () => {
    const t = loadTrial(parseCsvText(text.replace('3m;-9', '3m;-9,0'), 't.csv'), plan);
    expect(t.observations[1]?.scores.pain).toBeNull();
  });
  it('without the codes the same file is rejected (-9 out of range, "Ved ikke" not a number)', () => {
    const strict = parsePlan({ ...base, instruments: plan.instruments, outcomes: plan.outcomes });
    expect(problemsOf(text, strict).map((p) => p.value)).toEqual(['-9', 'Ved ikke']);
  });
  it('a plan instrument may not reuse a built-in key, and needs an MCID somewhere', () => {
    expect(() => parsePlan({ ...base, instruments: { nrs: plan.instruments.pain_diary }, outcomes: [{ key: 'p', instrument: 'nrs' }] })).toThrow(HtaError);
    expect(() =>
      parsePlan({ ...base, instruments: { odi: { label: { en: 'ODI' }, range: [0, 100], direction: 'lower-is-better' } }, outcomes: [{ key: 'odi', instrument: 'odi' }] }),
    ).toThrow(/not a valid analysis plan/);
  });
});
