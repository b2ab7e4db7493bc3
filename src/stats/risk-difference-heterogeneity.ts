/**
 * Test of equal risk differences across k independent strata (subgroup levels): Cochran's Q on
 * the per-stratum risk differences with inverse-variance (Wald) weights.
 *
 *   RDᵢ = x₁ᵢ/n₁ᵢ − x₂ᵢ/n₂ᵢ,  vᵢ = p₁ᵢ(1 − p₁ᵢ)/n₁ᵢ + p₂ᵢ(1 − p₂ᵢ)/n₂ᵢ,  wᵢ = 1/vᵢ
 *   RD_w = Σ wᵢRDᵢ / Σ wᵢ,  Q = Σ wᵢ(RDᵢ − RD_w)²,  df = k − 1,  p = P(χ²_{k−1} > Q)
 *
 * A stratum with a zero cell (no events, or all, in an arm) gets 1/2 added to each of its four
 * cells first (x + ½ events of n + 1), as metafor's escalc default (add = 1/2, to = "only0"):
 * without it a level of one or two patients has a tiny variance, an enormous weight, and alone
 * makes a "significant" interaction (docs/subgroups.md#test-for-interaction). After it every
 * proportion lies strictly between 0 and 1, so every stratum's variance is positive: a level
 * where every patient or none has the event is weighted, never refused.
 *
 * = R `metafor::rma(measure = "RD", ai = x1, n1i = n1, ci = x2, n2i = n2, method = "FE")`
 * (QE, QEp, with its default correction), the fixed-effect heterogeneity test;
 * test/reference/subgroups.R, covariate-gaps.R.
 * Why this and not a logistic interaction: the effect rows are risk differences, so the
 * question "does the risk difference differ by level" is asked on that scale (docs/subgroups.md).
 * Reference: Cochran WG (1954), The combination of estimates from different experiments,
 * Biometrics 10:101–129, doi:10.2307/3001666.
 * Preconditions: k ≥ 2 strata, each with ≥ 1 patient per arm; otherwise
 * `HtaError('analysis.failed')` naming the stratum. (A zero variance would be a bug in hta, not
 * a property of the data: an internal error, with no wording for a user.)
 */
import { analysisFailed } from './arm-size.js';
import { chisqUpper } from './distributions.js';
import type { EventCounts } from './proportion-difference.js';

export interface RiskDifferenceStratum {
  name: string;
  intervention: EventCounts;
  control: EventCounts;
}

export interface RiskDifferenceHeterogeneity {
  method: 'Cochran Q (inverse-variance risk differences)';
  statistic: number;
  df: number;
  pValue: number;
  pooled: number;
}

export function riskDifferenceHeterogeneity(strata: readonly RiskDifferenceStratum[]): RiskDifferenceHeterogeneity {
  if (strata.length < 2) throw analysisFailed(`the test of equal risk differences needs at least 2 levels with patients (found ${strata.length})`);
  const rd: number[] = [];
  const w: number[] = [];
  const oneArm = strata.filter((s) => s.intervention.n < 1 || s.control.n < 1).map((s) => `'${s.name}' (intervention ${s.intervention.n}, control ${s.control.n})`);
  if (oneArm.length) throw analysisFailed(`${oneArm.length === 1 ? 'level' : 'levels'} ${oneArm.join(' and ')} ${oneArm.length === 1 ? 'has' : 'have'} patients in one arm only, so the risk difference there cannot be compared with the other levels`);
  for (const s of strata) {
    const { intervention: a, control: c } = corrected(s);
    const p1 = a.events / a.n;
    const p2 = c.events / c.n;
    const v = (p1 * (1 - p1)) / a.n + (p2 * (1 - p2)) / c.n;
    // An internal assertion: after the correction 0 < p < 1 in both arms, so v > 0 (module comment).
    if (!(v > 0)) throw new Error(`riskDifferenceHeterogeneity: variance ${v} in level '${s.name}' after the zero-cell correction`);
    rd.push(p1 - p2);
    w.push(1 / v);
  }
  const sw = w.reduce((s, x) => s + x, 0);
  const pooled = rd.reduce((s, x, i) => s + (w[i] as number) * x, 0) / sw;
  const statistic = rd.reduce((s, x, i) => s + (w[i] as number) * (x - pooled) ** 2, 0);
  const df = strata.length - 1;
  return { method: 'Cochran Q (inverse-variance risk differences)', statistic, df, pValue: chisqUpper(statistic, df), pooled };
}

/** The stratum with 1/2 added to each cell when any cell is 0 (metafor escalc: add = 1/2, to = "only0"). */
function corrected(s: RiskDifferenceStratum): { intervention: EventCounts; control: EventCounts } {
  const { intervention: a, control: c } = s;
  const zeroCell = a.events === 0 || a.events === a.n || c.events === 0 || c.events === c.n;
  if (!zeroCell) return { intervention: a, control: c };
  return { intervention: { events: a.events + 0.5, n: a.n + 1 }, control: { events: c.events + 0.5, n: c.n + 1 } };
}
