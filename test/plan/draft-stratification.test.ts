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
    // A block is no stratification factor: only the stratum is named as one in the methods.
    expect(d.plan.stratificationFactors).toEqual(['stratum']);
    expect(d.checks.join('\n')).toContain('"Stratum" names a stratification factor: drafted as a categorical covariate');
    expect(d.checks.join('\n')).toContain('"blok" names a randomisation block');
    expect(d.guesses.join('\n')).not.toMatch(/not used: .*(Stratum|blok)/);
  });
});

/** 24 patients in a REDCap-like long export: a stratum column named after the score it stratifies by, 1/2 on the baseline row only. */
const exportWith = (column: string, extra = '', extraCell = (_i: number) => '') =>
  parseCsvText(
    `record_id,redcap_event_name,randomisering,${JSON.stringify(column)}${extra ? `,${extra}` : ''},alder,rmdq\n${Array.from({ length: 24 }, (_, i) => [`${i + 1},baseline_arm_1,${i % 2 ? 1 : 3},${1 + (i % 3 === 0 ? 1 : 0)}${extra ? `,${extraCell(i)}` : ''},${30 + i},${(i * 7) % 24}`, `${i + 1},3_months_arm_1,,${extra ? ',' : ''},,${(i * 5) % 24}`].join('\n')).join('\n')}\n`,
    'strata.csv',
  );

describe('plan init on stratification columns named with other words', () => {
  // They came out "not used" (strata_rmdq) or as a second RMDQ outcome (rmdq_strata, 1/2 codes).
  for (const column of ['strata_rmdq', 'stratum_rmdq', 'strat_rmdq', 'rand_strata', 'rmdq_strata', 'rmdq_stratum', 'Stratum: RMDQ ved baseline']) {
    it(`"${column}" is drafted as a categorical covariate and a stratification factor, not an outcome`, () => {
      const d = draftPlan(exportWith(column), 'plan.schema.json');
      const name = d.plan.covariates!.find((c: string) => c !== 'alder')!;
      expect(d.plan.covariates).toHaveLength(2);
      expect(d.plan.columns?.covariates?.[name] ?? name).toBe(column);
      expect(d.plan.covariateTypes).toEqual({ [name]: 'categorical' });
      expect(d.plan.stratificationFactors).toEqual([name]);
      expect(d.plan.outcomes.map((o: { key: string }) => o.key)).toEqual(['rmdq']);
      expect(d.guesses.join('\n')).not.toMatch(/not used: .*strat/i);
    });
  }
  it('REDCap\'s data access group is the stratification factor when no place column is drafted, and left out beside one', () => {
    const alone = draftPlan(exportWith('redcap_data_access_group'), 'plan.schema.json');
    expect(alone.plan.covariates).toContain('redcap_data_access_group');
    expect(alone.plan.stratificationFactors).toEqual(['redcap_data_access_group']);
    const beside = draftPlan(exportWith('redcap_data_access_group', 'site', (i) => String(1 + ((i >> 1) % 4))), 'plan.schema.json');
    expect(beside.plan.covariates).toEqual(['site', 'alder']);
    expect(beside.guesses.join('\n')).toContain('not used: "redcap_data_access_group", REDCap\'s data access group (usually the site): a place column is drafted as a covariate already');
  });
});
