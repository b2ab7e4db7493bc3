/**
 * Ordinary least squares by Householder QR of the design matrix (never the normal equations).
 *
 *   X = QR,  β̂ = R⁻¹Qᵀy,  e = y − Xβ̂,  df = n − p,  σ̂² = eᵀe / df
 *   Cov(β̂) = σ̂²(XᵀX)⁻¹ = σ̂²·R⁻¹R⁻ᵀ,  SEⱼ = √Cov(β̂)ⱼⱼ,  tⱼ = β̂ⱼ/SEⱼ,  pⱼ = 2·P(T_df > |tⱼ|)
 *   CIⱼ = β̂ⱼ ± t₍₁₋α/₂, df₎·SEⱼ
 *
 * = R `lm.fit(X, y)` / `summary(lm(y ~ X - 1))` and `confint()`; X must contain the intercept
 * column itself if one is wanted.
 * Rank check: column j is declared collinear with the columns before it when |Rⱼⱼ| < 1e-7·‖Xⱼ‖
 * (the norm of column j of X as given) — the same tolerance and relative-to-own-column rule as
 * LINPACK dqrdc2, which R's `lm` uses (tol = 1e-7), so a column in tiny units is not mistaken for
 * a collinear one. R would drop the column (coefficient NA); here the fit stops with
 * `analysis.failed` "singular design: column 'x' is collinear with …".
 * Accuracy: on NIST StRD Longley (R `longley`, `lm(Employed ~ ., longley)`, condition number
 * ≈ 5e9) the coefficients and SEs agree with R and the NIST certified values to better than 1e-9
 * relative (test/stats/ols.test.ts, fixture test/reference/ols.R).
 * References: Golub GH, Van Loan CF (2013), Matrix Computations, 4th ed., §5.3 (QR least
 * squares); Longley JW (1967), J Am Stat Assoc 62:819–841, doi:10.1080/01621459.1967.10500896.
 * Preconditions: n rows of equal length p ≥ 1, n > p, finite values, full column rank, residual
 * error above zero (an exact fit makes every SE zero; R only warns, here the fit stops).
 * Example: X = [[1, 1], [1, 2], [1, 3]], y = [1, 2, 2] → β̂ = [0.6667, 0.5], σ̂ = 0.4082, df = 1.
 */
import { householderQr, qrR, qrSolve } from './missing/householder-qr.js';
import { withTInterval } from './distributions.js';
import { analysisFailed } from './arm-size.js';
import { sampleMean } from './sample-moments.js';
import { confLevelOf } from './welch-difference.js';

/** LINPACK dqrdc2 / R `lm` tolerance for declaring a column collinear. */
export const RANK_TOLERANCE = 1e-7;

export interface OlsCoefficient {
  term: string;
  estimate: number;
  se: number;
  /** t statistic estimate / se. */
  statistic: number;
  pValue: number;
  ciLower: number;
  ciUpper: number;
}

export interface OlsFit {
  method: 'ols-householder-qr';
  coefficients: OlsCoefficient[];
  /** Covariance matrix of the estimates, σ̂²(XᵀX)⁻¹, in column order. */
  covariance: number[][];
  /** Residual degrees of freedom n − p. */
  df: number;
  /** Residual standard error σ̂. */
  sigma: number;
  residualSumOfSquares: number;
  n: number;
  rank: number;
  confLevel: number;
  ciMethod: 't';
}

export interface OlsOptions {
  confLevel?: number;
}

