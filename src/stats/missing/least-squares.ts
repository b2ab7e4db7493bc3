import { choleskyInverse, choleskyLower, choleskySolveInPlace } from './dense-cholesky.js';
import { householderQr, householderQrInPlace, qrSolve, type HouseholderQr } from './householder-qr.js';

/** Least-squares fit with what imputation and ANCOVA need downstream. */
export interface LeastSquaresFit {
  coefficients: number[];
  /** (XᵀX)⁻¹ (row-major p × p), or its ridge-stabilised version when X is rank deficient. */
  covUnscaled: Float64Array;
  /** A square root S of `covUnscaled` (S·Sᵀ = (XᵀX)⁻¹): R⁻¹ from the QR, or a Cholesky factor. */
  covRoot: Float64Array;
  residuals: number[];
  /** Residual sum of squares. */
  rss: number;
  /** max(n − p, 1), as mice's `estimice`. */
  dfResidual: number;
  /** True when XᵀX was (near) singular and the ridge penalty κ·diag(XᵀX) was added, as mice does. */
  ridge: boolean;
  p: number;
}

/**
 * Ordinary least squares by Householder QR (householder-qr.ts; never the normal equations):
 * X = QR, β̂ = R⁻¹Qᵀy, (XᵀX)⁻¹ = R⁻¹R⁻ᵀ. When R has a (near) zero pivot (|r_jj| < 1e-10·max|r_jj|),
 * falls back to mice's ridge: β̂ = (XᵀX + κ·diag(XᵀX))⁻¹Xᵀy with κ = 1e-5.
 *
 * R equivalent: `lm.fit(x, y)` with `solve(crossprod(qr.R(qr)))` (mice:::estimice, ls.meth = "qr").
 * Reference: Golub GH, Van Loan CF (2013) Matrix Computations, 4th ed., §5.3;
 * van Buuren S, Groothuis-Oudshoorn K (2011) doi:10.18637/jss.v045.i03.
 *
 * Preconditions: `x` has n rows of equal length p ≥ 1 (include the intercept column yourself),
 * n = y.length ≥ 1, all values finite.
 * @example leastSquares([[1, 0], [1, 1], [1, 2]], [1, 3, 5]).coefficients // → [1, 2]
 */
export function leastSquares(x: readonly (readonly number[])[], y: readonly number[], ridgeKappa = 1e-5): LeastSquaresFit {
  const n = y.length;
  const p = x[0]?.length ?? 0;
  const qr = householderQr(x);
  const fullRank = qrFullRank(qr);

  let coefficients: number[];
  let covUnscaled: Float64Array;
  let covRoot: Float64Array;
  if (fullRank) {
    coefficients = qrSolve(qr, y);
    const rInv = upperTriangularInverse(qr, p);
    covRoot = rInv;
    covUnscaled = new Float64Array(p * p);
    for (let i = 0; i < p; i++) {
      for (let j = 0; j < p; j++) {
        let s = 0;
        for (let k = Math.max(i, j); k < p; k++) s += rInv[i * p + k]! * rInv[j * p + k]!;
        covUnscaled[i * p + j] = s;
      }
    }
  } else {
    const xtx = new Float64Array(p * p);
    const xty = new Float64Array(p);
    for (let row = 0; row < n; row++) {
      const xr = x[row]!;
      for (let i = 0; i < p; i++) {
        xty[i]! += xr[i]! * y[row]!;
        for (let j = 0; j < p; j++) xtx[i * p + j]! += xr[i]! * xr[j]!;
      }
    }
    for (let i = 0; i < p; i++) xtx[i * p + i]! += ridgeKappa * xtx[i * p + i]! + (xtx[i * p + i] === 0 ? ridgeKappa : 0);
    const l = choleskyLower(xtx, p);
    if (!l) throw new RangeError('leastSquares: design matrix has an all-zero column and cannot be stabilised');
    covUnscaled = choleskyInverse(l, p);
    const b = Float64Array.from(xty);
    choleskySolveInPlace(l, p, b);
    coefficients = Array.from(b);
    const root = choleskyLower(covUnscaled, p);
    if (!root) throw new RangeError('leastSquares: ridge-stabilised covariance is not positive definite');
    covRoot = root;
  }
  const residuals = new Array<number>(n);
  let rss = 0;
  for (let row = 0; row < n; row++) {
    let fitted = 0;
    const xr = x[row]!;
    for (let j = 0; j < p; j++) fitted += xr[j]! * coefficients[j]!;
    const e = y[row]! - fitted;
    residuals[row] = e;
    rss += e * e;
  }
  return { coefficients, covUnscaled, covRoot, residuals, rss, dfResidual: Math.max(n - p, 1), ridge: !fullRank, p };
}

