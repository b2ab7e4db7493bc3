/**
 * The absolute effect of a yes/no outcome in the summary of findings, as GRADE derives it: from
 * the relative effect and the control-group risk (Cochrane Handbook v6, chapter 14: Schünemann et
 * al., "Completing 'Summary of findings' tables and grading the certainty of the evidence",
 * §14.1.5; GRADEpro), so the absolute and relative columns of a row say the same thing
 * (docs/report-trial.md#summary-of-findings):
 *
 *   risk with intervention = min(1, CR · RR)   (its CI: the same from the RR's limits)
 *   per 1,000              = 1000 · (risk with intervention − CR)
 *
 * where CR is the observed control-arm risk and RR the risk ratio with its log-scale Wald
 * interval (stats/risk-ratio.ts). A risk is at most 1, so the absolute effect stays within
 * −CR … 1 − CR: an RR limit of 3 on a control risk of 370 per 1,000 is 1,000 per 1,000, not
 * 1,111. Checked against R: test/reference/sof-absolute.R.
 *
 * With a zero cell (no events, or only events, in either arm) the RR is computed with 0.5 added
 * to every cell, and CR · RR is then not the observed intervention risk (0/40 vs 6/40 would give
 * "138 fewer" beside an observed 150 fewer). Such a row shows the observed risk difference with
 * its Newcombe interval, as the analysis tables do; its note says so.
 *
 * A transported row (target population) has no risks or RR: it shows its weighted risk
 * difference with the design-based interval it was estimated with.
 *
 * The summary of findings judges a row's verdict and imprecision on the interval it shows
 * (`sofJudgedRow`), so a row never calls significant an interval that includes 0.
 */
import type { EffectRow } from '../analysis/results-schema.js';
import { judgeDifference } from '../judge/judge-effect.js';

export type AbsoluteBasis = 'risk-ratio' | 'zero-cell' | 'no-ratio' | 'design-based' | 'risk-difference';

export interface AbsoluteEffect {
  /** Per 1,000 patients, intervention − control (unrounded). */
  estimate: number;
  lower: number;
  upper: number;
  basis: AbsoluteBasis;
  /** True when an intervention risk CR · RR (or a limit) was above 1 and cut to 1. */
  capped: boolean;
}

type Source = Pick<EffectRow, 'difference' | 'ciLower' | 'ciUpper' | 'riskRatio' | 'risks'> & { population?: EffectRow['population'] };

/** Any cell of the 2×2 table zero (no events, or only events, in an arm): the RR then carries 0.5 added to every cell (stats/risk-ratio.ts). */
function hasZeroCell(r: NonNullable<EffectRow['risks']>): boolean {
  return r.eventsIntervention === 0 || r.eventsControl === 0 || r.intervention >= 1 || r.control >= 1;
}

export function sofAbsoluteEffect(r: Source): AbsoluteEffect | null {
  const risks = r.risks;
  const rr = r.riskRatio;
  if (risks && rr && !hasZeroCell(risks)) {
    const cr = risks.control;
    let capped = false;
    const per1000 = (ratio: number) => {
      const risk = cr * ratio;
      if (risk > 1) capped = true;
      return 1000 * (Math.min(1, risk) - cr);
    };
    return { estimate: per1000(rr.estimate), lower: per1000(rr.ciLower), upper: per1000(rr.ciUpper), basis: 'risk-ratio', capped };
  }
  if (r.difference === null || r.ciLower === null || r.ciUpper === null) return null;
  // No events (or only events) in both arms: no risk ratio at all (analysis/binary-effect.ts), said apart.
  const basis: AbsoluteBasis = risks ? (rr === null ? 'no-ratio' : 'zero-cell') : r.population === 'target' ? 'design-based' : 'risk-difference';
  return { estimate: 1000 * r.difference, lower: 1000 * r.ciLower, upper: 1000 * r.ciUpper, basis, capped: false };
}

/**
 * The row as the summary of findings judges it: a yes/no row's significance, relevance and
 * imprecision on the absolute interval it shows (as a risk difference against the MCID, a
 * proportion), not on the Newcombe interval of the analysis tables. Other rows unchanged.
 */
export function sofJudgedRow(r: EffectRow): EffectRow {
  if (r.method !== 'risk-difference' || r.error) return r;
  const a = sofAbsoluteEffect(r);
  if (!a || a.basis !== 'risk-ratio') return r;
  const j = judgeDifference(a.estimate / 1000, a.lower / 1000, a.upper / 1000, r.mcid ?? 1, r.direction);
  return {
    ...r,
    benefit: j.benefit,
    benefitCiLower: j.benefitCiLower,
    benefitCiUpper: j.benefitCiUpper,
    significant: j.significant,
    imprecise: r.mcid === null ? null : j.imprecise,
    relevance: r.mcid === null ? null : j.relevance,
  };
}
