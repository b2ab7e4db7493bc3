/**
 * Difference in means between two independent arms with the classical pooled-variance t interval
 * (Student's two-sample t test, equal variances assumed).
 *
 *   d   = mean(x) − mean(y)                               (x = intervention, y = control)
 *   s²ₚ = [ (nₓ − 1)s²ₓ + (nᵧ − 1)s²ᵧ ] / (nₓ + nᵧ − 2)
 *   SE  = sₚ·√(1/nₓ + 1/nᵧ),   df = nₓ + nᵧ − 2
 *   CI  = d ± t₍₁₋α/₂, df₎·SE,  t = d/SE,  p = 2·P(T_df > |t|)
 *
 * = R `t.test(x, y, var.equal = TRUE, conf.level = confLevel)`.
 * Reference: Student (1908), The probable error of a mean, Biometrika 6:1–25,
 * doi:10.1093/biomet/6.1.1.
 * Preconditions: ≥ 2 finite values per arm (stricter than R, which accepts one patient in an arm
 * when the other has ≥ 2; a trial arm of one patient gives no usable estimate) and a pooled SD
 * above zero; otherwise `HtaError('analysis.failed')`.
 * Example: sleep data (R `sleep`), group 2 vs group 1 → d = 1.58, SE = 0.849091, df = 18,
 * 95% CI −0.203874 to 3.363874, t = 1.860813, p = 0.07918671.
 */
import { analysisFailed, requireArms } from './arm-size.js';
import { sampleMean, sampleVariance } from './sample-moments.js';
import { tInterval } from './distributions.js';
import { type ConfidenceOptions, confLevelOf, type MeanDifference, meanDifference } from './welch-difference.js';

export function pooledTDifference(intervention: readonly number[], control: readonly number[], options?: ConfidenceOptions): MeanDifference {
  const confLevel = confLevelOf(options);
  const n = requireArms(intervention, control, 2);
  const m1 = sampleMean(intervention);
  const m2 = sampleMean(control);
  const s1 = sampleVariance(intervention, m1);
  const s2 = sampleVariance(control, m2);
  const df = n.intervention + n.control - 2;
  const pooled = ((n.intervention - 1) * s1 + (n.control - 1) * s2) / df;
  if (!(pooled > 0)) throw analysisFailed('every patient has the same value in both arms, so the difference has no standard error', n);
  const se = Math.sqrt(pooled * (1 / n.intervention + 1 / n.control));
  const difference = meanDifference(intervention, control);
  return {
    method: 'pooled-t',
    difference,
    se,
    df,
    dfMethod: 'pooled (n1 + n2 - 2)',
    confLevel,
    ...tInterval(difference, se, df, confLevel),
    ciMethod: 't',
    n,
    mean: { intervention: m1, control: m2 },
    sd: { intervention: Math.sqrt(s1), control: Math.sqrt(s2) },
  };
}
