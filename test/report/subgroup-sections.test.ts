/**
 * The report's subgroup forest plot and target-population section (src/report/charts/
 * subgroup-forest.ts, src/report/sections/subgroups.ts) on the subgroup fixture: numbers and
 * markers against R (test/reference/subgroups.R), markers on the side of their printed number,
 * the criteria flow, the plain statement, and the Danish terms.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import type { AnalysisResult } from '../../src/analysis/results-schema.js';
import { readCsvFile } from '../../src/io/read-csv.js';
import { loadPlanFile } from '../../src/plan/load-plan.js';
import { forestAnalyses, subgroupForestRows, subgroupForestSpec } from '../../src/report/charts/subgroup-forest.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { subgroupReport } from '../../src/report/sections/subgroups.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { readTargetSample } from '../../src/trial/target-sample.js';
import type { TrialData } from '../../src/trial/trial-data.js';

const ref = JSON.parse(readFileSync('test/reference/subgroups.json', 'utf8'));
let trial: TrialData;
let result: AnalysisResult;

beforeAll(() => {
  trial = loadTrial(readCsvFile('test/fixtures/subgroups/trial.csv'), loadPlanFile('test/fixtures/subgroups/plan.json'));
  result = analyzeTrial(trial, { version: 'test', targetSample: readTargetSample('test/fixtures/subgroups/target-sample.csv', trial.plan)! });
});

/** "−1.23 [...]" → −1.23 (the printed number, true minus). */
const printed = (text: string) => Number(text.split(' ')[0]!.replace('−', '-').replace(',', '.'));

describe('subgroup forest plot', () => {
  it('draws each level with its n and benefit from R, the all-patients row first, markers on the side of their numbers', () => {
    const ctx = trialChartContext(trial, 'en');
    const analyses = forestAnalyses(result.subgroups ?? [], 'recruited_by', '3m');
    expect(analyses.map((g) => g.outcome)).toEqual(['pain']); // med_use and responders have no MCID
    const rows = subgroupForestRows(analyses, result.effects, ctx);
    const rCase = ref.cases.find((c: { subgroup: string; outcome: string }) => c.subgroup === 'recruited_by' && c.outcome === 'pain');
    expect(rows.map((r) => r.overall)).toEqual([true, false, false, false, false]);
    expect(rows[0]!.pText).toBe(rCase.interaction.pValue.toFixed(3));
    const mcid = 2;
    for (const [i, l] of rCase.levels.entries()) {
      const row = rows[i + 1]!;
      expect(row.labelText).toBe(l.level);
      expect(row.nText).toBe(`${l.n.intervention}/${l.n.control}`);
      // Pain: lower is better, so the benefit (right favours the app) is −(R's difference).
      expect(row.est).toBeCloseTo(-l.difference / mcid, 9);
      expect(printed(row.effectText)).toBeCloseTo(-l.difference, 2);
      expect(Math.sign(printed(row.effectText))).toBe(Math.sign(row.est as number));
      expect(row.lo as number).toBeLessThanOrEqual(row.est as number);
      expect(row.hi as number).toBeGreaterThanOrEqual(row.est as number);
    }
    // The reference line: the all-patients ANCOVA benefit through every row of the outcome.
    const overall = result.effects.find((e) => e.outcome === 'pain' && e.method === 'ancova')!;
    for (const r of rows) expect(r.ref).toBeCloseTo((overall.benefit as number) / mcid, 12);
    expect(rows[0]!.est).toBe(rows[0]!.ref);
  });

  it('names the levels as the plan\'s levelLabels say, in the page\'s language, and keeps the code otherwise', () => {
    const analyses = forestAnalyses(result.subgroups ?? [], 'recruited_by', '3m');
    const names: Record<string, string> = { [analyses[0]!.levels[0]!.level]: 'første niveau' };
    const rows = subgroupForestRows(analyses, result.effects, trialChartContext(trial, 'da'), (l) => names[l] ?? l);
    expect(rows[1]!.labelText).toBe('første niveau');
    expect(rows[2]!.labelText).toBe(analyses[0]!.levels[1]!.level);
    // No sort key is an English word a Danish reader could see.
    for (const r of rows) expect(r.key).toMatch(/^\d+\|\d+$/);
  });

  it('prints Danish numbers and intervals, and the spec carries the data', () => {
    const ctx = trialChartContext(trial, 'da');
    const analyses = forestAnalyses(result.subgroups ?? [], 'recruited_by', '3m');
    const spec = subgroupForestSpec(analyses, result.effects, ctx, 'rekrutteringssted', '3m') as unknown as { title: { text: string }; data: { values: { effectText: string; headingRight: string; labelText: string }[] } };
    expect(spec.title.text).toBe('Effekt efter rekrutteringssted: 3 måneder');
    // The outcome's heading line (its unit and interaction p), then all patients and the levels.
    expect(spec.data.values[0]!.labelText).toBe(ctx.outcomeLabel('pain'));
    expect(spec.data.values[0]!.headingRight).toMatch(/^i \S+; interaktionstest p (= \d,\d{3}|< 0,001)$/);
    expect(spec.data.values[1]!.effectText).toMatch(/^−?\d+,\d\d \(−?\d+,\d\d til −?\d+,\d\d\)$/);
  });
});