/** No (near) zero pivot: every |r_jj| > 1e-10·max|r_jj| (else leastSquares falls back to the ridge). */
export function qrFullRank(qr: HouseholderQr): boolean {
  const p = qr.n;
  let maxDiag = 0;
  for (let j = 0; j < p; j++) maxDiag = Math.max(maxDiag, Math.abs(qr.rdiag[j]!));
  if (qr.m < p) return false;
  for (let j = 0; j < p; j++) if (!(Math.abs(qr.rdiag[j]!) > 1e-10 * maxDiag)) return false;
  return true;
}

let scratch = new Float64Array(0);

/**
 * The first `length` values of `x` in a buffer reused from call to call (the QR works in place
 * and the draw keeps nothing of it): the imputation loop would otherwise allocate one per fit.
 */
function scratchCopy(x: Float64Array, length: number): Float64Array {
  if (scratch.length < length) scratch = new Float64Array(Math.max(length, 2 * scratch.length));
  const out = scratch.subarray(0, length);
  out.set(x.subarray(0, length));
  return out;
}

/** What a posterior draw needs of a least-squares fit (see mice-norm.ts). */
export type DrawFit = Pick<LeastSquaresFit, 'coefficients' | 'covRoot' | 'rss' | 'dfResidual' | 'ridge' | 'p'>;

/**
 * {@link leastSquares} of the n × p design held column-major in `x` (column j at [j·n, (j+1)·n);
 * not modified), returning only what a posterior draw needs: the same arithmetic in the same
 * order, so the same bits, without building an array per row or (XᵀX)⁻¹ and the residuals. The
 * multiple-imputation loops fit thousands of these (docs/architecture.md#the-cost-of-a-cold-regeneration).
 */
export function leastSquaresForDraw(x: Float64Array, n: number, p: number, y: ArrayLike<number>, rootStore?: Float64Array): DrawFit {
  const qr = householderQrInPlace(scratchCopy(x, n * p), n, p);
  if (!qrFullRank(qr)) {
    const rows = Array.from({ length: n }, (_, i) => Array.from({ length: p }, (_, j) => x[j * n + i]!));
    return leastSquares(rows, Array.from(y));
  }
  const coefficients = qrSolve(qr, y);
  let rss = 0;
  for (let row = 0; row < n; row++) {
    let fitted = 0;
    for (let j = 0; j < p; j++) fitted += x[j * n + row]! * coefficients[j]!;
    const e = y[row]! - fitted;
    rss += e * e;
  }
  const root = rootStore ? rootStore.subarray(0, p * p).fill(0) : new Float64Array(p * p);
  return { coefficients, covRoot: upperTriangularInverse(qr, p, root), rss, dfResidual: Math.max(n - p, 1), ridge: false, p };
}

/**
 * R⁻¹ into `inv` (p × p, row-major, zero below the diagonal on entry). R's entries are read
 * straight from the factorisation (qrR's cases resolved by the loop bounds: k > i above the
 * diagonal), the same numbers in the same order.
 */
function upperTriangularInverse(r: HouseholderQr, p: number, inv: Float64Array = new Float64Array(p * p)): Float64Array {
  const { qr, rdiag, m } = r;
  for (let j = 0; j < p; j++) {
    inv[j * p + j] = 1 / rdiag[j]!;
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let k = i + 1; k <= j; k++) s += qr[k * m + i]! * inv[k * p + j]!;
      inv[i * p + j] = -s / rdiag[i]!;
    }
  }
  return inv;
}
