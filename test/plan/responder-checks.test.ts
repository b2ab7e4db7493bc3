/**
 * Responder analyses a plan cannot mean: a threshold in points beyond the whole range of the
 * outcome's scale (no patient can improve by it: every patient a non-responder), and subgroups
 * listing one column twice (docs/plan-trial.md "Responders", docs/subgroups.md).
 */
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCeaPlanFile } from '../../src/cea/load-cea-plan.js';
import { parseJsonText } from '../../src/io/read-json.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { errorOf } from '../support/error-of.js';
import { tempDir } from '../support/run-cli.js';

const base = {
  arms: { intervention: 'app', control: 'usual' },
  timepoints: ['3m'],
  outcomes: [{ key: 'rmdq', instrument: 'rmdq' }],
};
const parse = (plan: Record<string, unknown>) => parsePlan(parseJsonText(JSON.stringify(plan, null, 2), 'plan.json'), 'plan.json');

describe('a responder threshold in points', () => {
  it('beyond the range of the scale (RMDQ 0–24) is refused, naming the range, at the value', () => {
    const text = JSON.stringify({ ...base, responders: [{ key: 'r30', outcome: 'rmdq', points: 30 }] }, null, 2);
    const p = errorOf(() => parsePlan(parseJsonText(text, 'plan.json'), 'plan.json')).problems.find((x) => x.field === 'responders.0.points')!;
    expect(p.value).toBe('30');
    expect(p.expected).toMatch(/^an improvement of at most 24 points: the scale of outcome "rmdq" \(Roland-Morris Disability Questionnaire \(24 items\)\) runs 0–24, so no patient can improve by 30/);
    expect(p.expected).toContain('write "percent": 30 instead');
    expect(p.line).toBe(text.split('\n').findIndex((l) => l.includes('"points": 30')) + 1);
  });
  it('up to the whole range (worst to best) is accepted; a percentage is not a number of points', () => {
    expect(() => parse({ ...base, responders: [{ key: 'r', outcome: 'rmdq', points: 24 }] })).not.toThrow();
    expect(() => parse({ ...base, responders: [{ key: 'r', outcome: 'rmdq', percent: 30 }] })).not.toThrow();
  });
  it('on a plan\'s own instrument, its range', () => {
    const instruments = { nrs_avg: { label: { en: 'Average pain' }, range: [0, 10], direction: 'lower-is-better', mcid: 2 } };
    const plan = { ...base, instruments, outcomes: [{ key: 'pain', instrument: 'nrs_avg' }], responders: [{ key: 'r', outcome: 'pain', points: 10.5 }] };
    expect(errorOf(() => parse(plan)).problems.find((x) => x.field === 'responders.0.points')!.expected).toMatch(/at most 10 points: the scale of outcome "pain" \(Average pain\) runs 0–10/);
  });
  it('on a yes/no outcome, refused at the outcome: responders are defined by improvement', () => {
    const plan = { ...base, outcomes: [...base.outcomes, { key: 'meds', instrument: 'binary' }], responders: [{ key: 'r', outcome: 'meds', points: 1 }] };
    expect(errorOf(() => parse(plan)).problems.find((x) => x.field?.startsWith('responders.'))).toMatchObject({ field: 'responders.0.outcome', value: 'meds', expected: 'a continuous outcome (responders are defined by improvement)' });
  });
  it('in a cost-effectiveness plan\'s responders too', () => {
    const dir = tempDir();
    for (const f of readdirSync('data/plans')) copyFileSync(join('data/plans', f), join(dir, f));
    const cea = JSON.parse(readFileSync(join(dir, 'selfback.cea.json'), 'utf8')) as { responders: { points?: number }[] };
    cea.responders[0]!.points = 61;
    writeFileSync(join(dir, 'selfback.cea.json'), JSON.stringify(cea, null, 2));
    const p = errorOf(() => loadCeaPlanFile(join(dir, 'selfback.cea.json'))).problems.find((x) => x.field === 'responders.0.points')!;
    expect(p.expected).toMatch(/^an improvement of at most 60 points: the scale of outcome "pseq" .* runs 0–60/);
    expect(p.line).toBeDefined();
  });
});

describe('subgroups', () => {
  it('listing one column twice are refused at the second', () => {
    const sub = (cuts: number[]) => ({ column: 'age', label: { en: 'age' }, prespecified: true, cuts });
    const p = errorOf(() => parse({ ...base, subgroups: [sub([40]), sub([60])] })).problems[0]!;
    expect(p).toMatchObject({ field: 'subgroups.1.column', value: 'age' });
    expect(p.expected).toMatch(/^each "column" once in the list: given twice, as entries 1 and 2 of the list \(one subgroup analysis per column\)/);
    expect(() => parse({ ...base, subgroups: [sub([40]), { ...sub([60]), column: 'bmi' }] })).not.toThrow();
  });
});
