/**
 * A subgroup's minimum of patients per arm in a level (docs/subgroups.md#too-few-patients-in-a-level):
 * one limit for the ANCOVA, the risk differences and both tests for interaction. A level below it
 * has no estimate (a row with the reason) and is left out of the test, which then agrees with R on
 * the other levels (test/reference/subgroup-min-per-arm.R: anova and metafor).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import type { AnalysisResult, SubgroupResult } from '../../src/analysis/results-schema.js';
import { readCsvFile } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { danishReason } from '../../src/report/failure-reasons.js';
import { loadTrial } from '../../src/trial/load-trial.js';

const ref = JSON.parse(readFileSync('test/reference/subgroup-min-per-arm.json', 'utf8'));

function run(minPerArm?: number): AnalysisResult {
  const base = JSON.parse(readFileSync('test/fixtures/subgroups/plan.json', 'utf8'));
  const { population: _, ...rest } = base;
  const setting = { ...base.subgroups[0], ...(minPerArm === undefined ? {} : { minPerArm }) };
  const plan = parsePlan({ ...rest, subgroups: [setting] });
  return analyzeTrial(loadTrial(readCsvFile('test/fixtures/subgroups/trial.csv'), plan), { version: 'test' });
}

function close(actual: number | null | undefined, expected: number, what: string): void {
  expect(actual, what).not.toBeNull();
  expect(Math.abs((actual as number) - expected), `${what}: ${actual} vs R ${expected}`).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(expected)));
}

describe('"minPerArm": 7 on recruitment setting (gp has 6/5 patients)', () => {
  let result: AnalysisResult;
  beforeAll(() => {
    result = run(ref.minPerArm);
  });

  it.each(['pain', 'med_use', 'pain_resp2'])('%s: gp has no estimate, and the test of the other levels agrees with R', (outcome) => {
    const g = result.subgroups!.find((x) => x.outcome === outcome) as SubgroupResult;
    const r = ref[outcome];
    const gp = g.levels.find((l) => l.level === 'gp')!.effect;
    expect(gp.difference).toBeNull();
    expect(gp.relevance ?? null).toBeNull();
    expect(gp.error).toMatch(/^level 'gp' has too few patients to estimate an effect within it: fewer than 7 in the (intervention|control) arm \(the subgroup's "minPerArm"\); it is left out of the test for interaction$/);
    expect(danishReason(gp.error!)).toMatch(/^niveauet 'gp' har for få patienter/);
    for (const l of g.levels.filter((x) => x.level !== 'gp')) expect(l.effect.difference).not.toBeNull();
    expect(g.interaction.levelsTested).toEqual(r.levelsTested);
    expect(g.interaction.levelsTooFew).toEqual(r.levelsTooFew);
    expect(g.interaction.minPerArm).toBe(7);
    close(g.interaction.statistic, r.statistic, `${outcome} statistic`);
    close(g.interaction.pValue, r.pValue, `${outcome} p`);
    expect(g.interaction.df1).toBe(r.df1);
    if (outcome === 'pain') expect(g.interaction.df2).toBe(r.df2);
    expect(g.credibility.statement.en).toMatch(/ Left out of the test for fewer than 7 patients in an arm: level 'gp'\.$/);
    expect(g.credibility.statement.da).toMatch(/ Udeladt af testen, fordi der er færre end 7 patienter i en gruppe: niveauet 'gp'\.$/);
  });

  it('warns of each level left out', () => {
    expect(result.warnings.filter((w) => w.includes("level gp: level 'gp' has too few patients"))).toHaveLength(3);
  });
});

describe('the default minimum (5 per arm)', () => {
  it('keeps gp (6/5) and tests all four levels, no level flagged', () => {
    const result = run();
    for (const g of result.subgroups!) {
      expect(g.interaction.levelsTested).toEqual(['physio', 'chiro', 'spine_clinic', 'gp']);
      expect(g.interaction.levelsTooFew).toBeUndefined();
      expect(g.interaction.minPerArm).toBe(5);
      for (const l of g.levels) expect(l.effect.error).toBeUndefined();
    }
  });
});
