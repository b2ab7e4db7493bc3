/**
 * Incremental cost and QALY adjusted for baseline utility and covariates (docs/plan-cea.md#incremental-analysis):
 *
 *   cost_i = α_c + Δc·arm_i + β_c·u0_i + γ_cᵀx_i + ε_ci
 *   qaly_i = α_e + Δe·arm_i + β_e·u0_i + γ_eᵀx_i + ε_ei,   Cov(ε_ci, ε_ei) = σ_ce
 *
 * Seemingly unrelated regression (Zellner A 1962, J Am Stat Assoc 57:348–368,
 * doi:10.1080/01621459.1962.10480664; Willan AR et al. 2004, Health Econ 13:461–475,
 * doi:10.1002/hec.843). Both equations have the same regressors, so the feasible-GLS estimates of
 * SUR equal OLS per equation and their SEs are OLS's: Var(Δ̂) = σ̂²·[(XᵀX)⁻¹]_arm with
 * σ̂² = eᵀe/(n − p). SUR adds the covariance of the two increments,
 * Cov(Δ̂c, Δ̂e) = σ̂_ce·[(XᵀX)⁻¹]_arm, σ̂_ce = e_cᵀe_e/(n − p) (systemfit's default "geomean"
 * residual covariance, equal degrees of freedom). = R `systemfit(list(cost = …, qaly = …),
 * method = "SUR")` and `lm` per equation (test/reference/cea.R).
 */
import { HtaError } from '../errors.js';
import { householderQrInPlace, qrSolve } from '../stats/missing/householder-qr.js';
import { leastSquares, qrFullRank } from '../stats/missing/least-squares.js';

export interface CeaRegressionData {
  /** 1 = intervention, 0 = control. */
  arm: readonly number[];
  baselineUtility: readonly number[];
  cost: readonly number[];
  qaly: readonly number[];
  /** Further numeric (dummy-coded) covariates. */
  covariates: readonly (readonly number[])[];
}

export interface IncrementalFit {
  cost: { estimate: number; se: number };
  qaly: { estimate: number; se: number };
  /** Cov(Δ̂c, Δ̂e) from the SUR residual covariance. */
  covariance: number;
  /** Correlation of the cost and QALY residuals. */
  residualCorrelation: number;
  n: number;
  df: number;
}

/** The design [1, arm, u0, covariates…] with the row order of the data. */
function design(d: CeaRegressionData): number[][] {
  return d.arm.map((a, i) => [1, a, d.baselineUtility[i]!, ...d.covariates.map((c) => c[i]!)]);
}

/** Both increments from one data set (the point estimate, each completed data set, each replicate). */
export function incrementalFit(d: CeaRegressionData): IncrementalFit {
  const x = design(d);
  const n = x.length;
  const p = x[0]?.length ?? 0;
  if (n <= p) throw new HtaError('analysis.failed', `${n} patients are too few for the cost and QALY regressions (${p} coefficients)`);
  const fc = leastSquares(x, d.cost);
  const fe = leastSquares(x, d.qaly);
  if (fc.ridge || fe.ridge) throw new HtaError('analysis.failed', 'the cost and QALY regressions are singular (a single arm, or a constant covariate?)');
  const df = n - p;
  const v11 = fc.covUnscaled[p + 1]!;
  let sce = 0;
  for (let i = 0; i < n; i++) sce += fc.residuals[i]! * fe.residuals[i]!;
  const s2c = fc.rss / df;
  const s2e = fe.rss / df;
  return {
    cost: { estimate: fc.coefficients[1]!, se: Math.sqrt(s2c * v11) },
    qaly: { estimate: fe.coefficients[1]!, se: Math.sqrt(s2e * v11) },
    covariance: (sce / df) * v11,
    residualCorrelation: fc.rss > 0 && fe.rss > 0 ? sce / Math.sqrt(fc.rss * fe.rss) : 0,
    n,
    df,
  };
}

let designScratch = new Float64Array(0);

/**
 * Only the two increments (the bootstrap's inner loop): both equations share the design, so one
 * QR serves both; the same arithmetic as `leastSquares` per equation, so the same bits.
 */
export function increments(d: CeaRegressionData): { cost: number; qaly: number } {
  const n = d.arm.length;
  const p = 3 + d.covariates.length;
  // The design in a buffer reused from replicate to replicate (an ArrayBuffer each, and the GC's
  // sweep of it, cost more than the QR); the QR below overwrites it, and nothing keeps it.
  if (designScratch.length < n * p) designScratch = new Float64Array(Math.max(n * p, 2 * designScratch.length));
  const x = designScratch.subarray(0, n * p);
  for (let i = 0; i < n; i++) {
    x[i] = 1;
    x[n + i] = d.arm[i]!;
    x[2 * n + i] = d.baselineUtility[i]!;
  }
  d.covariates.forEach((c, j) => x.set(c, (3 + j) * n));
  const qr = householderQrInPlace(x, n, p);
  if (!qrFullRank(qr)) {
    // A singular replicate: leastSquares's ridge fallback, as before.
    const rows = design(d);
    return { cost: leastSquares(rows, d.cost).coefficients[1]!, qaly: leastSquares(rows, d.qaly).coefficients[1]! };
  }
  return { cost: qrSolve(qr, d.cost)[1]!, qaly: qrSolve(qr, d.qaly)[1]! };
}
