/**
 * Mantel–Haenszel pooled risk ratio, odds ratio and risk difference (fixed effect), as
 * `metafor::rma.mh(ai, n1i, ci, n2i, measure = "RR" | "OR" | "RD")` with its defaults.
 *
 * Per table i: a, b (events, non-events; intervention), c, d (control), n₁, n₂, N = n₁ + n₂.
 * The MH sums use the counts as they are (no continuity correction; rma.mh `add = c(1/2, 0)`).
 *
 *   OR: R = Σ a d/N, S = Σ b c/N, OR_MH = R/S, and the Robins–Breslow–Greenland variance
 *       Var(log OR) = ½ [ Σ P R_i / R² + Σ (P S_i + Q R_i) / (R S) + Σ Q S_i / S² ],
 *       P = (a + d)/N, Q = (b + c)/N.
 *   RR: R = Σ a n₂/N, S = Σ c n₁/N, RR_MH = R/S, Greenland–Robins variance
 *       Var(log RR) = Σ (n₁ n₂ (a + c)/N² − a c/N) / (R S).
 *   RD: RD_MH = Σ (a n₂ − c n₁)/N / Σ n₁ n₂/N, with the Sato/Greenland–Robins variance
 *       Var = [RD · Σ (c (n₁/N)² − a (n₂/N)² + (n₁/N)(n₂/N)(n₂ − n₁)/2)
 *              + Σ (a (n₂ − c) + c (n₁ − a)) / (2N)] / (Σ n₁ n₂/N)²   (metafor's form).
 *   CI and p from N(0, 1); estimate on the log scale for OR and RR.
 *   Cochran's Q as rma.mh reports it: Q = Σ (1/vᵢ)(yᵢ − θ̂_MH)² over the tables with a defined
 *   effect, where yᵢ, vᵢ are escalc's (½ added to all cells of tables with a zero cell) and
 *   tables with no events in either arm (or only events in both) are left out (`drop00 = TRUE`);
 *   df = k′ − 1, I² = max(0, 100 (Q − df)/Q), H² = Q/df.
 *
 * References: Mantel N, Haenszel W (1959). J Natl Cancer Inst 22:719–748;
 * Robins J, Breslow N, Greenland S (1986). Biometrics 42:311–323. doi:10.2307/2531052;
 * Greenland S, Robins JM (1985). Biometrics 41:55–68. doi:10.2307/2530643;
 * Sato T, Greenland S, Robins JM (1989). Biometrics 45:1323–1324.
 *
 * Example (dat.bcg): log RR_MH = −0.4537, SE = 0.0400 (cf. ?rma.mh).
 * @throws HtaError `analysis.failed` when OR/RR is undefined because one side has no events at all.
 */
import { zInterval } from '../distributions.js';
import { HtaError } from '../../errors.js';
import { assertConfLevel, fixedEffectHeterogeneity } from './meta-fit.js';
import type { TwoByTwo } from './two-by-two.js';
import { assertTwoByTwo, logOddsRatio, logRiskRatio, riskDifference } from './two-by-two.js';

export type MantelHaenszelMeasure = 'RR' | 'OR' | 'RD';

export interface MantelHaenszelFit {
  model: 'mantel-haenszel';
  measure: MantelHaenszelMeasure;
  /** Tables entering the MH estimate. */
  k: number;
  /** Tables entering Q (double-zero / double-all tables left out). */
  kPooled: number;
  /** log RR / log OR / RD. */
  estimate: number;
  se: number;
  ciLower: number;
  ciUpper: number;
  statistic: number;
  pValue: number;
  confLevel: number;
  ciMethod: 'z';
  tau2: 0;
  tau2Method: null;
  q: number | null;
  qDf: number | null;
  qPValue: number | null;
  i2: number | null;
  h2: number | null;
  /** Per-table Mantel–Haenszel weights in percent, in input order (= RevMan's "Weight" column). */
  weights: number[];
  warnings: string[];
}

interface Sums {
  estimate: number;
  variance: number;
}

function mhOddsRatio(t: readonly TwoByTwo[]): Sums | null {
  let R = 0, S = 0, PR = 0, PSQR = 0, QS = 0;
  for (const x of t) {
    const a = x.eventsIntervention, b = x.nIntervention - a, c = x.eventsControl, d = x.nControl - c;
    const N = x.nIntervention + x.nControl;
    const P = a / N + d / N, Q = b / N + c / N, Ri = (a / N) * d, Si = (b / N) * c;
    R += Ri; S += Si; PR += P * Ri; PSQR += P * Si + Q * Ri; QS += Q * Si;
  }
  if (R === 0 || S === 0) return null;
  return { estimate: Math.log(R / S), variance: 0.5 * (PR / (R * R) + PSQR / (R * S) + QS / (S * S)) };
}

