/**
 * The trial's rows as the cost-effectiveness analysis reads them: `loadTrial` with the resource-use
 * and population columns the plan names, and the rows `--exclude-invalid` (or the trial plan's
 * `"invalidRows": "exclude"`) left out, in words — never in silence (docs/plan-cea.md#inputs).
 * Shared by `hta cea` (src/cli/cea.ts) and the report's analysis (analyze-cea-files.ts).
 */
import type { CsvTable } from '../io/read-csv.js';
import { trialExclusionLines } from '../trial/exclusion-summary.js';
import { loadTrial } from '../trial/load-trial.js';
import { everyRowExcludedError } from '../trial/most-rows-excluded.js';
import type { TrialData } from '../trial/trial-data.js';
import { DANISH_PROBLEM_WORDS } from '../report/problem-text.js';
import { ceaCodeColumns, ceaExportColumns } from './cea-patients.js';
import type { ResolvedCeaPlan } from './load-cea-plan.js';

/** `excludeInvalid`: the command's option; the trial plan's `"invalidRows": "exclude"` leaves rows out too. */
export function loadCeaTrial(csv: CsvTable, resolved: ResolvedCeaPlan, options: { excludeInvalid?: boolean; lang?: 'en' | 'da' } = {}): { trial: TrialData; exclusion: string[] } {
  const trial = loadTrial(csv, resolved.trialPlan, {
    excludeInvalid: options.excludeInvalid === true || resolved.trialPlan.invalidRows === 'exclude',
    alsoColumns: ceaExportColumns(resolved.plan),
    alsoCodeColumns: ceaCodeColumns(resolved.plan),
    ...(options.lang ? { lang: options.lang } : {}),
  });
  // Every row left out: said so, with the rows' problems, before the population check blames the
  // plan for values no kept row holds (most-rows-excluded.ts).
  const noneKept = everyRowExcludedError(trial, options.lang);
  if (noneKept) throw noneKept;
  // The rows left out, as `hta analyze` says them: in its language, with the Danish catalogue's
  // problem wording under --lang da (src/cli/load-inputs.ts reportExclusion).
  // A patient every row of whom was left out stays randomised for the trial's flow and harms, but
  // has nothing the cost-effectiveness analysis could read: not analysed here, as its warning says (analyze-cea.ts).
  return { trial, exclusion: exclusionLines(trial, options.lang ?? 'en') };
}

/**
 * The rows `loadCeaTrial` left out, in words in `lang` (none: no lines). Kept apart so the report's
 * stored analysis, shared by its en and da pages, can word the summary in both (analyze-cea-files.ts).
 */
export function exclusionLines(trial: TrialData, lang: 'en' | 'da'): string[] {
  return trial.excluded ? trialExclusionLines(trial, lang, lang === 'da' ? DANISH_PROBLEM_WORDS : undefined, { ...trial.excluded, randomisedWithoutRows: 0 }) : [];
}
