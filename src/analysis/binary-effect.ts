/**
 * A binary effect row: risk per arm with its Wilson score interval, the risk difference with the Newcombe hybrid-score interval
 * (the row's difference and CI), risk and odds ratios with log-scale Wald intervals, and the
 * number needed to treat in Altman's wording.
 */
import { nnt } from '../stats/nnt.js';
import { oddsRatio } from '../stats/odds-ratio.js';
import { proportionDifference } from '../stats/proportion-difference.js';
import { riskRatio } from '../stats/risk-ratio.js';
import type { ResponderCounts } from '../trial/responders.js';
import type { EffectEstimate } from './effect-estimate.js';
import type { EffectRow } from './results-schema.js';

/** No events in either arm, or only events in both: the 2×2 table holds no contrast a ratio could measure. */
function noContrast(counts: ResponderCounts): boolean {
  const { intervention: i, control: c } = counts;
  return (i.events === 0 && c.events === 0) || (i.events === i.n && c.events === c.n);
}

/** `event: 'good'` for responders, `'bad'` for outcomes such as medication use. */
export function binaryEffect(counts: ResponderCounts, confLevel: number, event: 'good' | 'bad' = 'good'): EffectEstimate {
  const rd = proportionDifference(counts.intervention, counts.control, confLevel);
  const { intervention: wi, control: wc } = rd.riskIntervals;
  const extra: Partial<EffectRow> = {
    risks: {
      intervention: rd.risk.intervention, control: rd.risk.control,
      eventsIntervention: counts.intervention.events, eventsControl: counts.control.events,
      ciLowerIntervention: wi.lower, ciUpperIntervention: wi.upper, ciLowerControl: wc.lower, ciUpperControl: wc.upper,
      ciMethod: 'wilson-score',
    },
  };
  const contrast = !noContrast(counts);
  if (!contrast) {
    // 0/40 vs 0/40: every ratio fits the data, so none is estimated (metafor's drop00 = TRUE, the
    // Cochrane Handbook's "not estimable"); the 0.5 added to every cell would print RR 1 (0.02 to
    // 49.2) as if measured. The risk difference (0, Newcombe interval) stands (docs/data-contracts.md#effect-rows).
    extra.riskRatio = null;
    extra.oddsRatio = null;
    extra.ratiosNotEstimable = counts.intervention.events === 0 ? 'no events in either arm' : 'every patient had the event in both arms';
  } else {
    for (const [key, fn] of [['riskRatio', riskRatio], ['oddsRatio', oddsRatio]] as const) {
      try {
        const r = fn(counts.intervention, counts.control, confLevel);
        extra[key] = { estimate: r.ratio, ciLower: r.ciLower, ciUpper: r.ciUpper };
      } catch {
        // A ratio is undefined for counts the stats refuse: the difference still stands.
      }
    }
  }
  try {
    const n = nnt({ difference: rd.difference, ciLower: rd.ciLower, ciUpper: rd.ciUpper, confLevel }, { event });
    extra.nnt = { label: n.label, kind: n.kind, value: n.value, interval: n.interval };
  } catch {
    // no NNT for a degenerate difference
  }
  return {
    n: rd.n, difference: rd.difference, se: null, df: null, ciLower: rd.ciLower, ciUpper: rd.ciUpper, confLevel,
    // Without contrast the χ² statistic is 0/0 (R's prop.test and chisq.test give NaN): no p, not
    // p = 1 (docs/data-contracts.md#effect-rows). Significance reads the CI, so nothing else changes.
    ciMethod: 'newcombe-hybrid-score (Newcombe 1998, method 10)', pValue: contrast ? rd.pValue : null, extra,
  };
}
