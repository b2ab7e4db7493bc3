/**
 * Prediction interval for the true effect in a new study, and the share of that predictive
 * distribution beyond a threshold (e.g. the MCID).
 *
 * Predictive distribution, as metafor 3.8 `predict(res)` builds its PI:
 *   θ_new ~ μ̂ + c · √(SE² + τ²), where SE is the fit's SE (the HKSJ-scaled SE under "knha")
 *   and c is N(0, 1) for test "z" and Student's t on k − 1 df for test "knha"
 *   (metafor: "the same critical value as the CI"; `pi.type = "default"`).
 *   PI = μ̂ ± c(1 − α/2) · √(SE² + τ²).
 * A fit that names its own (`predictSe`, `predictDf`: the iqwig6 preset, R meta's `method.predict = "V"`,
 * ci(TE.random, √(seTE.classic² + τ²), k − 1) with seTE.classic = √(1/Σw)) uses those instead.
 * Passing `df` overrides the reference distribution with t(df), e.g. df = k − 2 for the
 * Higgins, Thompson & Spiegelhalter (2009) interval (metafor `pi.type = "riley"` differs: it
 * uses k − 2 only for REML/ML fits), used by RevMan 5 and `meta`.
 *
 *   probabilityBeyond: P(θ_new > m) = 1 − F((m − μ̂)/√(SE² + τ²)),  P(θ_new < m) = F(·),
 *   F the same N(0, 1) or t(df) as the PI, so the PI bounds are exactly the points with
 *   probability α/2 beyond them.
 *
 * References: Higgins JPT, Thompson SG, Spiegelhalter DJ (2009). A re-evaluation of
 * random-effects meta-analysis. J R Stat Soc A 172:137–159. doi:10.1111/j.1467-985X.2008.00552.x;
 * IntHout J et al. (2016). Plea for routinely presenting prediction intervals in meta-analysis.
 * BMJ Open 6:e010247. doi:10.1136/bmjopen-2015-010247
 *
 * Returns null for k = 1 (a single study says nothing about between-study spread) and for the
 * fixed-effect model (which assumes there is none; metafor's predict() gives no PI there either).
 * Example (dat.normand1999, MD, REML + knha): PI = [−79.06, 48.85].
 */
import { normalCdf, normalQuantile, tCdf, tQuantile } from '../distributions.js';
import { HtaError } from '../../errors.js';
import type { MetaFit } from './meta-fit.js';
import { assertConfLevel } from './meta-fit.js';

export interface PredictionIntervalOptions {
  /** Level of the PI; default the fit's confLevel (as metafor). */
  confLevel?: number;
  /** t degrees of freedom to use instead of metafor's rule (normal for z, k − 1 for HKSJ). */
  df?: number;
}

export interface PredictionInterval {
  piLower: number;
  piUpper: number;
  /** SD of the predictive distribution, √(SE² + τ²) (SE: the fit's predictSe when it has one). */
  piSd: number;
  /** t df of the predictive distribution; null = standard normal. */
  piDf: number | null;
  confLevel: number;
}

export interface BeyondThreshold {
  /** Share of the predictive distribution beyond the threshold, in [0, 1]. */
  probability: number;
  threshold: number;
  direction: 'above' | 'below';
  piDf: number | null;
}

function predictiveDf(fit: MetaFit, df: number | undefined): number | null {
  if (df !== undefined) {
    if (!(df > 0)) throw new HtaError('usage.invalid', `predictionInterval: df ${df} must be > 0 (k − 1 or k − 2 for k studies)`);
    return df;
  }
  if (fit.predictDf !== undefined) return fit.predictDf;
  return fit.ciMethod === 'hksj' ? fit.df : null;
}

/** The predictive distribution's SD, √(SE² + τ²), with the SE the fit names for it (predictSe) or its CI's. */
function predictiveSd(fit: MetaFit): number {
  const se = fit.predictSe ?? fit.se;
  return Math.sqrt(se * se + fit.tau2);
}

export function predictionInterval(fit: MetaFit, options: PredictionIntervalOptions = {}): PredictionInterval | null {
  if (fit.k < 2 || fit.model === 'fixed') return null;
  const confLevel = options.confLevel ?? fit.confLevel;
  assertConfLevel(confLevel, 'predictionInterval');
  const piDf = predictiveDf(fit, options.df);
  const p = 1 - (1 - confLevel) / 2;
  const crit = piDf === null ? normalQuantile(p) : tQuantile(p, piDf);
  const piSd = predictiveSd(fit);
  return { piLower: fit.estimate - crit * piSd, piUpper: fit.estimate + crit * piSd, piSd, piDf, confLevel };
}

export function probabilityBeyond(
  threshold: number,
  fit: MetaFit,
  direction: 'above' | 'below',
  options: { df?: number } = {},
): BeyondThreshold | null {
  if (fit.k < 2 || fit.model === 'fixed') return null;
  const piDf = predictiveDf(fit, options.df);
  const z = (threshold - fit.estimate) / predictiveSd(fit);
  const below = piDf === null ? normalCdf(z) : tCdf(z, piDf);
  // 1 − F(z) = F(−z) for both symmetric distributions; computed that way to keep tail digits.
  const above = piDf === null ? normalCdf(-z) : tCdf(-z, piDf);
  return { probability: direction === 'above' ? above : below, threshold, direction, piDf };
}
