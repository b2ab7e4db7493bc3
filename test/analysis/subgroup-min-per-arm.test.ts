/**
 * A subgroup's minimum of patients per arm in a level (docs/subgroups.md#too-few-patients-in-a-level):
 * one limit for the ANCOVA, the risk differences and both tests for interaction. A level below it
 * has no estimate (a row with the reason) and is left out of the test, which then agrees with R on
 * the other levels (test/reference/subgroup-min-per-arm.R: anova and metafor).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { subgroupFailed } from '../../src/analysis/subgroup-effects.js';
import type { AnalysisResult, SubgroupResult } from '../../src/analysis/results-schema.js';
import { readCsvFile } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { danishReason } from '../../src/report/failure-reasons.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { runCli, tempDir } from '../support/run-cli.js';

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

  it('warns once for the subgroup, not once per level × outcome × time', () => {
    expect(result.warnings.filter((w) => w.includes("level gp: level 'gp' has too few patients"))).toEqual([]);
    expect(result.warnings.filter((w) => w.startsWith('subgroup recruited_by:'))).toEqual([
      'subgroup recruited_by: 1 of 4 levels had fewer than 7 patients in an arm in at least one of its 3 analyses (outcome × time): no estimate for them there, and left out of the tests for interaction (each level and its counts in the subgroup tables; docs/subgroups.md#too-few-patients-in-a-level)',
    ]);
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

/** The fixture's plan with one subgroup: recruitment setting, with labels for gp and the settings given. */
function planWith(setting: Record<string, unknown>): string {
  const base = JSON.parse(readFileSync('test/fixtures/subgroups/plan.json', 'utf8'));
  const { population: _, ...rest } = base;
  const gpLabel = { levelLabels: { gp: { en: 'general practice', da: 'almen praksis' } } };
  const file = join(tempDir(), 'plan.json');
  writeFileSync(file, JSON.stringify({ ...rest, subgroups: [{ ...base.subgroups[0], ...gpLabel, ...setting }] }));
  return file;
}

describe('a level held back by the plan\'s own "minPerArm" is a warning, not a failure', () => {
  it('only one level left to test: the reason says so (not "needs 2 levels with patients"), and analyze exits 0', async () => {
    const r = await runCli('analyze', 'test/fixtures/subgroups/trial.csv', '--plan', planWith({ levels: ['physio', 'gp'], minPerArm: 7, predictedDirection: undefined }), '--json');
    expect(r.stderr).not.toMatch(/^error/m);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as AnalysisResult;
    expect(result.subgroups).toHaveLength(3);
    for (const g of result.subgroups!) {
      expect(g.interaction.levelsTested).toEqual(['physio']);
      expect(g.interaction.levelsTooFew).toEqual(['gp']);
      expect(g.interaction.error).toBe("fewer than 2 levels have at least 7 patients in each arm; left out: 'gp'");
      expect(danishReason(g.interaction.error!)).toBe("færre end 2 niveauer har mindst 7 patienter i hver gruppe; udeladt: 'gp'");
      // The reason names the level left out; the statement does not say it twice.
      expect(g.credibility.statement.en).not.toMatch(/Left out of the test/);
      // The statement names the level by its label ("general practice"), the reason in results.json by its value.
      expect(g.credibility.statement.en).toMatch(/^The interaction could not be tested \(fewer than 2 levels have at least 7 patients in each arm; left out: 'general practice'\); /);
      expect(g.credibility.statement.da).toMatch(/^Interaktionen kunne ikke testes \(færre end 2 niveauer har mindst 7 patienter i hver gruppe; udeladt: 'almen praksis'\); /);
      expect(subgroupFailed(g)).toBe(false);
    }
    expect(r.stderr).not.toMatch(/needs at least 2 levels/);
  });

  it('the statement names the level left out by its label, not the export\'s value', () => {
    const g = run(7).subgroups![0]!;
    expect(g.credibility.statement.en).not.toMatch(/'general practice'/);
    const labelled = analyzeTrial(loadTrial(readCsvFile('test/fixtures/subgroups/trial.csv'), parsePlan(JSON.parse(readFileSync(planWith({ minPerArm: 7 }), 'utf8')))), { version: 'test' });
    const s = labelled.subgroups![0]!.credibility.statement;
    expect(s.en).toMatch(/ Left out of the test for fewer than 7 patients in an arm: level 'general practice'\.$/);
    expect(s.da).toMatch(/ niveauet 'almen praksis'\.$/);
  });

  it('a level with patients in one arm only is held back as a too-few level (exit 0, as report); a test failing with 2 levels or more still fails', () => {
    const g = run(7).subgroups![0]!;
    expect(subgroupFailed(g)).toBe(false);
    const gp = g.levels.find((l) => l.level === 'gp')!;
    const oneArm = { ...g, levels: g.levels.map((l) => (l === gp ? { ...l, effect: { ...l.effect, n: { intervention: 6, control: 0 } } } : l)) };
    expect(subgroupFailed(oneArm)).toBe(false);
    // A level that failed for another reason than the minimum (not in levelsTooFew) still fails.
    const other = { ...g, levels: g.levels.map((l) => (l.level === 'physio' ? { ...l, effect: { ...l.effect, error: 'the model could not be fitted' } } : l)) };
    expect(subgroupFailed(other)).toBe(true);
    expect(subgroupFailed({ ...g, interaction: { ...g.interaction, error: 'singular' } })).toBe(true);
  });
});

describe('many levels left out (a numeric column without cuts: one level per age)', () => {
  it('names the first 5 and says how many more, in the reason and in Danish', () => {
    const base = JSON.parse(readFileSync('test/fixtures/subgroups/plan.json', 'utf8'));
    const { population: _, ...rest } = base;
    const plan = parsePlan({ ...rest, subgroups: [{ column: 'age', label: { en: 'age', da: 'alder' }, prespecified: false }] });
    const g = analyzeTrial(loadTrial(readCsvFile('test/fixtures/subgroups/trial.csv'), plan), { version: 'test' }).subgroups![0]!;
    const few = g.interaction.levelsTooFew!;
    expect(few.length).toBeGreaterThan(5);
    expect(g.interaction.levelsTested.length).toBeLessThan(2);
    expect(g.interaction.error).toBe(`fewer than 2 levels have at least 5 patients in each arm; left out: ${few.slice(0, 5).map((l) => `'${l}'`).join(', ')} and ${few.length - 5} more`);
    expect(danishReason(g.interaction.error!)).toMatch(new RegExp(`; udeladt: '[^']+', '[^']+', '[^']+', '[^']+', '[^']+' og ${few.length - 5} andre$`));
    // Some ages have patients in one arm only: held back as the too-few ones are, not a failure.
    expect(g.levels.some((l) => /in one arm only/.test(l.effect.error ?? ''))).toBe(true);
    expect(subgroupFailed(g)).toBe(false);
  });
});
