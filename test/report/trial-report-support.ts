/** Shared by the trial report tests: the bundled trial analysed once per test file. */
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import type { AnalysisResult } from '../../src/analysis/results-schema.js';
import { readCsvFile, type CsvTable } from '../../src/io/read-csv.js';
import { loadPlanFile } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import type { TrialData } from '../../src/trial/trial-data.js';

export interface Bundled {
  csv: CsvTable;
  trial: TrialData;
  result: AnalysisResult;
}

let cached: Bundled | undefined;

/** The bundled synthetic selfBACK trial; the sensitivity analysis is skipped (the charts do not use it). */
export function bundledTrial(): Bundled {
  if (!cached) {
    const csv = readCsvFile('data/synthetic/selfback-trial.csv');
    const trial = loadTrial(csv, loadPlanFile('data/plans/selfback.plan.json'));
    const quick = { ...trial, plan: { ...trial.plan, missing: { ...trial.plan.missing, sensitivity: false } } };
    cached = { csv, trial, result: analyzeTrial(quick, { version: 'test' }) };
  }
  return cached;
}
