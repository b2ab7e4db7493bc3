/**
 * Difference between arms in mean change from baseline, with Welch's t interval on the change
 * scores.
 *
 *   cᵢ = follow-upᵢ − baselineᵢ   (per patient, complete pairs only)
 *   d  = mean(c | intervention) − mean(c | control);  SE, Welch–Satterthwaite df, CI, t and p as
 *        in `welchDifference` applied to the change scores.
 *
 * = R `t.test(fu1 - base1, fu0 - base0, var.equal = FALSE)`.
 * Change scores remove between-patient baseline variation but, unlike ANCOVA, do not adjust for
 * chance baseline imbalance; ANCOVA is the more efficient primary analysis and this is its
 * sensitivity companion (Vickers AJ, Altman DG (2001), Analysing controlled trials with baseline
 * and follow up measurements, BMJ 323:1123–1124, doi:10.1136/bmj.323.7321.1123).
 * Preconditions: baseline and follow-up of equal length within each arm (paired by position),
 * ≥ 2 complete pairs per arm, finite numbers; otherwise `HtaError('analysis.failed')`.
 * Example: intervention baseline [10, 12, 14], follow-up [6, 9, 9]; control baseline
 * [11, 13, 12], follow-up [10, 12, 12] → changes −4, −3, −5 vs −1, −1, 0: d = −3.333333.
 */
import { analysisFailed } from './arm-size.js';
import { type ConfidenceOptions, type MeanDifference, welchDifference } from './welch-difference.js';

/** Paired baseline and follow-up values of one arm (same patient at the same index). */
export interface ArmPairs {
  baseline: readonly number[];
  followUp: readonly number[];
}

function changes(arm: ArmPairs, name: string): number[] {
  if (arm.baseline.length !== arm.followUp.length) {
    throw analysisFailed(`the ${name} arm has ${arm.baseline.length} baseline values but ${arm.followUp.length} follow-up values; pass complete pairs only`);
  }
  return arm.followUp.map((f, i) => f - (arm.baseline[i] as number));
}

export function changeDifference(intervention: ArmPairs, control: ArmPairs, options?: ConfidenceOptions): MeanDifference {
  const result = welchDifference(changes(intervention, 'intervention'), changes(control, 'control'), options);
  return { ...result, method: 'change-score-welch-t' };
}
