/**
 * A target population with `"criteria": []` and a target sample (or margins) is the whole trial
 * transported to the target: accepted (it was refused, "expected a list with at least one entry"),
 * its "patients meeting the criteria" every randomised patient. Without margins or a target sample,
 * or as a per-protocol population, no criteria is refused at `population.criteria` (docs/subgroups.md).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { effectsCsv } from '../../src/analysis/effects-csv.js';
import { readCsvFile } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { subgroupReport } from '../../src/report/sections/subgroups.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { readTargetSample } from '../../src/trial/target-sample.js';
import { errorOf } from '../support/error-of.js';

const base = JSON.parse(readFileSync('test/fixtures/subgroups/plan.json', 'utf8'));
const withCriteria = (population: object) => ({ ...base, population: { ...base.population, criteria: [], ...population } });

describe('a population with no criteria', () => {
  it('with a target sample: accepted, every randomised patient, the transported rows computed', () => {
    const { margins: _, ...noMargins } = base.population;
    const plan = parsePlan({ ...base, subgroups: [], population: { ...noMargins, criteria: [] } });
    const trial = loadTrial(readCsvFile('test/fixtures/subgroups/trial.csv'), plan);
    const result = analyzeTrial(trial, { version: 'test', targetSample: readTargetSample('test/fixtures/subgroups/target-sample.csv', plan)! });
    const t = result.targetPopulation!;
    expect(t.analysed).toBe(true);
    expect(t.criteria).toEqual([]);
    expect(t.patients).toEqual(result.input.patients);
    const inverseOdds = t.transported!.filter((r) => r.weighting === 'inverse-odds');
    expect(inverseOdds.length).toBeGreaterThan(0);
    expect(inverseOdds.every((r) => !r.effect.error)).toBe(true);
    // Its own rows would be the trial's again under another name: none, in results.json and in --csv.
    expect(t.effects).toEqual([]);
    const [header, rows] = effectsCsv(result);
    const set = header.indexOf('set');
    expect(new Set(rows.map((r) => r[set]))).toEqual(new Set(['trial', 'transported-inverse-odds']));
    // The page's target section still renders (a criteria table of no rows).
    expect(subgroupReport(result, plan, trialChartContext(trial, 'en'), () => 10).sections[0]!.title).toContain('Target population');
  });

  it('with margins: accepted', () => {
    expect(parsePlan(withCriteria({})).population!.criteria).toEqual([]);
  });

  it('without margins or a target sample, or per protocol: refused at population.criteria', () => {
    const { margins: _m, targetSample: _t, ...bare } = base.population;
    const alone = errorOf(() => parsePlan({ ...base, population: { ...bare, criteria: [] } }));
    expect(alone.problems!.map((p) => [p.field, p.expected])).toEqual([['population.criteria', expect.stringMatching(/^at least one criterion, or "margins" or "targetSample"/)]]);
    const pp = errorOf(() => parsePlan({ ...base, population: { ...bare, purpose: 'per-protocol', criteria: [] } }));
    expect(pp.problems!.map((p) => p.field)).toEqual(['population.criteria']);
  });
});
