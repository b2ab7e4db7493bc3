/**
 * Standardized mean difference, Hedges' g, with its large-sample variance and a normal interval,
 * exactly as metafor computes it.
 *
 *   m   = n₁ + n₂ − 2
 *   sₚ  = √[ ((n₁ − 1)s₁² + (n₂ − 1)s₂²) / m ]
 *   d   = (x̄₁ − x̄₂) / sₚ                                  (Cohen's d, 1 = intervention)
 *   J   = Γ(m/2) / ( √(m/2) · Γ((m − 1)/2) )              exact bias correction (Hedges 1981)
 *   g   = J·d
 *   v   = 1/n₁ + 1/n₂ + g² / (2(n₁ + n₂))                  (vtype "LS", metafor's default)
 *   CI  = g ± z₍₁₋α/₂₎·√v
 *
 * J is the exact gamma-function factor, computed as exp(lnΓ(m/2) − ln√(m/2) − lnΓ((m − 1)/2)),
 * i.e. metafor's internal `.cmicalc(mi)`; it is not the approximation 1 − 3/(4m − 1) (which
 * differs by ~1e-4 at m = 10).
 * = R `metafor::escalc(measure = "SMD", m1i, sd1i, n1i, m2i, sd2i, n2i)` (yi, vi) and
 * `summary(escalc(...))` (ci.lb, ci.ub: yi ± qnorm(1 − α/2)·√vi). Checked against metafor 3.8-1.
 * References: Hedges LV (1981), Distribution theory for Glass's estimator of effect size and
 * related estimators, J Educ Stat 6:107–128, doi:10.3102/10769986006002107; Viechtbauer W (2010),
 * metafor, J Stat Softw 36(3), doi:10.18637/jss.v036.i03.
 * Preconditions: ≥ 2 patients per arm, pooled SD > 0, finite numbers; otherwise
 * `HtaError('analysis.failed')`.
 * Example: n₁ = n₂ = 10, means 12 and 10, SDs 2 and 2 → d = 1, J = 0.9576464, g = 0.9576464,
 * v = 0.2229272, 95% CI 0.0322462 to 1.8830466 (test/reference/hedges-g.json).
 */
import { lnGamma, zInterval } from './distributions.js';
import { analysisFailed, type ArmSizes, requireArms } from './arm-size.js';
import { sampleMean, sampleVariance } from './sample-moments.js';
import { type ConfidenceOptions, confLevelOf, meanDifference } from './welch-difference.js';

/** Summary statistics of one arm. */
export interface ArmSummary {
  n: number;
  mean: number;
  sd: number;
}

export interface HedgesG {
  method: 'hedges-g';
  /** metafor's name for the measure and variance type. */
  measure: 'SMD';
  vtype: 'LS';
  /** Bias-corrected SMD g = J·d (intervention − control, in pooled-SD units). */
  g: number;
  /** Uncorrected Cohen's d. */
  d: number;
  /** Exact correction factor J = Γ(m/2)/(√(m/2)·Γ((m−1)/2)), m = n₁ + n₂ − 2. */
  correction: number;
  correctionMethod: 'exact-gamma';
  pooledSd: number;
  /** Sampling variance of g (vtype LS). */
  variance: number;
  se: number;
  confLevel: number;
  ciLower: number;
  ciUpper: number;
  ciMethod: 'normal';
  /** Wald z = g / se and its two-sided p. */
  statistic: number;
  pValue: number;
  n: ArmSizes;
}

/** The exact small-sample correction J(m) = Γ(m/2) / (√(m/2)·Γ((m−1)/2)) for m > 1 df. */
export function hedgesCorrection(m: number): number {
  return Math.exp(lnGamma(m / 2) - Math.log(Math.sqrt(m / 2)) - lnGamma((m - 1) / 2));
}

function fromParts(diff: number, intervention: ArmSummary, control: ArmSummary, confLevel: number): HedgesG {
  const n = { intervention: intervention.n, control: control.n };
  if (n.intervention < 2 || n.control < 2) {
    const arm = n.intervention < 2 ? 'intervention' : 'control';
    throw analysisFailed(`fewer than 2 patients in the ${arm} arm (found ${n[arm]})`, n);
  }
  const m = n.intervention + n.control - 2;
  const pooledSd = Math.sqrt(((n.intervention - 1) * intervention.sd ** 2 + (n.control - 1) * control.sd ** 2) / m);
  if (!(pooledSd > 0)) throw analysisFailed('the pooled standard deviation is 0 (every patient has the same value), so the standardized difference is undefined', n);
  const d = diff / pooledSd;
  const correction = hedgesCorrection(m);
  const g = correction * d;
  const variance = 1 / n.intervention + 1 / n.control + (g * g) / (2 * (n.intervention + n.control));
  const se = Math.sqrt(variance);
  const { statistic, pValue, ciLower, ciUpper } = zInterval(g, se, confLevel);
  return {
    method: 'hedges-g', measure: 'SMD', vtype: 'LS', g, d, correction, correctionMethod: 'exact-gamma', pooledSd,
    variance, se, confLevel, ciLower, ciUpper, ciMethod: 'normal', statistic, pValue, n,
  };
}

/** Hedges' g from arm summaries (n, mean, SD), = `escalc("SMD", m1i, sd1i, n1i, m2i, sd2i, n2i)`. */
export function hedgesGFromSummary(intervention: ArmSummary, control: ArmSummary, options?: ConfidenceOptions): HedgesG {
  const confLevel = confLevelOf(options);
  for (const [arm, s] of [['intervention', intervention], ['control', control]] as const) {
    if (!Number.isInteger(s.n) || !Number.isFinite(s.mean) || !(s.sd >= 0)) {
      throw analysisFailed(`the ${arm} arm summary needs an integer n, a finite mean and a non-negative SD (got n = ${s.n}, mean = ${s.mean}, sd = ${s.sd})`);
    }
  }
  return fromParts(intervention.mean - control.mean, intervention, control, confLevel);
}

/** Hedges' g from patient-level values of each arm. */
export function hedgesG(intervention: readonly number[], control: readonly number[], options?: ConfidenceOptions): HedgesG {
  const confLevel = confLevelOf(options);
  requireArms(intervention, control, 2);
  const summary = (v: readonly number[]): ArmSummary => {
    const mean = sampleMean(v);
    return { n: v.length, mean, sd: Math.sqrt(sampleVariance(v, mean)) };
  };
  return fromParts(meanDifference(intervention, control), summary(intervention), summary(control), confLevel);
}
