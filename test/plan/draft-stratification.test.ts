// Stratification factors of the randomisation (stratum, blok) are drafted as categorical
// covariates with a note (ICH E9: adjust for the factors the randomisation was stratified by);
// plan init used to list them as "not used" (docs/plan-trial.md "What plan init recognises").
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';

/** 24 patients, both arms in each stratum and block (blocks of 4: two per arm). */
const csv = parseCsvText(
  `id,arm,Stratum,blok,alder,time,nrs\n${Array.from({ length: 24 }, (_, i) => ['baseline', '3m'].map((t, k) => `P${i + 1},${i % 2 ? 'app' : 'usual'},${i % 3 === 0 ? 'A-M' : 'N-Z'},${1 + Math.floor(i / 4)},${30 + i},${t},${(i + k * 3) % 10}`).join('\n')).join('\n')}\n`,
  'strat.csv',
);

describe('plan init on an export with stratum and block columns', () => {
  const d = draftPlan(csv, 'plan.schema.json');
  it('drafts both as categorical covariates, with a note each', () => {
    expect(d.plan.covariates).toEqual(['stratum', 'blok', 'alder']);
    expect(d.plan.covariateTypes).toEqual({ stratum: 'categorical', blok: 'categorical' });
    expect(d.checks.join('\n')).toContain('"Stratum" names a stratification factor: drafted as a categorical covariate');
    expect(d.checks.join('\n')).toContain('"blok" names a randomisation block');
    expect(d.guesses.join('\n')).not.toMatch(/not used: .*(Stratum|blok)/);
  });
});
