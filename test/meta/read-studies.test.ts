import { describe, expect, it } from 'vitest';
import { HtaError, formatProblem } from '../../src/errors.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parseStudies } from '../../src/meta/read-studies.js';

const HEADER = 'study,outcome,time,subgroup,measure,n_intervention,mean_intervention,sd_intervention,n_control,mean_control,sd_control,events_intervention,events_control,difference,ci_lower,ci_upper,se';
const COL = Object.fromEntries(HEADER.split(',').map((h, i) => [h, i + 1]));

function read(...rows: string[]) {
  return parseStudies(parseCsvText([HEADER, ...rows].join('\n'), 'studies.csv'));
}

function problemsOf(...rows: string[]) {
  try {
    read(...rows);
  } catch (err) {
    expect(err).toBeInstanceOf(HtaError);
    const e = err as HtaError;
    expect(e.exitCode).toBe(2);
    return e.problems;
  }
  throw new Error('expected an input error');
}

/** One data row from named cells (everything else empty). */
function row(cells: Record<string, string | number>, sep = ','): string {
  return HEADER.split(',').map((h) => (h in cells ? String(cells[h]) : '')).join(sep);
}
const base = { study: 'A', outcome: 'rmdq', time: '3m' };
const arms = { ...base, n_intervention: 50, mean_intervention: 5, sd_intervention: 2, n_control: 50, mean_control: 6, sd_control: 2 };
const ci = { ...base, difference: -1, ci_lower: -2, ci_upper: 0 };
const events = { ...base, events_intervention: 5, n_intervention: 50, events_control: 10, n_control: 50 };

describe('readStudies: the four kinds of row', () => {
  it('reads arm summaries, CI, SE, events and an estimate without interval', () => {
    const t = read(row(arms), row({ ...ci, study: 'B' }), row({ ...base, study: 'C', difference: -1, se: 0.5 }), row({ ...events, study: 'D' }), row({ ...base, study: 'E', difference: -2 }));
    expect(t.records.map((r) => [r.study, r.input.kind, r.measure, r.line])).toEqual([
      ['A', 'arms', 'MD', 2], ['B', 'ci', 'MD', 3], ['C', 'se', 'MD', 4], ['D', 'events', 'RR', 5], ['E', 'estimate', 'MD', 6],
    ]);
  });

  it('reads a semicolon file with decimal commas', () => {
    const text = [HEADER.replace(/,/g, ';'), row({ ...ci, difference: '-0,79', ci_lower: '-1,51', ci_upper: '-0,06' }, ';')].join('\n');
    const t = parseStudies(parseCsvText(text, 'dk.csv'));
    expect(t.records[0]?.input).toEqual({ kind: 'ci', estimate: -0.79, lower: -1.51, upper: -0.06 });
  });
});

describe('readStudies: every problem with file:line:column (exit 2)', () => {
  const cases: [string, Record<string, string | number>, string, RegExp][] = [
    ['non-numeric', { ...arms, mean_intervention: '5 pts' }, 'mean_intervention', /a number/],
    ['negative SD', { ...arms, sd_control: -1 }, 'sd_control', /standard deviation ≥ 0/],
    ['n < 1', { ...arms, n_control: 0 }, 'n_control', /whole number ≥ 1/],
    ['events > n', { ...events, events_control: 60 }, 'events_control', /events ≤ n_control/],
    ['ci_lower > ci_upper', { ...ci, ci_lower: 1, ci_upper: -2, difference: 0 }, 'ci_lower', /ci_lower ≤ ci_upper/],
    ['difference outside its CI', { ...ci, difference: 1 }, 'difference', /inside its confidence interval/],
    ['unknown measure', { ...ci, measure: 'HR' }, 'measure', /one of MD, SMD, RR, OR, RD/],
    ['mixed kinds (arms and a difference)', { ...arms, difference: -1 }, 'difference', /one kind of result per row/],
    ['mixed kinds (arms and events)', { ...arms, events_intervention: 3 }, 'events_intervention', /one kind of result per row/],
    ['events with a continuous measure', { ...events, measure: 'MD' }, 'measure', /RR, OR or RD for events/],
    ['arm summaries with a ratio measure', { ...arms, measure: 'OR' }, 'measure', /MD or SMD for arm summaries/],
    ['incomplete arm summaries', { ...arms, sd_control: '' }, 'sd_control', /arm summaries need n, mean and sd/],
    ['half a CI', { ...ci, ci_upper: '' }, 'ci_upper', /both ends/],
    ['CI and SE both', { ...ci, se: 0.5 }, 'se', /either a confidence interval or an SE/],
    ['ratio not > 0', { ...ci, measure: 'RR', difference: 0.8, ci_lower: -0.1, ci_upper: 1.2 }, 'ci_lower', /a ratio > 0/],
    ['missing study label', { ...ci, study: '' }, 'study', /a study label/],
  ];
  for (const [name, cells, field, expected] of cases) {
    it(name, () => {
      const [p, ...rest] = problemsOf(row(cells));
      expect(rest).toEqual([]);
      expect(p).toMatchObject({ file: 'studies.csv', line: 2, column: COL[field], field });
      expect(p?.expected).toMatch(expected);
      expect(formatProblem(p!)).toMatch(new RegExp(`^studies\\.csv:2:${COL[field]} \\(${field}\\)`));
    });
  }

  it('a row with no result at all', () => {
    expect(problemsOf(row(base))[0]).toMatchObject({ line: 2, expected: expect.stringMatching(/one kind of result/) });
  });

  it('the same study twice in one outcome × time × subgroup', () => {
    const [p] = problemsOf(row(ci), row(ci));
    expect(p).toMatchObject({ line: 3, column: COL.study, field: 'study', expected: expect.stringMatching(/line 2 has the same/) });
  });

  it('collects problems from every row (and stops at 50)', () => {
    expect(problemsOf(row({ ...arms, sd_control: -1 }), row({ ...ci, study: 'B', difference: 3 })).map((p) => p.line)).toEqual([2, 3]);
    const many = Array.from({ length: 80 }, (_, i) => row({ ...arms, study: `S${i}`, sd_control: -1 }));
    expect(problemsOf(...many)).toHaveLength(50);
  });

  it('names missing required columns', () => {
    expect(() => parseStudies(parseCsvText('study,time,difference\nA,3m,1', 'x.csv'))).toThrow(/not a study-level results file/);
  });
});
