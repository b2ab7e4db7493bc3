/**
 * The plan's suppression threshold comes before the design (docs/observational.md, "Small
 * counts", rule 1): with 4 app users, all men referred by their GP, the design's overlap check
 * would answer, and its message describes the 4 users ("K" and "hospital" only among the
 * non-users: none of them is a woman or hospital-referred). analyzeObservational says "too few
 * patients", which names nothing about the group.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { analyzeObservational } from '../../src/observational/analyze-observational.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { completeRegistryRows, registryCsv } from '../support/registry-rows.js';
import { HtaError } from '../../src/errors.js';
import { observationalDesign } from '../../src/observational/observational-design.js';
import type { Confounder } from '../../src/observational/observational-plan-schema.js';
import type { OutcomePairs } from '../../src/trial/outcome-pairs.js';

const users = 4;
const nonUsers = 30;
const n = users + nonUsers;
const pairs: OutcomePairs = {
  ids: Array.from({ length: n }, (_, i) => `p${i}`),
  arm: Array.from({ length: n }, (_, i) => (i < users ? 'intervention' : 'control')),
  baseline: Array.from({ length: n }, (_, i) => 10 + (i % 7)),
  followUp: Array.from({ length: n }, (_, i) => 8 + (i % 5)),
  covariates: {
    sex: Array.from({ length: n }, (_, i) => (i < users ? 'M' : i % 2 ? 'K' : 'M')),
    referrer: Array.from({ length: n }, (_, i) => (i < users ? 'gp' : i % 3 ? 'gp' : 'hospital')),
  },
};
const confounders = [{ name: 'sex', type: 'categorical' }, { name: 'referrer', type: 'categorical' }] as Confounder[];

function reasonOf(): string {
  try {
    observationalDesign(pairs, confounders, pairs.followUp, true, 'registry.csv', 5);
  } catch (e) {
    if (e instanceof HtaError) return e.message;
    throw e;
  }
  return 'analysed';
}

describe('a group under the suppression threshold', () => {
  it("the design's overlap check would describe it: the threshold must be checked first", () => {
    expect(reasonOf()).toMatch(/^no overlap: confounder "sex" has level "K" only among the unexposed/);
  });
});

describe('analyzeObservational with 4 app users', () => {
  it('says "too few patients" for every analysis, never an overlap message that describes the 4', () => {
    const d = completeRegistryRows(150);
    const users = d.rows.filter((r) => r.app === 'Ja');
    // Keep 4 users, all referred by their GP: a level only non-users have would be "no overlap".
    const keep = new Set(users.slice(0, 4));
    for (const r of keep) r.referrer = 'gp';
    const rows = d.rows.filter((r) => r.app !== 'Ja' || keep.has(r));
    const plan = parsePlan(JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8')));
    const result = analyzeObservational(loadTrial(parseCsvText(registryCsv({ names: d.names, rows }), 'registry.csv'), plan), { version: 'test' });
    expect(result.analyses.length).toBeGreaterThan(0);
    for (const a of result.analyses) expect(a.error).toBe('too few patients: fewer than 5 exposed or unexposed with complete data (the publication threshold)');
  });
});
