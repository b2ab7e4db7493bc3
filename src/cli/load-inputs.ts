/** Shared by the trial commands: read the export and the plan (or the default plan). */
import { readCsvFile, type CsvTable } from '../io/read-csv.js';
import { loadPlanFile } from '../plan/load-plan.js';
import type { Plan } from '../plan/plan-schema.js';
import { defaultPlanFor } from '../plan/default-plan.js';
import { loadTrial } from '../trial/load-trial.js';
import type { TrialData } from '../trial/trial-data.js';

export interface TrialInputs {
  csv: CsvTable;
  plan: Plan;
  trial: TrialData;
}

export function loadTrialInputs(file: string, planFile: string | undefined): TrialInputs {
  const csv = readCsvFile(file);
  const plan = planFile ? loadPlanFile(planFile) : defaultPlanFor(csv);
  return { csv, plan, trial: loadTrial(csv, plan) };
}
