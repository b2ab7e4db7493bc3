/**
 * The plan's adverse events as rows of the summary of findings (docs/report-trial.md#harms-in-the-summary-of-findings):
 * a committee reads harms as it reads benefits, so each kind the analysis counted (any, serious,
 * related; adverse-event-summary.ts) becomes a yes/no row — patients randomised, the risk ratio with
 * its log-scale Wald (Katz) interval, the control risk per 1,000 and the absolute effect per 1,000
 * derived as for the other yes/no rows (sof-absolute-effect.ts: CR · RR, or the observed risk
 * difference with its Newcombe interval when a cell is zero).
 *
 * The plan sets no MCID for harms: the rows are judged on significance only ("no MCID set"). Their
 * certainty is the one the committee assessed, the plan's `adverseEvents.certainty` (level and
 * footnoted reasons, as an outcome's: docs/plan-trial.md#adverse-events); without it they read
 * "not rated in the plan", with a note of their own. Without an MCID nothing is downgraded for
 * imprecision, and a rated row's footnote says so, as for an outcome without one.
 */
import type { AnalysisResult, EffectRow } from '../analysis/results-schema.js';
import type { PlanAdverseEvents } from '../plan/plan-schema.js';
import type { Lang } from './i18n.js';
import type { SofRow } from './summary-of-findings.js';
import { certaintyOf } from './summary-of-findings.js';
import { sofJudgedRow } from './sof-absolute-effect.js';

/** The outcome key of the harm rows: never a plan key (plan keys are identifiers without ":"). */
export const HARMS_OUTCOME = ':adverse-events';

type AdverseEvents = NonNullable<AnalysisResult['adverseEvents']>;

/**
 * One effect row per adverse-event kind with a computed difference; a kind that failed is left to
 * the adverse-events table. `rated`: the plan's certainty of the harms evidence, on every row.
 */
export function harmSofRows(ae: AdverseEvents | undefined, lang: Lang, rated?: PlanAdverseEvents['certainty']): SofRow[] {
  if (!ae) return [];
  return ae.rows.flatMap((r) => {
    if (r.error || r.difference === null || r.ciLower === null || r.ciUpper === null) return [];
    // Significance on the Newcombe interval until sofJudgedRow reads the interval the row shows.
    const significant = r.ciLower > 0 || r.ciUpper < 0;
    const base: EffectRow = {
      outcome: HARMS_OUTCOME, label: r.kind, time: r.kind, method: 'risk-difference',
      n: { ...ae.randomised }, difference: r.difference, se: null, df: null, ciLower: r.ciLower, ciUpper: r.ciUpper,
      confLevel: r.confLevel, ciMethod: r.ciMethod, pValue: r.pValue, mcid: null, direction: 'lower-is-better',
      benefit: -r.difference, benefitCiLower: -r.ciUpper, benefitCiUpper: -r.ciLower, significant, imprecise: null, relevance: null,
      ...(r.risks ? { risks: r.risks } : {}), ...(r.riskRatio !== undefined ? { riskRatio: r.riskRatio } : {}),
      ...(r.ratiosNotEstimable !== undefined ? { ratiosNotEstimable: r.ratiosNotEstimable } : {}),
    };
    const row = sofJudgedRow(base);
    return [{ outcome: HARMS_OUTCOME, time: r.kind, row, importance: 'critical' as const, certainty: certaintyOf(rated, row, lang), controlMean: null }];
  });
}

/** The harm rows' heading, "Adverse events, patients with ≥ 1 (fewer is better; no MCID set)": no importance, which the plan does not rate. */
export const HARMS_HEADING: Record<Lang, string> = {
  en: 'Adverse events, patients with ≥ 1 (fewer is better; no MCID set)',
  da: 'Uønskede hændelser, patienter med ≥ 1 (færre er bedre; ingen MKRF angivet)',
};

/** Each kind's row label under the heading. */
export const HARM_KIND_LABEL: Record<string, Record<Lang, string>> = {
  any: { en: 'Any adverse event', da: 'Enhver uønsket hændelse' },
  serious: { en: 'Serious adverse event', da: 'Alvorlig uønsket hændelse' },
  related: { en: 'Related to the intervention', da: 'Relateret til interventionen' },
};

/** The note under the table when harm rows are shown and the plan rates no certainty for them. */
export const HARMS_NOTE: Record<Lang, string> = {
  en: 'Adverse events: patients with at least one event over all patients randomised (intention to treat), as in the adverse-events table; risk ratio with the log-scale Wald (Katz) interval, 0.5 added to every cell when one is zero. The plan gives harms no MCID and no GRADE rating (adverseEvents "certainty"): their rows are judged on the 95% CI only, and their certainty is not rated.',
  da: 'Uønskede hændelser: patienter med mindst én hændelse ud af alle randomiserede patienter (intention-to-treat), som i tabellen over uønskede hændelser; relativ risiko med log-skala Wald-interval (Katz), 0,5 lagt til hver celle, når én er nul. Planen angiver ingen MKRF og ingen GRADE-vurdering for uønskede hændelser (adverseEvents "certainty"): rækkerne vurderes kun på 95 %-KI, og evidensens kvalitet er ikke vurderet.',
};

/** The note when the plan rates the harms' certainty: only the MCID is missing, the rating is the plan's (its reasons are footnotes). */
export const HARMS_NOTE_RATED: Record<Lang, string> = {
  en: 'Adverse events: patients with at least one event over all patients randomised (intention to treat), as in the adverse-events table; risk ratio with the log-scale Wald (Katz) interval, 0.5 added to every cell when one is zero. The plan gives harms no MCID: their rows are judged on the 95% CI only, and their certainty is the plan\'s rating.',
  da: 'Uønskede hændelser: patienter med mindst én hændelse ud af alle randomiserede patienter (intention-to-treat), som i tabellen over uønskede hændelser; relativ risiko med log-skala Wald-interval (Katz), 0,5 lagt til hver celle, når én er nul. Planen angiver ingen MKRF for uønskede hændelser: rækkerne vurderes kun på 95 %-KI, og evidensens kvalitet er planens vurdering.',
};
