// A covariate naming a place (site, region, sygehus, kommune) or holding DAGI region codes is
// drafted as categories, never one number: numbered regions read as a number moved the ANCOVA
// (docs/plan-trial.md "What plan init recognises"). Numbers checked with R: lm(rmdq_3m ~ arm +
// rmdq_basis + alder + factor(region)).
import { describe, expect, it } from 'vitest';
import { parseCsvText, readCsvFile } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { removeTempDirs } from '../support/run-cli.js';
import { afterAll } from 'vitest';
import { analyzeDraft } from './analyze-draft.js';

afterAll(removeTempDirs);

const DIR = 'test/fixtures/exports/plan-init-shapes';

describe('region as DAGI codes (1081–1085)', () => {
  const d = draftPlan(readCsvFile(`${DIR}/region-dagi-codes.csv`), 'plan.schema.json');
  it('is drafted categorical, with the reason among the checks', () => {
    expect(d.plan.covariates).toEqual(['alder', 'region']);
    expect(d.plan.covariateTypes).toEqual({ region: 'categorical' });
    expect(d.checks.join('\n')).toContain('"Region" holds DAGI region codes (1081, 1082, 1083, 1084, 1085): regions, not a quantity');
  });
  it('gives the ANCOVA R gives with factor(region): −2.32 (−3.24 to −1.40)', async () => {
    const { effects } = await analyzeDraft(`${DIR}/region-dagi-codes.csv`, d.plan);
    const ancova = effects.find((x) => x.method === 'ancova')!;
    expect([ancova.difference, ancova.ciLower, ancova.ciUpper].map((x) => x.toFixed(2))).toEqual(['-2.32', '-3.24', '-1.40']);
  });
});

describe('numbered sites and other place names', () => {
  const csv = (col: string, site: (i: number) => number) =>
    parseCsvText(`id,arm,age,${col},rmdq_0,rmdq_3m\n${Array.from({ length: 40 }, (_, i) => `${i + 1},${i % 2 ? 'app' : 'usual'},${30 + (i % 17)},${site(i)},${10 + (i % 7)},${8 + (i % 5)}`).join('\n')}\n`, 'sites.csv');
  it('Castor-style site numbers 1–5 are categories', () => {
    const d = draftPlan(csv('site', (i) => 1 + (i % 5)), 'plan.schema.json');
    expect(d.plan.covariateTypes).toEqual({ site: 'categorical' });
    expect(d.checks.join('\n')).toMatch(/"site" names a place and holds 5 different numbers/);
  });
  it('Sygehus, Kommunekode and Centernr are drafted as covariates, as categories', () => {
    // Both arms at each hospital (patients 2k and 2k + 1): one arm per hospital is a cluster-randomised trial (draft "clusters").
    for (const name of ['Sygehus', 'Kommunekode', 'Centernr', 'hospital']) {
      const d = draftPlan(csv(name, (i) => 101 + (Math.floor(i / 2) % 4) * 46), 'plan.schema.json');
      expect(d.plan.covariateTypes, name).toMatchObject({ [name.toLowerCase()]: 'categorical' });
    }
  });
  it('age stays a number', () => {
    const d = draftPlan(csv('site', (i) => 1 + (i % 5)), 'plan.schema.json');
    expect(d.plan.covariateTypes).not.toHaveProperty('age');
  });
});
