/**
 * Scores written with their unit (`14 point` at one site, `14` at the others; a VAS as `56 mm`):
 * found by a tester, plan init drafted the 17 such values as missing-value codes and analyze
 * silently dropped those patients (n 30/30, −3.77 where R gives −3.26 on all 80); with the unit
 * everywhere, validate said "valid" with 0/0 observed and analyze blamed the visits' names.
 */
import { describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { numberWithUnit } from '../../src/io/number-unit.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { checkTrialContent } from '../../src/trial/check-content.js';
import { loadTrial } from '../../src/trial/load-trial.js';

// Six patients per arm; the first site's scores carry " point".
const ROWS = Array.from({ length: 12 }, (_, k) => {
  const arm = k % 2 === 0 ? 'app' : 'usual';
  const unit = k < 4 ? ' point' : '';
  return [`P${k + 1};${arm};baseline;${30 + k};${8 + (k % 5)}${unit}`, `P${k + 1};${arm};3m;${30 + k};${(k * 3) % 8}${unit}`];
}).flat();
const TEXT = ['id;arm;time;age;rmdq', ...ROWS].join('\n');
const PLAN = { arms: { intervention: 'app', control: 'usual' }, timepoints: ['3m'], covariates: ['age'], outcomes: [{ key: 'rmdq', instrument: 'rmdq' }] };

function refused(run: () => unknown): HtaError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(HtaError);
    return e as HtaError;
  }
  throw new Error('expected a refusal');
}

describe('a number written with its unit', () => {
  it('is recognised: a unit word after the number, not a typo or a labelled choice', () => {
    expect(numberWithUnit('14 point', false)).toEqual({ value: 14, unit: 'point' });
    expect(numberWithUnit('56 mm', false)).toEqual({ value: 56, unit: 'mm' });
    expect(numberWithUnit('7,5 cm', true)).toEqual({ value: 7.5, unit: 'cm' });
    expect(numberWithUnit('48 år', true)).toEqual({ value: 48, unit: 'år' });
    expect(numberWithUnit('10mm', false)).toEqual({ value: 10, unit: 'mm' });
    for (const v of ['12a', '1O', '0 - Ingen smerte', 'Ved ikke', '14', '14 point 3', '9 Ved ikke']) expect(numberWithUnit(v, false)).toBeUndefined();
  });

  it('plan init drafts no missing-value codes for them and says which column and unit', () => {
    const { plan, checks } = draftPlan(parseCsvText(TEXT, 'units.csv'), 'plan.schema.json');
    expect(plan.missingCodes).toBeUndefined();
    expect(checks.join('\n')).toMatch(/column "rmdq": \d+ different values are numbers written with a unit \("point": "\d+ point"/);
    expect(checks.join('\n')).toContain('not drafted as missing-value codes');
  });

  it('validate refuses them naming the column, lines and the unit — also when an older draft listed them as missing-value codes', () => {
    const codes = [...new Set(ROWS.filter((r) => r.endsWith(' point')).map((r) => r.split(';')[4]!))];
    for (const plan of [PLAN, { ...PLAN, missingCodes: codes }]) {
      const e = refused(() => loadTrial(parseCsvText(TEXT, 'units.csv'), parsePlan(plan)));
      expect(e.problems).toHaveLength(8);
      expect(e.problems.map((p) => p.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
      const p = e.problems[0]!;
      expect(p).toMatchObject({ field: 'rmdq', column: 5, kind: 'score.range:rmdq:unit:point' });
      expect(p.expected).toContain('without a unit');
      expect(p.hint).toContain('a unit ("point") after the number');
      expect(p.hint).toContain('strip the unit in the export');
    }
    // A code out of the scale that looks like one (99 ukendt) is still read as the plan lists it.
    const text = TEXT.replace(/;3m;(\d+);0$/m, ';3m;$1;99 ukendt');
    expect(text).toContain('99 ukendt');
    const e = refused(() => loadTrial(parseCsvText(text, 'u.csv'), parsePlan({ ...PLAN, missingCodes: ['99 ukendt', ...codes] })));
    expect(e.problems.map((p) => p.kind)).toEqual(Array(8).fill('score.range:rmdq:unit:point'));
    const t = loadTrial(parseCsvText(text.replace(/ point/g, ''), 'u.csv'), parsePlan({ ...PLAN, missingCodes: ['99 ukendt'] }));
    expect(t.recoded).toEqual([{ column: 'rmdq', code: '99 ukendt', to: null, count: 1 }]);
  });

  it('in a covariate of numbers (48 år among ages) the problem says the unit too', () => {
    const e = refused(() => loadTrial(parseCsvText(TEXT.replace(/ point/g, '').replace(';30;', ';30 år;'), 'age.csv'), parsePlan(PLAN)));
    expect(e.problems).toMatchObject([{ line: 2, field: 'age', kind: 'covariate.range.age:unit:år', expected: 'a number from 0 to 120, without a unit' }]);
    expect(e.problems[0]!.hint).toContain('a unit ("år") after the number');
    // A covariate without a plausible range: the not-a-number problem says it.
    const w = refused(() => loadTrial(parseCsvText(TEXT.replace(/ point/g, '').replace('id;arm;time;age', 'id;arm;time;vaegt').replace(';30;', ';30 kg;'), 'kg.csv'), parsePlan({ ...PLAN, covariates: ['vaegt'] })));
    expect(w.problems).toMatchObject([{ line: 2, field: 'vaegt', kind: 'covariate.not-a-number:vaegt:unit:kg' }]);
  });

  it('with every follow-up cell unreadable and --exclude-invalid, analyze does not blame the visits\' names', () => {
    const all = TEXT.replace(/;(\d+)$/gm, ';$1 point');
    const csv = parseCsvText(all.split('\n').map((l, i) => (i > 0 && l.includes(';baseline;') ? l.replace(' point', '') : l)).join('\n'), 'all.csv');
    const trial = loadTrial(csv, parsePlan(PLAN), { excludeInvalid: true });
    const e = refused(() => checkTrialContent(csv, trial, 'analysis'));
    expect(e.message).toContain('no follow-up visit left in all.csv: --exclude-invalid left out 12 rows with problems');
    expect(e.message).not.toContain('timeLabels');
    // The command it suggests runs as printed: a file name with a space is quoted for the shell.
    const spaced = loadTrial({ ...csv, file: 'my trial.csv' }, parsePlan(PLAN), { excludeInvalid: true });
    expect(refused(() => checkTrialContent({ ...csv, file: 'my trial.csv' }, spaced, 'analysis')).message).toContain("`hta validate 'my trial.csv'` with the same --plan lists their problems");
    // Some follow-up rows kept, with no score: the rows are at the visit, so the visits are named right.
    const some = parseCsvText(all.split('\n').map((l, i) => (i > 0 && l.includes(';baseline;') ? l.replace(' point', '') : i === 2 ? l.replace(/;\d+ point$/, ';') : l)).join('\n'), 'some.csv');
    const kept = loadTrial(some, parsePlan(PLAN), { excludeInvalid: true });
    const f = refused(() => checkTrialContent(some, kept, 'analysis'));
    expect(f.message).toContain('has no follow-up data');
    const expected = f.problems[0]!.expected;
    expect(expected).not.toContain('timeLabels');
    expect(expected).toContain('the rows at 3m hold none: each outcome cell there is empty; --exclude-invalid left out 11 rows');
  });
});
