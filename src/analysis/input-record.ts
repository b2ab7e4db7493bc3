/**
 * The `input` block of `hta analyze --json` records the export's encoding when it is not UTF-8,
 * what the plan's codes changed and which rows `--exclude-invalid` left out (grouped, line
 * ranges, never ids). Each appears only when it applies, so results of plain exports are unchanged.
 * Category values read as one across case (category-values.ts) and REDCap checkbox answers read
 * as missing (instruments/binary-checkbox.ts) are added to `warnings`.
 */
import { summarizeExclusion } from '../trial/exclusion-summary.js';
import type { TrialData } from '../trial/trial-data.js';
import type { AnalysisResult } from './results-schema.js';

export function withInputRecord(result: AnalysisResult, trial: TrialData): AnalysisResult {
  const input: AnalysisResult['input'] = { ...result.input };
  if (trial.encoding) input.encoding = trial.encoding;
  if (trial.recoded.length) input.recoded = trial.recoded;
  if (trial.excluded) input.excluded = summarizeExclusion(trial.excluded, trial.plan.columns.id);
  // Categories merged across case change the levels analysed, and REDCap checkbox answers read as
  // missing the patients analysed: warnings of the results too (stderr says them as notes).
  const notes = [...(trial.spellingNotes ?? []), ...(trial.checkboxNotes ?? [])];
  const warnings = notes.length ? [...notes, ...result.warnings] : result.warnings;
  return { ...result, input, warnings };
}
