/**
 * Difference in means between two independent arms with Welch's unequal-variance t interval.
 *
 *   d  = mean(x) − mean(y)                      (x = intervention, y = control)
 *   SE = √(s²ₓ/nₓ + s²ᵧ/nᵧ)
 *   df = SE⁴ / [ (s²ₓ/nₓ)²/(nₓ − 1) + (s²ᵧ/nᵧ)²/(nᵧ − 1) ]   (Welch–Satterthwaite)
 *   CI = d ± t₍₁₋α/₂, df₎·SE,  t = d/SE,  p = 2·P(T_df > |t|)
 *
 * = R `t.test(x, y, var.equal = FALSE, conf.level = confLevel)` (estimate difference, `stderr`,
 * `parameter`, `conf.int`, `statistic`, `p.value`).
 * References: Welch BL (1947), Biometrika 34:28–35, doi:10.1093/biomet/34.1-2.28;
 * Satterthwaite FE (1946), Biometrics Bulletin 2:110–114, doi:10.2307/3002019.
 * Preconditions: ≥ 2 finite values per arm and not both arms constant (SE > 0); otherwise
 * `HtaError('analysis.failed')`. Means are computed on shifted data and variances centred, so
 * adding a constant to every value leaves d and SE unchanged.
 * Example: sleep data (R `sleep`), group 2 vs group 1 → d = 1.58, SE = 0.849091,
 * df = 17.77647, 95% CI −0.2054832 to 3.3654832, t = 1.860813, p = 0.07939414.
 */
import { tInterval } from './distributions.js';
import { analysisFailed, type ArmSizes, requireArms, requireConfLevel } from './arm-size.js';
import { sampleMean, sampleVariance, shiftedMean } from './sample-moments.js';

/** A between-arm difference in means with a t-based interval. */
export interface MeanDifference {
  method: 'welch-t' | 'pooled-t' | 'change-score-welch-t';
  /** intervention − control. */
  difference: number;
  se: number;
  df: number;
  dfMethod: 'welch-satterthwaite' | 'pooled (n1 + n2 - 2)';
  confLevel: number;
  ciLower: number;
  ciUpper: number;
  ciMethod: 't';
  /** t statistic, difference / se. */
  statistic: number;
  pValue: number;
  n: ArmSizes;
  mean: { intervention: number; control: number };
  sd: { intervention: number; control: number };
}

export interface ConfidenceOptions {
  /** Two-sided confidence level, default 0.95. */
  confLevel?: number;
}

/** Validates a two-sided confidence level in (0, 1). */
export function confLevelOf(options: ConfidenceOptions | undefined): number {
  return requireConfLevel(options?.confLevel ?? 0.95);
}

/** mean(intervention) − mean(control), both shifted by the first intervention value first. */
export function meanDifference(intervention: readonly number[], control: readonly number[]): number {
  const shift = intervention[0] ?? 0;
  return shiftedMean(intervention, shift) - shiftedMean(control, shift);
}

export function welchDifference(intervention: readonly number[], control: readonly number[], options?: ConfidenceOptions): MeanDifference {
  const confLevel = confLevelOf(options);
  const n = requireArms(intervention, control, 2);
  const m1 = sampleMean(intervention);
  const m2 = sampleMean(control);
  const s1 = sampleVariance(intervention, m1);
  const s2 = sampleVariance(control, m2);
  const v1 = s1 / n.intervention;
  const v2 = s2 / n.control;
  const se2 = v1 + v2;
  if (!(se2 > 0)) throw analysisFailed('every patient has the same value in both arms, so the difference has no standard error', n);
  const df = (se2 * se2) / ((v1 * v1) / (n.intervention - 1) + (v2 * v2) / (n.control - 1));
  const se = Math.sqrt(se2);
  const difference = meanDifference(intervention, control);
  return {
    method: 'welch-t',
    difference,
    se,
    df,
    dfMethod: 'welch-satterthwaite',
    confLevel,
    ...tInterval(difference, se, df, confLevel),
    ciMethod: 't',
    n,
    mean: { intervention: m1, control: m2 },
    sd: { intervention: Math.sqrt(s1), control: Math.sqrt(s2) },
  };
}
