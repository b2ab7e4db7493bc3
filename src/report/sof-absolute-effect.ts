/**
 * The absolute effect of a yes/no outcome in the summary of findings, as GRADE derives it: from
 * the relative effect and the control-group risk (GRADE handbook 14.1.5; GRADEpro), so the
 * absolute and relative columns of a row say the same thing:
 *
 *   per 1,000 = 1000 · CR · (RR − 1),   its CI = 1000 · CR · (RR_lower − 1) to 1000 · CR · (RR_upper − 1)
 *
 * where CR is the observed control-arm risk and RR the risk ratio with its log-scale Wald
 * interval (stats/risk-ratio.ts). A risk ratio interval reaching past 1 thus gives an absolute
 * interval reaching past 0, as the RR beside it says. The Newcombe risk difference stays in the
 * analysis tables, labelled as such; its interval is not the RR's and can exclude 0 where the RR's
 * includes 1. Checked against R: test/reference/sof-absolute.R.
 *
 * With no control-arm events CR is 0 and every RR gives 0 per 1,000, which says nothing: the row
 * then shows the risk difference with its Newcombe interval, and its footnote says so.
 */
import type { EffectRow } from '../analysis/results-schema.js';

export interface AbsoluteEffect {
  /** Per 1,000 patients, intervention − control (unrounded). */
  estimate: number;
  lower: number;
  upper: number;
  basis: 'risk-ratio' | 'risk-difference';
}

export function sofAbsoluteEffect(r: Pick<EffectRow, 'difference' | 'ciLower' | 'ciUpper' | 'riskRatio' | 'risks'>): AbsoluteEffect | null {
  const cr = r.risks?.control;
  const rr = r.riskRatio;
  if (cr !== undefined && cr > 0 && rr) {
    const per1000 = (ratio: number) => 1000 * cr * (ratio - 1);
    return { estimate: per1000(rr.estimate), lower: per1000(rr.ciLower), upper: per1000(rr.ciUpper), basis: 'risk-ratio' };
  }
  if (r.difference === null || r.ciLower === null || r.ciUpper === null) return null;
  return { estimate: 1000 * r.difference, lower: 1000 * r.ciLower, upper: 1000 * r.ciUpper, basis: 'risk-difference' };
}
