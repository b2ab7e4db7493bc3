import { tInterval } from '../distributions.js';
import { HtaError } from '../../errors.js';

/** Rubin's rules for one scalar estimand, with every intermediate `mice::pool()` reports. */
export interface RubinPooled {
  method: 'rubin-1987';
  dfMethod: 'barnard-rubin-1999';
  /** Number of imputations. */
  m: number;
  /** Pooled estimate q̄ (mean of the per-imputation estimates). */
  estimate: number;
  /** Within-imputation variance Ū (mean of the per-imputation variances); `ubar` in mice. */
  within: number;
  /** Between-imputation variance B (sample variance of the estimates, divisor m − 1). */
  between: number;
  /** Total variance T = Ū + (1 + 1/m)·B. */
  total: number;
  /** √T. */
  se: number;
  /** Complete-data residual df passed in (`dfcom`). */
  dfComplete: number;
  /** Barnard–Rubin adjusted df (= mice `df`). */
  df: number;
  /** Relative increase in variance r = (1 + 1/m)·B / Ū. */
  riv: number;
  /** Proportion of variance due to missingness λ = (1 + 1/m)·B / T. */
  lambda: number;
  /** Fraction of missing information γ = (r + 2/(df + 3)) / (r + 1) (= mice `fmi`). */
  fmi: number;
  /** q̄ / √T. */
  statistic: number;
  /** Two-sided p from t(df). */
  pValue: number;
  confLevel: number;
  ciLower: number;
  ciUpper: number;
}

/**
 * Rubin's rules: pools m complete-data estimates q_l with variances u_l of one scalar.
 *
 *   q̄ = Σ q_l / m,  Ū = Σ u_l / m,  B = Σ (q_l − q̄)² / (m − 1),  T = Ū + (1 + 1/m)·B
 *   r = (1 + 1/m)·B / Ū,  λ = (1 + 1/m)·B / T  (λ floored at 1e-4 inside the df, as mice does)
 *   ν_old = (m − 1) / λ²,  ν_obs = (ν_com + 1)/(ν_com + 3) · ν_com · (1 − λ)
 *   df = ν_old·ν_obs / (ν_old + ν_obs)   (= ν_old when ν_com = ∞)
 *   fmi = (r + 2/(df + 3)) / (r + 1)
 *   CI = q̄ ± t_{df, 1−α/2} √T;  p = 2·P(t_df > |q̄| / √T)
 *
 * R equivalent: `mice::pool(fit)` (`estimate, ubar, b, t, df, riv, lambda, fmi`) and
 * `summary(pool(fit), conf.int = TRUE)`; for bare numbers `mice::pool.scalar(Q, U, n, k)`.
 *
 * References: Rubin DB (1987) Multiple Imputation for Nonresponse in Surveys, Wiley,
 * doi:10.1002/9780470316696; Barnard J, Rubin DB (1999) Small-sample degrees of freedom with
 * multiple imputation, Biometrika 86:948–955, doi:10.1093/biomet/86.4.948; van Buuren S,
 * Groothuis-Oudshoorn K (2011) mice, J Stat Softw 45(3), doi:10.18637/jss.v045.i03.
 *
 * Preconditions: m ≥ 2 estimates, the same number of variances, all finite, variances ≥ 0,
 * `dfComplete` > 0 (use `Infinity` for the large-sample limit).
 *
 * @throws HtaError('analysis.failed') when the inputs violate the preconditions.
 * @example
 *   poolRubin([1.0, 1.2, 0.9], [0.04, 0.05, 0.045], 100)
 *   // → estimate 1.0333…, within 0.045, between 0.02333…, total 0.07611…, df 9.92…, fmi 0.500…
 */
export function poolRubin(
  estimates: readonly number[],
  variances: readonly number[],
  dfComplete: number,
  confLevel = 0.95,
): RubinPooled {
  const { m, estimate, within, between, total } = rubinVariance(estimates, variances);
  if (!(dfComplete > 0)) {
    throw new HtaError('analysis.failed', `Rubin's rules: complete-data df must be > 0, got ${dfComplete}.`);
  }
  if (!(confLevel > 0 && confLevel < 1)) {
    throw new HtaError('analysis.failed', `confLevel must lie in (0, 1), got ${confLevel}.`);
  }
  const riv = ((1 + 1 / m) * between) / within;
  const lambda = ((1 + 1 / m) * between) / total;
  const df = barnardRubinDf(m, lambda, dfComplete);
  const fmi = (riv + 2 / (df + 3)) / (riv + 1);
  const se = Math.sqrt(total);
  const { statistic, pValue, ciLower, ciUpper } = tInterval(estimate, se, df, confLevel);
  return {
    method: 'rubin-1987',
    dfMethod: 'barnard-rubin-1999',
    m,
    estimate,
    within,
    between,
    total,
    se,
    dfComplete,
    df,
    riv,
    lambda,
    fmi,
    statistic,
    pValue,
    confLevel,
    ciLower,
    ciUpper,
  };
}

