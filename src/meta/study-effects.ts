/**
 * The effect (yi, vi) of one validated study row on the analysis scale of its measure:
 *
 *   arms    MD = meanDifference, SMD = hedgesG (escalc "MD" / "SMD")
 *   events  log RR / log OR / RD with ½ added only where a cell is 0 (escalc, to = "only0")
 *   ci      effectFromCi: se = width / (2 z0.975), on the log scale for RR/OR
 *   se      effectFromSe (for RR/OR the SE of the log ratio)
 *   estimate  yi only; vi = null ("no interval reported": shown, judged inconclusive, not pooled)
 */
import { effectFromCi, effectFromSe } from '../stats/meta/effect-from-interval.js';
import { hedgesG } from '../stats/meta/hedges-g.js';
import { meanDifference } from '../stats/meta/mean-difference.js';
import { logOddsRatio, logRiskRatio, riskDifference } from '../stats/meta/two-by-two.js';
import { isRatioMeasure, type StudyRecord } from './read-studies.js';

export interface RecordEffect {
  yi: number;
  vi: number | null;
  continuityCorrected: boolean;
}

export function recordEffect(r: StudyRecord): RecordEffect {
  const scale = isRatioMeasure(r.measure) ? 'ratio' : 'identity';
  const input = r.input;
  switch (input.kind) {
    case 'arms': {
      const e = r.measure === 'SMD' ? hedgesG(input.arms) : meanDifference(input.arms);
      return { ...e, continuityCorrected: false };
    }
    case 'events': {
      const f = r.measure === 'OR' ? logOddsRatio : r.measure === 'RD' ? riskDifference : logRiskRatio;
      const e = f(input.table);
      return { yi: e.yi, vi: e.vi, continuityCorrected: e.continuityCorrected };
    }
    case 'ci':
      return { ...effectFromCi({ estimate: input.estimate, lower: input.lower, upper: input.upper, scale }), continuityCorrected: false };
    case 'se':
      return { ...effectFromSe({ estimate: input.estimate, se: input.se, scale }), continuityCorrected: false };
    case 'estimate':
      return { yi: scale === 'ratio' ? Math.log(input.estimate) : input.estimate, vi: null, continuityCorrected: false };
  }
}
