/**
 * Cluster-robust (CR1) covariance of least-squares coefficients, for a cluster-randomised trial
 * (docs/plan-trial.md#cluster-randomised-trials): patients of one practice are alike, so the
 * model-based σ̂²(XᵀX)⁻¹ understates the uncertainty of the arm effect; the sandwich sums the
 * score contributions per cluster instead of per patient.
 *
 *   B = (XᵀX)⁻¹,  uᵍ = Σ_{i∈g} xᵢ eᵢ,  M = Σ_g uᵍ uᵍᵀ
 *   V = G/(G − 1) · (N − 1)/(N − K) · B M B,  SEⱼ = √Vⱼⱼ,  CIⱼ = β̂ⱼ ± t₍₁₋α/₂, G−1₎·SEⱼ
 *
 * = R `sandwich::vcovCL(lm(...), cluster = ~g, type = "HC1")` (its default `cadjust = TRUE` gives
 * G/(G − 1), "HC1" the (N − 1)/(N − K)), with the t interval on G − 1 degrees of freedom computed
 * from that covariance (test/reference/cluster-robust.R).
 * References: Liang KY, Zeger SL (1986), Biometrika 73:13–22, doi:10.1093/biomet/73.1.13;
 * Cameron AC, Miller DL (2015), J Hum Resour 50:317–372, doi:10.3368/jhr.50.2.317 (CR1, G − 1 df).
 * Preconditions: as ols.ts, and one cluster label per row with at least 2 clusters.
 */
import { analysisFailed, type ArmSizes } from './arm-size.js';
import { ols } from './ols.js';
import { tInterval } from './distributions.js';
import type { OlsCoefficient, OlsFit } from './ols.js';

export interface ClusterRobust {
  /** The coefficients with cluster-robust SEs and t on G − 1 df, in the fit's order. */
  coefficients: OlsCoefficient[];
  covariance: number[][];
  /** Number of clusters G. */
  clusters: number;
  /** G − 1. */
  df: number;
}

/** The CR1 covariance of `fit` (made by ols.ts from `X`, `y`) with rows grouped by `clusters`. */
export function clusterRobust(X: readonly (readonly number[])[], y: readonly number[], fit: OlsFit, clusters: readonly string[]): ClusterRobust {
  const n = X.length;
  const p = fit.coefficients.length;
  if (clusters.length !== n) throw analysisFailed(`${clusters.length} cluster labels were given for ${n} patients`);
  const beta = fit.coefficients.map((c) => c.estimate);
  // B = (XᵀX)⁻¹ = Cov / σ̂² (ols.ts: Cov = σ̂²(XᵀX)⁻¹).
  const s2 = fit.sigma * fit.sigma;
  const bread = fit.covariance.map((row) => row.map((v) => v / s2));
  const scores = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const row = X[i]!;
    let e = y[i]!;
    for (let j = 0; j < p; j++) e -= row[j]! * beta[j]!;
    let u = scores.get(clusters[i]!);
    if (!u) scores.set(clusters[i]!, (u = new Array<number>(p).fill(0)));
    for (let j = 0; j < p; j++) u[j]! += row[j]! * e;
  }
  const G = scores.size;
  if (G < 2) throw analysisFailed(`cluster-robust standard errors need at least 2 clusters; the patients analysed are in ${G}`);
  const meat = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (const u of scores.values()) for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) meat[a]![b]! += u[a]! * u[b]!;
  const scale = (G / (G - 1)) * ((n - 1) / (n - p));
  const bm = bread.map((row) => Array.from({ length: p }, (_, b) => row.reduce((s, v, k) => s + v * meat[k]![b]!, 0)));
  const covariance = bm.map((row) => Array.from({ length: p }, (_, b) => scale * row.reduce((s, v, k) => s + v * bread[k]![b]!, 0)));
  const df = G - 1;
  const coefficients = fit.coefficients.map((c, j) => {
    const se = Math.sqrt(covariance[j]![j]!);
    return { term: c.term, estimate: c.estimate, se, ...tInterval(c.estimate, se, df, fit.confLevel) };
  });
  return { coefficients, covariance, clusters: G, df };
}

export interface ClusterDifference {
  /** Mean of the intervention arm minus mean of control (the arm coefficient of y ~ arm). */
  difference: number;
  se: number;
  df: number;
  ciLower: number;
  ciUpper: number;
  statistic: number;
  pValue: number;
  n: ArmSizes;
  clusters: number;
}

/**
 * The unadjusted difference in means (or, with 0/1 outcomes, the risk difference of the linear
 * probability model) with a CR1 SE and t on G − 1 df: R `fit <- lm(y ~ arm)`,
 * `sandwich::vcovCL(fit, cluster = ~g, type = "HC1")`. `treated` is 1 for the intervention arm.
 */
export function clusterDifference(outcome: readonly number[], treated: readonly (0 | 1)[], clusters: readonly string[], confLevel: number): ClusterDifference {
  const n = { intervention: treated.filter((t) => t === 1).length, control: treated.filter((t) => t === 0).length };
  for (const arm of ['intervention', 'control'] as const) {
    if (n[arm] < 2) throw analysisFailed(`fewer than 2 patients with a value in the ${arm} arm (found ${n[arm]})`, n);
  }
  const design = treated.map((t) => [1, t]);
  let fit;
  try {
    fit = ols(design, outcome, ['(Intercept)', 'arm'], { confLevel });
  } catch (err) {
    throw Object.assign(err as Error, { n });
  }
  const robust = clusterRobust(design, outcome, fit, clusters);
  const arm = robust.coefficients[1]!;
  return { difference: arm.estimate, se: arm.se, df: robust.df, ciLower: arm.ciLower, ciUpper: arm.ciUpper, statistic: arm.statistic, pValue: arm.pValue, n, clusters: robust.clusters };
}