function mhRiskRatio(t: readonly TwoByTwo[]): Sums | null {
  let R = 0, S = 0, num = 0, sa = 0, sc = 0;
  for (const x of t) {
    const a = x.eventsIntervention, c = x.eventsControl, n1 = x.nIntervention, n2 = x.nControl, N = n1 + n2;
    R += a * (n2 / N); S += c * (n1 / N);
    num += (n1 / N) * (n2 / N) * (a + c) - (a / N) * c;
    sa += a; sc += c;
  }
  if (sa === 0 || sc === 0) return null;
  return { estimate: Math.log(R / S), variance: num / (R * S) };
}

function mhRiskDifference(t: readonly TwoByTwo[]): Sums {
  let num = 0, den = 0;
  for (const x of t) {
    const a = x.eventsIntervention, c = x.eventsControl, n1 = x.nIntervention, n2 = x.nControl, N = n1 + n2;
    num += a * (n2 / N) - c * (n1 / N);
    den += n1 * (n2 / N);
  }
  const rd = num / den;
  let s1 = 0, s2 = 0;
  for (const x of t) {
    const a = x.eventsIntervention, c = x.eventsControl, n1 = x.nIntervention, n2 = x.nControl, N = n1 + n2;
    s1 += c * (n1 / N) ** 2 - a * (n2 / N) ** 2 + ((n1 / N) * (n2 / N) * (n2 - n1)) / 2;
    s2 += (a * (n2 - c)) / N + (c * (n1 - a)) / N;
  }
  return { estimate: rd, variance: (rd * s1 + s2 / 2) / (den * den) };
}

const EFFECT = { RR: logRiskRatio, OR: logOddsRatio, RD: riskDifference } as const;
const NAME = { RR: 'risk ratio', OR: 'odds ratio', RD: 'risk difference' } as const;

export function mantelHaenszel(
  tables: readonly (TwoByTwo & { label?: string })[],
  measure: MantelHaenszelMeasure,
  options: { confLevel?: number } = {},
): MantelHaenszelFit {
  const confLevel = options.confLevel ?? 0.95;
  assertConfLevel(confLevel, 'mantelHaenszel');
  if (tables.length === 0) throw new HtaError('analysis.failed', 'mantelHaenszel: no studies to pool');
  tables.forEach((t, i) => assertTwoByTwo(t, `mantelHaenszel (study ${t.label ?? i + 1})`));

  const sums = measure === 'OR' ? mhOddsRatio(tables) : measure === 'RR' ? mhRiskRatio(tables) : mhRiskDifference(tables);
  if (sums === null) {
    throw new HtaError(
      'analysis.failed',
      `mantelHaenszel: the Mantel–Haenszel ${NAME[measure]} is undefined because one arm has no events (or, for the OR, no non-events) in any study; use the risk difference`,
    );
  }
  const se = Math.sqrt(sums.variance);
  const { statistic, pValue, ciLower, ciUpper } = zInterval(sums.estimate, se, confLevel);

  const warnings: string[] = [];
  let q = 0;
  let kPooled = 0;
  tables.forEach((t, i) => {
    const noEvents = t.eventsIntervention === 0 && t.eventsControl === 0;
    const allEvents = t.eventsIntervention === t.nIntervention && t.eventsControl === t.nControl;
    if (noEvents || allEvents) {
      warnings.push(
        `Study ${t.label ?? i + 1}: ${noEvents ? 'no events' : 'only events'} in both arms; left out of the heterogeneity test (Q)`,
      );
      return;
    }
    const e = EFFECT[measure](t);
    q += ((e.yi - sums.estimate) ** 2) / e.vi;
    kPooled += 1;
  });
  const het = fixedEffectHeterogeneity(q, kPooled - 1);

  return {
    model: 'mantel-haenszel',
    measure,
    k: tables.length,
    kPooled,
    estimate: sums.estimate,
    se,
    ciLower,
    ciUpper,
    statistic,
    pValue,
    confLevel,
    ciMethod: 'z',
    tau2: 0,
    tau2Method: null,
    ...het,
    weights: mantelHaenszelWeights(tables, measure),
    warnings,
  };
}

/** MH weights per table: RR c·n₁/N, OR (n₁ − a)·c/N, RD n₁·n₀/N, as percent of their sum. */
function mantelHaenszelWeights(tables: readonly TwoByTwo[], measure: MantelHaenszelMeasure): number[] {
  const w = tables.map((t) => {
    const N = t.nIntervention + t.nControl;
    if (measure === 'RR') return (t.eventsControl * t.nIntervention) / N;
    if (measure === 'OR') return ((t.nIntervention - t.eventsIntervention) * t.eventsControl) / N;
    return (t.nIntervention * t.nControl) / N;
  });
  const sum = w.reduce((a, b) => a + b, 0);
  return w.map((x) => (100 * x) / sum);
}
