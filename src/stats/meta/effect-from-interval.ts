/**
 * Effect and sampling variance from a reported confidence interval or standard error.
 *
 *   identity scale (MD, RD, SMD):  yi = estimate,       se = (upper − lower) / (2 z(1 − α/2))
 *   ratio scale (RR, OR, HR):      yi = log(estimate),  se = (log upper − log lower) / (2 z(1 − α/2))
 *   vi = se²
 *
 * With z(0.975) = qnorm(0.975) = 1.959964 for a 95% CI. Ratio CIs are logged first because
 * they are symmetric on the log scale. A standard error reported for a ratio measure is taken
 * to be the SE of its logarithm (as reported by regression software and in RevMan's "SE" column).
 * Reference: Cochrane Handbook for Systematic Reviews of Interventions v6, §6.3.1–6.3.2
 * (obtaining standard errors from confidence intervals).
 *
 * Preconditions: lower ≤ upper; for ratios, estimate, lower, upper > 0. A t-based CI from a
 * small trial will give a slightly too large SE here (the Handbook's caveat).
 * Example: MD −20 [−32.5, −7.5] → se = 25/(2·1.959964) = 6.3777, vi = 40.675.
 * @throws HtaError `input.invalid` when the bounds are reversed, non-finite or non-positive on the ratio scale.
 */
import { normalQuantile } from '../distributions.js';
import { HtaError } from '../../errors.js';
import type { EffectSize } from './study-effect.js';

export type EffectScale = 'identity' | 'ratio';

export interface ReportedInterval {
  estimate: number;
  lower: number;
  upper: number;
  /** Level of the reported CI; default 0.95. */
  confLevel?: number;
  scale: EffectScale;
}

export interface ReportedStandardError {
  estimate: number;
  /** SE on the analysis scale: of the difference, or of log(ratio) for ratio measures. */
  se: number;
  scale: EffectScale;
}

function toAnalysisScale(x: number, scale: EffectScale, what: string, who: string): number {
  if (!Number.isFinite(x)) throw new HtaError('input.invalid', `${who}: ${what} is ${x}; expected a finite number`);
  if (scale === 'identity') return x;
  if (!(x > 0)) throw new HtaError('input.invalid', `${who}: ${what} ${x} is not > 0; a ratio (RR, OR, HR) and its CI must be positive`);
  return Math.log(x);
}

export function effectFromCi(r: ReportedInterval): EffectSize {
  const who = 'effectFromCi';
  const confLevel = r.confLevel ?? 0.95;
  if (!(confLevel > 0 && confLevel < 1)) throw new HtaError('input.invalid', `${who}: confLevel ${confLevel}; expected a proportion such as 0.95`);
  const yi = toAnalysisScale(r.estimate, r.scale, 'estimate', who);
  const lo = toAnalysisScale(r.lower, r.scale, 'lower bound', who);
  const hi = toAnalysisScale(r.upper, r.scale, 'upper bound', who);
  if (!(lo <= hi)) throw new HtaError('input.invalid', `${who}: lower bound ${r.lower} is above upper bound ${r.upper}; swap them`);
  const se = (hi - lo) / (2 * normalQuantile(1 - (1 - confLevel) / 2));
  return { yi, vi: se * se };
}

export function effectFromSe(r: ReportedStandardError): EffectSize {
  const who = 'effectFromSe';
  const yi = toAnalysisScale(r.estimate, r.scale, 'estimate', who);
  if (!(Number.isFinite(r.se) && r.se >= 0)) throw new HtaError('input.invalid', `${who}: standard error ${r.se}; expected a finite number ≥ 0`);
  return { yi, vi: r.se * r.se };
}
