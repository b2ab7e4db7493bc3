/**
 * The few dense operations the observational fits need on their p × p matrices (p = number of
 * model terms): the inverse by LU decomposition with partial pivoting, and matrix products.
 * They replace ml-matrix's `inverse` and `mmul` in propensity-score.ts and weighted-regression.ts
 * with the same arithmetic in the same order (Doolittle LU in the "left-looking" dot-product form
 * of JAMA, forward and back substitution on the permuted identity, row-by-column products with
 * the sum started at 0), so every result keeps its bits; loading ml-matrix took ~0.05 CPU s of
 * every `hta report`, and these two files were its last users.
 *
 * Reference: Golub GH, Van Loan CF (2013) Matrix Computations, 4th ed., §3.4 (Gaussian
 * elimination with partial pivoting).
 */

/** A⁻¹ for a square A (rows), or null when a pivot of its LU factorisation is exactly zero. */
export function luInverse(a: readonly (readonly number[])[]): number[][] | null {
  const n = a.length;
  const lu = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) lu[i * n + j] = a[i]![j]!;
  const piv = new Int32Array(n);
  for (let i = 0; i < n; i++) piv[i] = i;
  const col = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) col[i] = lu[i * n + j]!;
    for (let i = 0; i < n; i++) {
      const kmax = Math.min(i, j);
      let s = 0;
      for (let k = 0; k < kmax; k++) s += lu[i * n + k]! * col[k]!;
      col[i]! -= s;
      lu[i * n + j] = col[i]!;
    }
    let p = j;
    for (let i = j + 1; i < n; i++) if (Math.abs(col[i]!) > Math.abs(col[p]!)) p = i;
    if (p !== j) {
      for (let k = 0; k < n; k++) {
        const t = lu[p * n + k]!;
        lu[p * n + k] = lu[j * n + k]!;
        lu[j * n + k] = t;
      }
      const v = piv[p]!;
      piv[p] = piv[j]!;
      piv[j] = v;
    }
    if (lu[j * n + j] !== 0) for (let i = j + 1; i < n; i++) lu[i * n + j]! /= lu[j * n + j]!;
  }
  for (let j = 0; j < n; j++) if (lu[j * n + j] === 0) return null;
  // Solve LU·X = P·I, column block at once, as the factorisation's own solve does.
  const x = new Float64Array(n * n);
  for (let i = 0; i < n; i++) x[i * n + piv[i]!] = 1;
  for (let k = 0; k < n; k++) {
    for (let i = k + 1; i < n; i++) {
      for (let j = 0; j < n; j++) x[i * n + j] = x[i * n + j]! - x[k * n + j]! * lu[i * n + k]!;
    }
  }
  for (let k = n - 1; k >= 0; k--) {
    for (let j = 0; j < n; j++) x[k * n + j] = x[k * n + j]! / lu[k * n + k]!;
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < n; j++) x[i * n + j] = x[i * n + j]! - x[k * n + j]! * lu[i * n + k]!;
    }
  }
  return Array.from({ length: n }, (_, i) => Array.from(x.subarray(i * n, i * n + n)));
}

/** A·B (rows), each entry Σ_k a_ik·b_kj summed from 0 in k order. */
export function matMul(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number[][] {
  const n = b.length;
  const p = b[0]?.length ?? 0;
  return a.map((row) => {
    const out = new Array<number>(p);
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += row[k]! * b[k]![j]!;
      out[j] = s;
    }
    return out;
  });
}

/** A·v, each entry summed from 0 in order. */
export function matVec(a: readonly (readonly number[])[], v: readonly number[]): number[] {
  return a.map((row) => {
    let s = 0;
    for (let k = 0; k < v.length; k++) s += row[k]! * v[k]!;
    return s;
  });
}
