import { readFileSync } from 'node:fs';
import { readCsvFile } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import type { Plan } from '../../src/plan/plan-schema.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import type { TrialData } from '../../src/trial/trial-data.js';

/**
 * The subgroups fixture's trial with a target population of no criteria and no margins: the whole
 * trial transported to its target sample by inverse odds (docs/subgroups.md#target-population).
 */
export function wholeTrialFixture(): { plan: Plan; trial: TrialData } {
  const base = JSON.parse(readFileSync('test/fixtures/subgroups/plan.json', 'utf8'));
  const { margins: _, ...noMargins } = base.population;
  const plan = parsePlan({ ...base, subgroups: [], population: { ...noMargins, criteria: [] } });
  return { plan, trial: loadTrial(readCsvFile('test/fixtures/subgroups/trial.csv'), plan) };
}
