/**
 * Cholesky factorisation of small dense symmetric positive-definite matrices stored row-major in a
 * Float64Array, for the inner loops of the MMRM and imputation models (thousands of 4×4 and 20×20
 * solves, where ml-matrix object overhead dominates). Plain textbook algorithm (Golub & Van Loan
 * 2013, Matrix Computations, 4th ed., §4.2).
 */

/** Lower factor L with A = L·Lᵀ, or `null` when A is not (numerically) positive definite. */
export function choleskyLower(a: Float64Array, n: number): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j]!;
    for (let k = 0; k < j; k++) d -= l[j * n + k]! ** 2;
    if (!(d > 0) || !Number.isFinite(d)) return null;
    const ljj = Math.sqrt(d);
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j]!;
      for (let k = 0; k < j; k++) s -= l[i * n + k]! * l[j * n + k]!;
      l[i * n + j] = s / ljj;
    }
  }
  return l;
}

/** log|A| = 2 Σ log L_jj from the Cholesky factor. */
export function choleskyLogDet(l: Float64Array, n: number): number {
  let s = 0;
  for (let j = 0; j < n; j++) s += Math.log(l[j * n + j]!);
  return 2 * s;
}

/** Solves L·Lᵀ·x = b in place (b becomes x). */
export function choleskySolveInPlace(l: Float64Array, n: number, b: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * n + k]! * b[k]!;
    b[i] = s / l[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * b[k]!;
    b[i] = s / l[i * n + i]!;
  }
}

/** A⁻¹ from the Cholesky factor of A (symmetric, row-major). */
export function choleskyInverse(l: Float64Array, n: number): Float64Array {
  const inv = new Float64Array(n * n);
  const col = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    col.fill(0);
    col[j] = 1;
    choleskySolveInPlace(l, n, col);
    for (let i = 0; i < n; i++) inv[i * n + j] = col[i]!;
  }
  symmetrizeInPlace(inv, n);
  return inv;
}

/** Replaces each off-diagonal pair of a row-major n × n matrix by its mean, so rounding leaves it exactly symmetric. */
export function symmetrizeInPlace(a: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const v = 0.5 * (a[i * n + j]! + a[j * n + i]!);
      a[i * n + j] = v;
      a[j * n + i] = v;
    }
  }
}

/**
 * A + κ·diag(A) (κ = 1e-5, the ridge of the other imputation methods) + 1e-12 on the diagonal: a
 * near-singular XᵀWX or Hessian of the logistic and multinomial imputation models made positive definite.
 */
export function ridged(a: Float64Array, n: number): Float64Array {
  const out = Float64Array.from(a);
  for (let j = 0; j < n; j++) out[j * n + j] = a[j * n + j]! * (1 + 1e-5) + 1e-12;
  return out;
}
