/** Shared by the trial commands: read the export and the plan (or the default plan). */
import { readCsvFile, type CsvTable } from '../io/read-csv.js';
import { loadPlanFile } from '../plan/load-plan.js';
import type { Plan } from '../plan/plan-schema.js';
import { defaultPlanFor } from '../plan/default-plan.js';
import { loadTrial } from '../trial/load-trial.js';
import type { TrialData } from '../trial/trial-data.js';
import { checkTrialContent, type ContentNeed } from '../trial/check-content.js';

export interface TrialInputs {
  csv: CsvTable;
  plan: Plan;
  trial: TrialData;
}

/** `need`: what the command does with the data (see checkTrialContent); analysis by default. */
export function loadTrialInputs(file: string, planFile: string | undefined, need: ContentNeed = 'analysis'): TrialInputs {
  const csv = readCsvFile(file);
  const plan = planFile ? loadPlanFile(planFile) : defaultPlanFor(csv);
  const trial = loadTrial(csv, plan);
  checkTrialContent(csv, trial, need, planFile);
  return { csv, plan, trial };
}
