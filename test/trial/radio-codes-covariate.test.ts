/**
 * A REDCap radio or dropdown covariate exported raw (education 1–4) is codes or a scale, and hta
 * does not guess (column-kind.ts rule 3, docs/plan-trial.md "covariateTypes"). Before, four or more
 * codes were read as one slope on the codes (3 m ANCOVA −1.613 on 146 df where R's factor() gives
 * −1.726 on 144) while Table 1 and the methods spoke of categories; only exactly three were refused.
 */
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { baselineTable } from '../../src/trial/baseline-table.js';
import { tallyOf } from '../../src/trial/column-kind.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { errorOf } from '../support/error-of.js';

const WORDS = ['Grundskole', 'Gymnasial', 'Kort videregående', 'Lang videregående'];

/** 48 patients, education coded 1–4 (or as its words), age 25–72, RMDQ at baseline and 3 months. */
function exportText(education: (code: number) => string): string {
  const rows = ['record_id,redcap_event_name,randomisering,alder,uddannelse,rmdq'];
  for (let i = 0; i < 48; i++) {
    const code = 1 + ((i * 5) % 7) % 4;
    rows.push(`${i + 1},baseline_arm_1,${1 + (i % 2)},${25 + i},${education(code)},${6 + ((i * 7) % 13)}`);
    rows.push(`${i + 1},3_months_arm_1,,,,${Math.max(0, 3 + ((i * 11) % 14) - (i % 2) * 2 + code)}`);
  }
  return rows.join('\n') + '\n';
}
const codes = () => parseCsvText(exportText(String), 'redcap.csv');
const plan = (types?: object) =>
  parsePlan({
    arms: { intervention: '1', control: '2' },
    columns: { id: 'record_id', time: 'redcap_event_name', arm: 'randomisering' },
    timeLabels: { baseline_arm_1: 'baseline', '3_months_arm_1': '3m' },
    timepoints: ['3m'],
    covariates: ['alder', 'uddannelse'],
    outcomes: [{ key: 'rmdq', instrument: 'rmdq' }],
    methods: ['ancova'],
    ...(types ? { covariateTypes: types } : {}),
  });

describe('a covariate of a few one-digit codes', () => {
  it('is refused until "covariateTypes" says codes or scale, naming the column and its codes', () => {
    const err = errorOf(() => loadTrial(codes(), plan()));
    expect(err.exitCode).toBe(2);
    expect(err.problems).toMatchObject([{ line: 1, column: 5, field: 'uddannelse', kind: 'covariate.undecided:uddannelse' }]);
    expect(err.problems[0]!.expected).toContain('"uddannelse" has only the values 1, 2, 3, 4 (after the plan\'s codes), which may be four categories or a scale');
    expect(err.problems[0]!.expected).toContain('set "covariateTypes": { "uddannelse": "categorical" } (codes of four categories: three indicators in the ANCOVA)');
  });

  it('declared categorical: the ANCOVA of the words (three indicators), and Table 1 four levels', () => {
    const coded = loadTrial(codes(), plan({ uddannelse: 'categorical' }));
    const words = loadTrial(parseCsvText(exportText((c) => WORDS[c - 1]!), 'redcap.csv'), plan());
    const effect = (t: typeof coded) => analyzeTrial(t, { version: 'test' }).effects.find((e) => e.method === 'ancova')!;
    expect(effect(coded).difference).toBeCloseTo(effect(words).difference, 12);
    expect(effect(coded).se).toBeCloseTo(effect(words).se!, 12);
    expect(effect(coded).df).toBe(effect(words).df);
    const row = baselineTable(coded).rows.find((r) => r.key === 'uddannelse')!;
    expect(row.kind).toBe('categorical');
    // Age (48 different values) stays one number: in the model and as a mean in Table 1.
    expect(coded.patients.every((p) => typeof p.covariates.alder === 'number')).toBe(true);
    expect(baselineTable(coded).rows.find((r) => r.key === 'alder')!.kind).toBe('numeric');
  });

  it('declared numeric: one slope, and Table 1 a mean', () => {
    const trial = loadTrial(codes(), plan({ uddannelse: 'numeric' }));
    expect(trial.patients.every((p) => typeof p.covariates.uddannelse === 'number')).toBe(true);
    expect(baselineTable(trial).rows.find((r) => r.key === 'uddannelse')!.kind).toBe('numeric');
  });

  it('rule 3: three whole numbers, or four to seven between 0 and 9; never more, wider or with decimals', () => {
    expect(tallyOf([1, 2, 3, 4]).undecidedCodes()).toEqual([1, 2, 3, 4]);
    expect(tallyOf([0, 9, 1, 2, 3, 4, 5]).undecidedCodes()).toEqual([0, 1, 2, 3, 4, 5, 9]);
    expect(tallyOf([1, 2, 3, 4, 5, 6, 7, 8]).undecidedCodes()).toBeUndefined();
    expect(tallyOf([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).undecidedCodes()).toBeUndefined();
    expect(tallyOf([1, 2, 3, 12]).undecidedCodes()).toBeUndefined();
    expect(tallyOf([34, 45, 51, 62]).undecidedCodes()).toBeUndefined();
    expect(tallyOf([1, 2, 3, 4.5]).undecidedCodes()).toBeUndefined();
  });

  it('plan init drafts it "categorical" and says so', () => {
    const d = draftPlan(codes(), 'plan.schema.json');
    expect(d.plan.covariateTypes).toEqual({ uddannelse: 'categorical' });
    expect(d.checks).toContain('"uddannelse" has only the values 1, 2, 3, 4: drafted as four categories ("covariateTypes": "categorical"); if they are a scale (one slope in the ANCOVA), write "numeric"');
  });
});