/**
 * The pooled estimate and its standard error only (q̄ and √T above): what the cost-effectiveness
 * analysis reports. Without the t interval, whose quantile would load @stdlib's incomplete-beta
 * code on the worker thread that runs that analysis (~0.2 CPU-s,
 * docs/architecture.md#the-cost-of-a-cold-regeneration) for numbers it does not use.
 *
 * @throws HtaError('analysis.failed') as `poolRubin` does for its estimates and variances.
 */
export function rubinEstimateSe(estimates: readonly number[], variances: readonly number[]): { estimate: number; se: number } {
  const { estimate, total } = rubinVariance(estimates, variances);
  return { estimate, se: Math.sqrt(total) };
}

/**
 * The pooled estimate and SE with the Monte Carlo error that the finite number of imputations
 * leaves in the pooled estimate, MCSE = √(B/m): the SD of q̄ over repeated runs with other seeds.
 * White IR, Royston P, Wood AM (2011) Multiple imputation using chained equations: issues and
 * guidance for practice, Stat Med 30:377–399, doi:10.1002/sim.4067 (section 7): the MCSE should be
 * at most about 10% of the SE, which is about m ≥ 100·FMI. `fmi` is mice's (Barnard–Rubin df with
 * `dfComplete`), so `between` = mice::pool's `b` and `fmi` its `fmi`. No t quantile: cheap, as
 * `rubinEstimateSe`.
 *
 * @throws HtaError('analysis.failed') as `poolRubin` does for its estimates and variances.
 */
export function rubinMonteCarlo(estimates: readonly number[], variances: readonly number[], dfComplete: number): { estimate: number; se: number; between: number; mcse: number; fmi: number } {
  const { m, estimate, within, between, total } = rubinVariance(estimates, variances);
  const riv = within > 0 ? ((1 + 1 / m) * between) / within : Infinity;
  const lambda = total > 0 ? ((1 + 1 / m) * between) / total : 0;
  const df = barnardRubinDf(m, lambda, dfComplete);
  // Ū = 0 (every completed data set fitted exactly): all the variance is between imputations.
  const fmi = Number.isFinite(riv) ? (riv + 2 / (df + 3)) / (riv + 1) : 1;
  return { estimate, se: Math.sqrt(total), between, mcse: Math.sqrt(between / m), fmi };
}

/** q̄, Ū, B and T of Rubin's rules, after checking the estimates and variances. */
function rubinVariance(estimates: readonly number[], variances: readonly number[]): Pick<RubinPooled, 'm' | 'estimate' | 'within' | 'between' | 'total'> {
  const m = estimates.length;
  if (m < 2) {
    throw new HtaError('analysis.failed', `Rubin's rules need at least 2 imputations, got ${m}.`);
  }
  if (variances.length !== m) {
    throw new HtaError(
      'analysis.failed',
      `Rubin's rules: ${m} estimates but ${variances.length} variances; pass one variance per estimate.`,
    );
  }
  if (estimates.some((q) => !Number.isFinite(q)) || variances.some((u) => !Number.isFinite(u) || u < 0)) {
    throw new HtaError('analysis.failed', "Rubin's rules: estimates must be finite and variances finite and ≥ 0.");
  }
  const estimate = mean(estimates);
  const within = mean(variances);
  let ss = 0;
  for (const q of estimates) ss += (q - estimate) ** 2;
  const between = ss / (m - 1);
  const total = within + (1 + 1 / m) * between;
  return { m, estimate, within, between, total };
}

/** Barnard–Rubin (1999) df exactly as `mice:::barnard.rubin` (λ floored at 1e-4). */
function barnardRubinDf(m: number, lambdaRaw: number, dfComplete: number): number {
  const lambda = Math.max(lambdaRaw, 1e-4);
  const dfOld = (m - 1) / lambda ** 2;
  if (!Number.isFinite(dfComplete)) return dfOld;
  const dfObs = ((dfComplete + 1) / (dfComplete + 3)) * dfComplete * (1 - lambda);
  return (dfOld * dfObs) / (dfOld + dfObs);
}

function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}
