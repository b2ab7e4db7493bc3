/**
 * How far the tipping-point search goes, in MCIDs: a module of its own so that the report's
 * sentence (report/sensitivity-table.ts) says the limit the analysis used without loading the
 * imputation code (docs/plan-trial.md#tipping-point).
 */

/**
 * The tipping-point search tries shifts from 0 to this many MCIDs: a shift of every imputed value by
 * twice the clinically relevant difference is already a large departure from missing at random.
 * Beyond it the result says that the tipping point lies beyond (results.json `beyondMaxDelta`,
 * the report's sentence: docs/report-trial.md).
 */
export const TIPPING_SEARCH_MCIDS = 2;
