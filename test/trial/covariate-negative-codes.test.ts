/**
 * An undeclared negative missing-value code in a trial covariate (Castor EDC's −95 … −99, or −7,
 * −8, −9, −999) where no other value of the column is negative: refused, as a nine-only code is
 * (src/trial/negative-code-cells.ts). With a hand-written plan a BMI of −95 went into Table 1 and
 * the ANCOVA and sex −96 became a third level, while validate said "valid".
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { refusalText } from '../support/error-of.js';

const DIR = 'test/fixtures/exports/castor-numeric-codes';
const text = readFileSync(`${DIR}/export.csv`, 'utf8');
const handPlan = JSON.parse(readFileSync(`${DIR}/plan.json`, 'utf8')) as Record<string, unknown>;
const csv = () => parseCsvText(text, 'export.csv');

describe('a negative user-missing code in a trial covariate', () => {
  it('Castor\'s −95 in a BMI and −96 in a categorical sex are refused at their cells, naming the code and the fix', () => {
    const out = refusalText(() => loadTrial(csv(), parsePlan(handPlan)));
    expect(out).toContain('export.csv:6:7 (bmi): "-95" — expected a value of the covariate "bmi", not a missing-value code: -95 is Castor EDC\'s code for "measurement failed"');
    expect(out).toContain('and no other value of "bmi" is negative — if it means "missing", add it to the plan\'s "missingCodes"; if it is a real value, give "bmi" a "covariateRanges" entry that includes it');
    expect(out).toContain('export.csv:lines 8, 15, column 6 (sex): "-96" — expected a value of the covariate "sex", not a missing-value code: -96 is Castor EDC\'s code for "not applicable"');
    // Not a row problem: --exclude-invalid would have analysed the rest with no word of the code.
    expect(refusalText(() => loadTrial(csv(), parsePlan(handPlan), { excludeInvalid: true }))).toContain('(bmi): "-95"');
  });

  it('declared in "missingCodes" the codes are missing; a "covariateRanges" entry that holds the value reads it', () => {
    const declared = loadTrial(csv(), parsePlan({ ...handPlan, missingCodes: [-95, -96, -98] }));
    const p = (id: string) => declared.patients.find((x) => x.id === id)!;
    expect(p('110005').covariates.bmi).toBeNull();
    expect(p('110007').covariates.sex).toBeNull();
    expect(new Set(declared.patients.map((x) => x.covariates.sex))).toEqual(new Set(['1', '2', null]));
    const ranged = loadTrial(csv(), parsePlan({ ...handPlan, missingCodes: [-96, -98], covariateRanges: { bmi: { min: -100, max: 100 } } }));
    expect(ranged.patients.find((x) => x.id === '110005')!.covariates.bmi).toBe(-95);
  });

  it('a column with other negative values (a change) holds −96 as data; −1 is no code; −9 among values of 0 or more is one', () => {
    const lines = (chg: (k: number) => number) => {
      const out = ['id,arm,time,nrs,chg'];
      for (let k = 1; k <= 20; k++) {
        const arm = k % 2 ? 'app' : 'usual';
        out.push(`P${k},${arm},baseline,${k % 9},${chg(k)}`, `P${k},${arm},3m,${(k * 5) % 9},`);
      }
      return parseCsvText(out.join('\n') + '\n', 'trial.csv');
    };
    const plan = parsePlan({ arms: { intervention: 'app', control: 'usual' }, timepoints: ['3m'], methods: ['ancova'], missing: { sensitivity: false }, covariates: ['chg'], outcomes: [{ key: 'nrs', instrument: 'nrs' }] });
    const change = loadTrial(lines((k) => (k === 3 ? -96 : (k % 11) - 6)), plan);
    expect(change.patients.find((x) => x.id === 'P3')!.covariates.chg).toBe(-96);
    const minusOne = loadTrial(lines((k) => (k === 3 ? -1 : k)), plan);
    expect(minusOne.patients.find((x) => x.id === 'P3')!.covariates.chg).toBe(-1);
    expect(refusalText(() => loadTrial(lines((k) => (k === 3 ? -9 : k)), plan))).toContain('trial.csv:6:5 (chg): "-9" — expected a value of the covariate "chg", not a missing-value code: -9 is a usual code for "missing" (-7, -8, -9, -99, -999), and no other value of "chg" is negative');
  });
});