describe('report sections', () => {
  it('the target population: each criterion\'s exclusions (= R) and the trial, target and transported rows side by side', () => {
    const ctx = trialChartContext(trial, 'en');
    const { sections, charts } = subgroupReport(result, trial.plan, ctx, () => 10);
    const target = sections.find((s) => s.id === 'target-population')!;
    const [criteria, effects] = target.tables!.map((t) => t.table);
    expect(criteria!.rows.slice(1).map((r) => r[1])).toEqual(ref.target.flow.map((f: { excluded: { intervention: number; control: number } }) => `${f.excluded.intervention}/${f.excluded.control}`));
    expect(criteria!.rows.at(-1)![3]).toBe(`${ref.target.patients.intervention}/${ref.target.patients.control}`);
    // pain 3m: trial, patients meeting the criteria, raked, weighted to the sample — consecutive rows.
    const pain = effects!.rows.slice(0, 4);
    expect(pain.map((r) => r[1])).toEqual(['Trial population', 'Patients meeting the criteria', 'Trial reweighted to the target', 'Trial patients weighted to the target sample']);
    expect(effects!.rows[4]![0]).not.toBe('');
    expect(printed(pain[3]![3]!)).toBeCloseTo(ref.inverseOdds.pain.difference, 2);
    // The target rows left out for a missing model value are said (results.json: targetSample.excludedMissing).
    const left = result.targetPopulation!.targetSample!.excludedMissing;
    expect(left).toBeGreaterThan(0);
    expect(target.notes!.join(' ')).toContain(`inverse odds of trial membership from a logistic model of membership of the ${ref.inverseOdds.rows} target patients (of the ${ref.inverseOdds.rows + left} rows of target-sample.csv; ${left} left out for a missing model value) against the trial on age, symptom_weeks, country`);
    // The intro names both weightings: raking to the margins and the inverse odds to the sample (not "raked" alone).
    expect(target.intro!.join(' ')).toContain(`the whole trial reweighted to it: raked to its margins, and weighted to a sample of ${ref.inverseOdds.rows} target patients (inverse odds of trial membership)`);
    expect(pain[1]![2]).toBe(`${ref.target.ancova.n.intervention}/${ref.target.ancova.n.control}`);
    expect(printed(pain[1]![3]!)).toBeCloseTo(ref.target.ancova.difference, 2);
    expect(printed(pain[2]![3]!)).toBeCloseTo(ref.transported.difference, 2);
    // R's eff. n (27) is under half the 86 patients raked: marked (docs/subgroups.md#extreme-weights).
    expect(pain[2]![2]).toBe(`${ref.transported.n.intervention}/${ref.transported.n.control} (eff. n ${Math.round(ref.transported.effectiveSampleSize)}; extreme weights)`);
    expect(pain[2]![4]).toBe('Not a finding (extreme weights)');
    expect(pain[1]![4]).not.toMatch(/finding/);
    expect(target.notes!.join(' ')).toContain('raked to the target population\'s margins (recruited_by and age)');
    // A margin's label, in the page's language, names its column where the plan gives one.
    const margins = trial.plan.population!.margins!.map((m) => (m.column === 'age' ? { ...m, label: { en: 'age', da: 'alder' } } : m));
    const labelled = { ...trial.plan, population: { ...trial.plan.population!, margins } };
    const daNotes = subgroupReport(result, labelled, trialChartContext(trial, 'da'), () => 10).sections.find((s) => s.id === target.id)!.notes!.join(' ');
    expect(daNotes).toContain('vægtet til målgruppens fordeling på recruited_by og alder;');
    // One forest per subgroup × time (age and country too), each with the plain statement.
    expect(charts.map((c) => c.name)).toEqual(['subgroup-recruited-by-3m', 'subgroup-age-3m', 'subgroup-country-3m']);
    const setting = sections.find((s) => s.id === 'subgroup-recruited-by-3m')!;
    expect(setting.notes![0]).toMatch(/^[^:]+: no evidence that the effect differs by recruitment setting \(interaction p = 0\.\d{3}\)\.$/);
    const tests = sections.find((s) => s.id === 'subgroup-tests-recruited-by')!.tables![0]!.table;
    expect(tests.rows).toHaveLength(3); // pain, med_use, responders at 3m
    expect(tests.rows[1]![2]).toBe('Cochran Q (risk differences)');
  });

  it('in Danish: målgruppe, subgruppeanalyse, interaktionstest', () => {
    const ctx = trialChartContext(trial, 'da');
    const { sections } = subgroupReport(result, trial.plan, ctx, () => 10);
    const titles = sections.map((s) => s.title);
    expect(titles[0]).toBe('Målgruppe: Voksne med symptomer > 4 uger fra fysioterapeut eller læge');
    expect(titles).toContain('Subgruppeanalyse efter rekrutteringssted: 3 måneder');
    expect(titles).toContain('Interaktionstest efter rekrutteringssted');
  });

  it('a target population too small to analyse says so and shows the trial and transported rows only', () => {
    const small = { ...result, targetPopulation: { ...result.targetPopulation!, analysed: false, reason: 'too small to analyse: 10 control patients', effects: [] } };
    const ctx = trialChartContext(trial, 'en');
    const target = subgroupReport(small, trial.plan, ctx, () => 10).sections[0]!;
    expect(target.notes![0]).toBe(`Too few patients meet the criteria to analyse them: ${ref.target.patients.intervention}/${ref.target.patients.control} (app/usual); the plan's minimum is 5 per arm.`);
    expect(target.tables![1]!.table.rows.slice(0, 3).map((r) => r[1])).toEqual(['Trial population', 'Trial reweighted to the target', 'Trial patients weighted to the target sample']);
  });
});