export function ols(X: readonly (readonly number[])[], y: readonly number[], names?: readonly string[], options?: OlsOptions): OlsFit {
  const n = X.length;
  const p = X[0]?.length ?? 0;
  const confLevel = confLevelOf(options);
  const termNames = names ?? Array.from({ length: p }, (_, j) => `x${j + 1}`);
  if (p === 0) throw analysisFailed('the model has no columns to estimate');
  if (termNames.length !== p) throw analysisFailed(`${termNames.length} column names were given for ${p} columns`);
  if (y.length !== n) throw analysisFailed(`the outcome has ${y.length} values but the design has ${n} rows`);
  if (X.some((row) => row.length !== p)) throw analysisFailed('the design matrix rows differ in length');
  if (n <= p) throw analysisFailed(`${n} complete observations are too few to estimate ${p} coefficients with a residual error (need at least ${p + 1})`);
  if (!y.every(Number.isFinite) || !X.every((row) => row.every(Number.isFinite))) throw analysisFailed('the model data contain a value that is not a finite number');

  // householder-qr.ts: ml-matrix's QrDecomposition step for step (the same bits) on one typed
  // array, without ml-matrix's per-element accessors, which were most of the cost of a fit.
  const qr = householderQr(X);
  for (let j = 0; j < p; j++) {
    if (clearlyIndependent(qr, j)) continue;
    let norm = 0;
    for (let i = 0; i < n; i++) norm = Math.hypot(norm, X[i]![j]!);
    if (norm === 0 || Math.abs(qrR(qr, j, j)) < RANK_TOLERANCE * norm) {
      const before = termNames.slice(0, j).map((t) => `'${t}'`).join(', ');
      throw analysisFailed(norm === 0 || j === 0
        ? `singular design: column '${termNames[j]}' is zero for every patient`
        : `singular design: column '${termNames[j]}' is collinear with ${before}`);
    }
  }

  const beta = qrSolve(qr, y);
  let rss = 0;
  for (let i = 0; i < n; i++) {
    const row = X[i] as readonly number[];
    let fitted = 0;
    for (let j = 0; j < p; j++) fitted += (row[j] as number) * (beta[j] as number);
    const e = (y[i] as number) - fitted;
    rss += e * e;
  }
  const df = n - p;
  const sigma2 = rss / df;
  const yMean = sampleMean(y);
  let tss = 0;
  for (let i = 0; i < n; i++) tss += (y[i]! - yMean) ** 2;
  if (rss <= 1e-28 * tss || tss === 0) {
    throw analysisFailed(tss === 0
      ? 'the outcome has the same value for every patient, so the model has no residual error to estimate'
      : 'the model fits every patient exactly (residual standard error 0); check for a covariate that duplicates the outcome');
  }

  // R⁻¹ by back substitution (R is p × p upper triangular), then (XᵀX)⁻¹ = R⁻¹R⁻ᵀ.
  const Rinv: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let j = 0; j < p; j++) {
    (Rinv[j] as number[])[j] = 1 / qrR(qr, j, j);
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let k = i + 1; k <= j; k++) s += qrR(qr, i, k) * (Rinv[k] as number[])[j]!;
      (Rinv[i] as number[])[j] = -s / qrR(qr, i, i);
    }
  }
  const covariance = Array.from({ length: p }, (_, a) =>
    Array.from({ length: p }, (_, b) => {
      let s = 0;
      for (let k = Math.max(a, b); k < p; k++) s += (Rinv[a] as number[])[k]! * (Rinv[b] as number[])[k]!;
      return s * sigma2;
    }),
  );

  // Each p-value computed when read: most callers read the arm's only (distributions.ts withTInterval).
  const coefficients = beta.map((estimate, j) => {
    const se = Math.sqrt((covariance[j] as number[])[j]!);
    return withTInterval({ term: termNames[j] as string, estimate, se }, estimate, se, df, confLevel);
  });
  return { method: 'ols-householder-qr', coefficients, covariance, df, sigma: Math.sqrt(sigma2), residualSumOfSquares: rss, n, rank: p, confLevel, ciMethod: 't' };
}

/**
 * Whether column j passes the rank check |Rⱼⱼ| ≥ RANK_TOLERANCE·‖Xⱼ‖ by a margin, told from R
 * alone: Q is orthogonal, so ‖Xⱼ‖ is the norm of R's column j, which Householder QR computes to
 * a relative error of order n·p·2⁻⁵³ (backward stable column by column: Golub & Van Loan §5.2),
 * far inside the factor 2 allowed here. A column that passes this passes the check on ‖Xⱼ‖, so
 * only the others compute ‖Xⱼ‖ from X (n calls of Math.hypot each: most of a cold fit's own
 * time, docs/architecture.md#the-cost-of-a-cold-regeneration), and every decision is the same.
 */
function clearlyIndependent(qr: ReturnType<typeof householderQr>, j: number): boolean {
  let ss = 0;
  for (let i = 0; i <= j; i++) ss += qrR(qr, i, j) ** 2;
  // Squares beyond a double's range (1e+200, 1e-200 scales) leave it to the check on X.
  return ss >= 1e-280 && ss < Infinity && Math.abs(qrR(qr, j, j)) >= 2 * RANK_TOLERANCE * Math.sqrt(ss);
}
