/**
 * An undeclared missing-value code in a trial's numeric covariate (999 = "uoplyst" in a BMI
 * column) is refused as the confounders' are (src/observational/nine-codes.ts): read as a number,
 * the ANCOVA adjusted for a BMI of 999 without a word.
 */
import { describe, expect, it } from 'vitest';
import { formatError, HtaError } from '../../src/errors.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { errorOf } from '../support/error-of.js';

const base = {
  arms: { intervention: 'app', control: 'usual' },
  timepoints: ['3m'],
  methods: ['ancova'],
  missing: { sensitivity: false },
  covariates: ['bmi'],
  outcomes: [{ key: 'nrs', instrument: 'nrs' }],
};

function lines(bmi: (k: number) => string): string {
  const out = ['id,arm,time,nrs,bmi'];
  for (let k = 1; k <= 30; k++) {
    const arm = k % 2 ? 'app' : 'usual';
    out.push(`P${k},${arm},baseline,${k % 9},${bmi(k)}`, `P${k},${arm},3m,${(k * 5) % 9},`);
  }
  return out.join('\n') + '\n';
}

describe('a nine-only code in a trial covariate', () => {
  it('999 far above the column is refused naming the covariate and the fix; declared, it is missing', () => {
    const csv = lines((k) => (k === 7 ? '999' : String(20 + (k % 12))));
    const err = errorOf(() => loadTrial(parseCsvText(csv, 'trial.csv'), parsePlan(base)));
    expect(err).toBeInstanceOf(HtaError);
    expect(err.exitCode).toBe(2);
    const text = formatError(err);
    expect(text).toContain('trial.csv:14:5 (bmi): "999" — expected a value of the covariate "bmi", not a missing-value code: far above its other values (at most 31)');
    expect(text).toContain('add it to the plan\'s "missingCodes"; if it is a real value, give "bmi" a "covariateRanges" entry');
    const declared = loadTrial(parseCsvText(csv, 'trial.csv'), parsePlan({ ...base, missingCodes: [999] }));
    expect(declared.patients.find((p) => p.id === 'P7')!.covariates.bmi).toBeNull();
  });

  it('a 99 among values near it, and a 999 with a plan range, are values', () => {
    expect(() => loadTrial(parseCsvText(lines((k) => (k === 7 ? '99' : String(60 + k))), 'trial.csv'), parsePlan(base))).not.toThrow();
    const ranged = loadTrial(parseCsvText(lines((k) => (k === 7 ? '999' : String(20 + (k % 12)))), 'trial.csv'), parsePlan({ ...base, covariateRanges: { bmi: { min: 0, max: 1000 } } }));
    expect(ranged.patients.find((p) => p.id === 'P7')!.covariates.bmi).toBe(999);
  });
});
