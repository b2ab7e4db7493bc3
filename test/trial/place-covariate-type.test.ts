/**
 * A covariate whose name says it holds places or groups (praksisnr, ydernummer, site) and whose
 * cells are numbers is refused without a declared type (docs/plan-trial.md "covariateTypes"): read
 * as one number, the ANCOVA fitted a slope on the code numbers. Plan init drafts such a covariate
 * "categorical", ydernummer too.
 */
import { describe, expect, it } from 'vitest';
import { errorOf } from '../support/error-of.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';

/** 40 patients in 8 practices, both arms in each (individually randomised), practices numbered as GP provider numbers. */
const csv = (column: string) =>
  parseCsvText(`id,arm,${column},time,nrs\n${Array.from({ length: 40 }, (_, i) => [`${i + 1},${i % 2 ? 'app' : 'usual'},${100000 + (Math.floor(i / 2) % 8) * 12345},baseline,${i % 9}`, `${i + 1},${i % 2 ? 'app' : 'usual'},${100000 + (Math.floor(i / 2) % 8) * 12345},3m,${(i * 3) % 10}`].join('\n')).join('\n')}\n`, 'trial.csv');
const plan = (column: string, types?: object) => parsePlan({ arms: { intervention: 'app', control: 'usual' }, timepoints: ['3m'], covariates: [column], outcomes: [{ key: 'nrs', instrument: 'nrs' }], ...(types ? { covariateTypes: types } : {}) });

describe('a place-named covariate of numbers', () => {
  for (const column of ['ydernummer', 'ydernr', 'praksisnr', 'site_id']) {
    it(`"${column}" without a type is refused, saying to declare it`, () => {
      const err = errorOf(() => loadTrial(csv(column), plan(column)));
      expect(err.exitCode).toBe(2);
      expect(err.problems).toMatchObject([{ line: 1, column: 3, field: column, kind: `covariate.place-number:${column}` }]);
      expect(err.problems[0]!.expected).toContain(`set "covariateTypes": { "${column}": "categorical" } (one level per place), or "numeric" if the numbers really are a quantity`);
    });
  }
  it('is read as declared', () => {
    expect(loadTrial(csv('ydernr'), plan('ydernr', { ydernr: 'categorical' })).patients[0]!.covariates.ydernr).toBe('100000');
    expect(loadTrial(csv('ydernr'), plan('ydernr', { ydernr: 'numeric' })).patients[0]!.covariates.ydernr).toBe(100000);
  });
  it('a covariate named otherwise is read as numbers, as before', () => {
    expect(loadTrial(csv('score'), plan('score')).patients[0]!.covariates.score).toBe(100000);
  });
  it('plan init drafts ydernummer as a categorical covariate', () => {
    const d = draftPlan(csv('ydernummer'), 'plan.schema.json');
    expect(d.plan.covariates).toEqual(['ydernummer']);
    expect(d.plan.covariateTypes).toEqual({ ydernummer: 'categorical' });
  });
});
