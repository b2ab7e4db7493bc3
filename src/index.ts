/**
 * The `hta` library API: the same functions the CLI uses, for tests and anyone who imports the
 * package. Statistics are pure functions on numbers; I/O lives in io/ and the CLI.
 */
export * from './errors.js';

// Reading and validating inputs
export { readCsvFile, parseCsvText, type CsvTable, type CsvRecord } from './io/read-csv.js';
export { writeFileAtomic, writeFilesAtomic } from './io/write-atomic.js';
export { loadPlanFile, parsePlan } from './plan/load-plan.js';
export { planSchema, planJsonSchema, type Plan, type PlanInput, type PlanOutcome } from './plan/plan-schema.js';
export { loadTrial, visitsOf } from './trial/load-trial.js';
export type { TrialData, TrialObservation, TrialPatient, Arm, ObservationColumns } from './trial/trial-data.js';
export { scoreAt, timesInRows, trialData, trialFromObservations, withPatients } from './trial/trial-data.js';
export { scoredExport } from './trial/scored-export.js';
export { describeByArm, tidyTable } from './trial/descriptives.js';

// Instruments
export * from './instruments/index.js';

// Analyses
export { analyzeTrial, missingnessOf } from './analysis/analyze-trial.js';
export { analysisResultSchema, resultsJsonSchema, type AnalysisResult, type EffectRow } from './analysis/results-schema.js';
export { relevanceOf, isSignificant, isImprecise, RELEVANCE_LABELS, type Relevance } from './judge/relevance.js';
export { judgeDifference } from './judge/judge-effect.js';

// Statistics
export {
  tQuantile, tCdf, tTwoSidedP, normalQuantile, normalCdf, zTwoSidedP, tInterval, zInterval, chisqUpper, chisqQuantile, fUpper,
  type WaldInterval,
} from './stats/distributions.js';
export { createRandom, type Random } from './stats/random.js';
export { describe } from './stats/describe.js';
export { welchDifference, type MeanDifference } from './stats/welch-difference.js';
export { pooledTDifference } from './stats/pooled-t-difference.js';
export { changeDifference } from './stats/change-difference.js';
export { ols } from './stats/ols.js';
export { ancova } from './stats/ancova.js';
export { hedgesG, hedgesGFromSummary } from './stats/hedges-g.js';
export { wilsonInterval } from './stats/wilson-interval.js';
export { proportionDifference } from './stats/proportion-difference.js';
export { riskRatio } from './stats/risk-ratio.js';
export { oddsRatio } from './stats/odds-ratio.js';
export { nnt } from './stats/nnt.js';
export { bootstrapDifference } from './stats/bootstrap.js';
export { bootstrapIntervals } from './stats/bootstrap-intervals.js';
export { poolRubin } from './stats/missing/rubin-rules.js';
export { chainedEquations } from './stats/missing/chained-equations.js';
export { miAncova } from './stats/missing/mi-ancova.js';
export { mmrm } from './stats/missing/mmrm.js';
export { tippingPoint } from './stats/missing/tipping-point.js';

// Meta-analysis statistics
export { fixedEffect } from './stats/meta/fixed-effect.js';
export { randomEffects } from './stats/meta/random-effects.js';
export { mantelHaenszel } from './stats/meta/mantel-haenszel.js';
export { estimateTau2 } from './stats/meta/tau2.js';
export { predictionInterval, probabilityBeyond } from './stats/meta/prediction-interval.js';
export { subgroupAnalysis } from './stats/meta/subgroups.js';
export { metaAnalysisWithPreset, presetOptions } from './stats/meta/presets.js';

// Simulation
export { simulateTrial, trialToCsv } from './simulate/trial.js';

// The CLI, in-process
export { main } from './cli/main.js';

// Meta-analysis of study-level results (`hta meta`)
export { readStudiesFile, parseStudies } from './meta/read-studies.js';
export { metaAnalyze, poolSettingsFrom } from './meta/meta-analyze.js';
export { metaGroups } from './meta/meta-group.js';
export { metaResultsSchema, metaResultsJsonSchema } from './meta/meta-results-schema.js';
export { metaForestSpec } from './report/charts/meta-forest.js';

// Cost-effectiveness from the trial's patients (`hta cea`, docs/plan-cea.md)
export { loadCeaPlanFile } from './cea/load-cea-plan.js';
export { analyzeCea } from './cea/analyze-cea.js';
export { ceaPlanSchema, ceaPlanJsonSchema } from './cea/cea-plan-schema.js';
export { ceaResultSchema, ceaResultsJsonSchema } from './cea/cea-results-schema.js';
export { qalyAuc } from './cea/qaly-auc.js';
export { incrementalFit } from './cea/incremental-regression.js';
export { icerVerdict, acceptability, quadrantShares } from './cea/ce-summaries.js';
