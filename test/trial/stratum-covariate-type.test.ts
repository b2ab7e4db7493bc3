/**
 * A covariate whose name says it is a stratification factor of the randomisation (stratum 1–8 =
 * site × baseline RMDQ stratum, strata_rmdq, REDCap's data access group) and whose cells are
 * numbers is refused without a declared type, as a place is (docs/plan-trial.md "covariateTypes"):
 * read as one number, the ANCOVA fitted a slope on the stratum codes and Table 1 showed
 * "Stratum, mean (SD)".
 */
import { describe, expect, it } from 'vitest';
import { errorOf } from '../support/error-of.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { namesAStratum } from '../../src/plan/stratum-names.js';

/** 32 patients in 8 strata (1–8), both arms in each. */
const csv = (column: string) =>
  parseCsvText(`id,arm,${JSON.stringify(column)},time,nrs\n${Array.from({ length: 32 }, (_, i) => ['baseline', '3m'].map((t, k) => `${i + 1},${i % 2 ? 'app' : 'usual'},${1 + (Math.floor(i / 2) % 8)},${t},${(i + k * 3) % 10}`).join('\n')).join('\n')}\n`, 'trial.csv');
const plan = (column: string, types?: object) => parsePlan({ arms: { intervention: 'app', control: 'usual' }, timepoints: ['3m'], covariates: [column], outcomes: [{ key: 'nrs', instrument: 'nrs' }], ...(types ? { covariateTypes: types } : {}) });

describe('a stratification-factor covariate of numbers', () => {
  for (const column of ['stratum', 'Strata', 'strata_rmdq', 'rmdq_stratum', 'rand_strata', 'strat_rmdq', 'Stratum: RMDQ ved baseline', 'redcap_data_access_group', 'randomiseringsblok']) {
    it(`"${column}" without a type is refused, saying to declare it`, () => {
      const err = errorOf(() => loadTrial(csv(column), plan(column)));
      expect(err.exitCode).toBe(2);
      expect(err.problems).toMatchObject([{ line: 1, column: 3, field: column, kind: `covariate.stratum-number:${column}` }]);
      expect(err.problems[0]!.expected).toContain(`names a stratification factor of the randomisation and holds numbers`);
      expect(err.problems[0]!.expected).toContain(`set "covariateTypes": { "${column}": "categorical" }`);
    });
  }
  it('is read as declared', () => {
    expect(loadTrial(csv('stratum'), plan('stratum', { stratum: 'categorical' })).patients[0]!.covariates.stratum).toBe('1');
    expect(loadTrial(csv('stratum'), plan('stratum', { stratum: 'numeric' })).patients[0]!.covariates.stratum).toBe(1);
  });
  it('names that only contain the letters are not strata', () => {
    for (const column of ['strategy', 'stratus', 'rmdq', 'dag', 'blokade', 'substrate']) expect(namesAStratum(column), column).toBe(false);
    expect(loadTrial(csv('strategy'), plan('strategy')).patients[0]!.covariates.strategy).toBe(1);
  });
});
