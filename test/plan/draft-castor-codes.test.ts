// plan init on a Castor EDC export with its user-missing values written as numbers (−95 measurement
// failed, −96 not applicable, −97 not asked, −98 asked but unknown, −99 not done;
// docs/plan-trial.md#negative-codes). They were read as data: sex −96 a third category, a BMI of
// −95 in the ANCOVA, and a lone rmdq −98 called "a run of values … such as a change".
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { belowRangeCodes } from '../../src/plan/below-range-codes.js';
import { loadTrial } from '../../src/trial/load-trial.js';

const FILE = 'test/fixtures/exports/castor-numeric-codes/export.csv';
const csvOf = (text: string) => parseCsvText(text, 'export.csv');

describe('plan init: Castor EDC numeric user-missing codes', () => {
  it('drafts −95 … −98 as missing-value codes where nothing else in the column is negative, and says they are Castor\'s', () => {
    const text = readFileSync(FILE, 'utf8');
    const d = draftPlan(csvOf(text), 'plan.schema.json');
    const plan = d.plan as { missingCodes?: unknown[]; covariateTypes?: Record<string, string> };
    expect([...(plan.missingCodes ?? [])].sort()).toEqual([-95, -96, -97, -98].sort());
    // Sex is 1/2 once −96 is a code: no third category drafted.
    expect(plan.covariateTypes?.sex).toBeUndefined();
    expect(d.checks.join('\n')).not.toMatch(/"sex" has only the values -96/);
    const castor = d.checks.find((c) => c.startsWith("Castor EDC's numeric user-missing codes drafted as missing-value codes"));
    expect(castor).toContain('column "rmdq" -98 (asked but unknown); column "age" -97 (not asked); column "sex" -96 (not applicable); column "bmi" -95 (measurement failed)');
    // The lone −98 is no "run of values".
    expect(d.checks.join('\n')).not.toContain('holds values below the scale');
    // The draft reads its own export, the codes as missing.
    const trial = loadTrial(csvOf(text), parsePlan(d.plan));
    const patient = (id: string) => trial.patients.find((p) => p.id === id)!;
    expect(patient('110005').covariates.bmi).toBeNull();
    expect(patient('110007').covariates.sex).toBeNull();
    expect(patient('110009').covariates.age).toBeNull();
    expect(trial.observations.find((o) => o.id === '110012' && o.time === '3m')?.scores.rmdq ?? null).toBeNull();
    expect(patient('110006').covariates.bmi).toBe(35.9);
  });

  it('a column holding other negative values keeps −96 as data (a change), and says why the values are no codes', () => {
    // A BMI exported centred (BMI − 25: −12 … +6) with a −96: plan init cannot tell it from a real value; left for validate and the user.
    const lines = ['Participant Id;Randomization Group;bmi;age;rmdq_bl;rmdq_3m'];
    for (let k = 1; k <= 16; k++) lines.push(`${k};${k % 2 ? 'App' : 'Usual care'};${k === 4 ? -96 : (k % 19) - 12};${30 + k};${10 + (k % 7)};${5 + (k % 6)}`);
    const d = draftPlan(csvOf(lines.join('\n') + '\n'), 'plan.schema.json');
    expect((d.plan as { covariates?: string[] }).covariates).toContain('bmi');
    expect((d.plan as { missingCodes?: unknown[] }).missingCodes ?? []).not.toContain(-96);
    // An outcome below its scale: a lone −5 is "no usual missing-value code", not "a run".
    const below = ['id;arm;rmdq_bl;rmdq_3m'];
    for (let k = 1; k <= 12; k++) below.push(`${k};${k % 2 ? 'a' : 'b'};${8 + (k % 5)};${k === 3 ? -5 : 4 + (k % 6)}`);
    const d2 = draftPlan(csvOf(below.join('\n') + '\n'), 'plan.schema.json');
    expect(d2.checks.join('\n')).toContain('column "rmdq" holds values below the scale\'s 0 (-5): not drafted as missing-value codes (it is no usual missing-value code (-1, -7, -8, -9, -95 to -99, -999), so it is read as data, such as a change)');
  });

  it('Castor\'s block −99 … −95 is no run of data; a run of change scores still is', () => {
    expect(belowRangeCodes([-98])).toEqual({ codes: [-98], values: [] });
    expect(belowRangeCodes([-99, -98, -97, -96, -95]).codes).toEqual([-99, -98, -97, -96, -95]);
    expect(belowRangeCodes([-7, -6, -5, -98])).toMatchObject({ codes: [], why: 'run' });
    expect(belowRangeCodes([-40, -98])).toMatchObject({ codes: [], why: 'not-a-code' });
  });
});
