/**
 * Householder QR of a tall matrix on one column-major Float64Array, for the least-squares fits in
 * the imputation loop (hundreds per `hta analyze`). It is the same algorithm as ml-matrix's
 * `QrDecomposition` (LINPACK/JAMA: X = QR with R's diagonal −‖column‖ carrying the pivot's sign,
 * overflow-safe norms), step for step, so the numbers agree bit for bit; ml-matrix's element
 * accessors made it the largest cost of multiple imputation (~0.3 ms vs ~0.03 ms for 420 × 8).
 *
 * Reference: Golub GH, Van Loan CF (2013) Matrix Computations, 4th ed., §5.2.
 */

export interface HouseholderQr {
  /** Householder vectors below and on the diagonal, R above it; column j at [j·m, (j+1)·m). */
  qr: Float64Array;
  /** Diagonal of R. */
  rdiag: Float64Array;
  m: number;
  n: number;
}

/** √(a² + b²) without overflow or underflow, as ml-matrix computes it. */
function hypotenuse(a: number, b: number): number {
  if (Math.abs(a) > Math.abs(b)) {
    const r = b / a;
    return Math.abs(a) * Math.sqrt(1 + r * r);
  }
  if (b !== 0) {
    const r = a / b;
    return Math.abs(b) * Math.sqrt(1 + r * r);
  }
  return 0;
}

/** Factorises the m × n matrix given as rows (m ≥ n ≥ 1, all finite). */
export function householderQr(rows: readonly (readonly number[])[]): HouseholderQr {
  const m = rows.length;
  const n = rows[0]?.length ?? 0;
  const qr = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    const row = rows[i]!;
    for (let j = 0; j < n; j++) qr[j * m + i] = row[j]!;
  }
  return householderQrInPlace(qr, m, n);
}

/**
 * Factorises the m × n matrix held column-major in `qr` (column j at [j·m, (j+1)·m)), overwriting
 * it: the imputation loop builds its design matrices this way, without an array per row.
 */
export function householderQrInPlace(qr: Float64Array, m: number, n: number): HouseholderQr {
  const rdiag = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const ck = k * m;
    let nrm = 0;
    if (k === 0 && m > 0 && allOnes(qr, m)) {
      // The intercept: its Householder vector depends on m alone (see interceptReflector).
      const c = interceptReflector(m);
      nrm = c.nrm;
      qr.set(c.v, 0);
    } else {
      for (let i = k; i < m; i++) nrm = hypotenuse(nrm, qr[ck + i]!);
      if (nrm !== 0) {
        if (qr[ck + k]! < 0) nrm = -nrm;
        for (let i = k; i < m; i++) qr[ck + i]! /= nrm;
        qr[ck + k]! += 1;
      }
    }
    if (nrm !== 0) {
      for (let j = k + 1; j < n; j++) {
        const cj = j * m;
        let s = 0;
        for (let i = k; i < m; i++) s += qr[ck + i]! * qr[cj + i]!;
        s = -s / qr[ck + k]!;
        for (let i = k; i < m; i++) qr[cj + i]! += s * qr[ck + i]!;
      }
    }
    rdiag[k] = -nrm;
  }
  return { qr, rdiag, m, n };
}

/** True when the first m values of `x` are all exactly 1. */
function allOnes(x: Float64Array, m: number): boolean {
  for (let i = 0; i < m; i++) if (x[i] !== 1) return false;
  return true;
}

/** Reflectors of intercepts by m (small designs only; cleared when it holds too many). */
const intercepts = new Map<number, { nrm: number; v: Float64Array }>();

/**
 * The first Householder step on a column of m ones, computed as householderQrInPlace computes it
 * (the same hypotenuse chain, division and +1, so the same bits) and kept for the next design of
 * m rows: every least-squares fit of the imputation loops and the CEA bootstrap starts with an
 * intercept, and its norm is a chain of m square roots and divisions; a bootstrap's replicates
 * have a few hundred row counts at most (docs/architecture.md#the-cost-of-a-cold-regeneration).
 * Its sign is never flipped (1 > 0).
 */
function interceptReflector(m: number): { nrm: number; v: Float64Array } {
  let c = intercepts.get(m);
  if (!c) {
    let nrm = 0;
    for (let i = 0; i < m; i++) nrm = hypotenuse(nrm, 1);
    const v = new Float64Array(m);
    for (let i = 0; i < m; i++) v[i] = 1 / nrm;
    v[0]! += 1;
    c = { nrm, v };
    if (m <= 4096) {
      if (intercepts.size >= 256) intercepts.clear();
      intercepts.set(m, c);
    }
  }
  return c;
}

/** R[i][j] of the factorisation (0 below the diagonal). */
export function qrR(f: HouseholderQr, i: number, j: number): number {
  return i < j ? f.qr[j * f.m + i]! : i === j ? f.rdiag[i]! : 0;
}

let solveScratch = new Float64Array(0);

/** The least-squares solution b of X·b ≈ y (precondition: every R diagonal non-zero). */
export function qrSolve(f: HouseholderQr, y: ArrayLike<number>): number[] {
  const { qr, rdiag, m, n } = f;
  // y's copy in a buffer reused from call to call (the imputation loops solve tens of thousands
  // of times; an ArrayBuffer each cost more than the solve).
  if (solveScratch.length < m) solveScratch = new Float64Array(Math.max(m, 2 * solveScratch.length));
  const x = solveScratch;
  for (let i = 0; i < m; i++) x[i] = y[i]!;
  for (let k = 0; k < n; k++) {
    const ck = k * m;
    let s = 0;
    for (let i = k; i < m; i++) s += qr[ck + i]! * x[i]!;
    s = -s / qr[ck + k]!;
    for (let i = k; i < m; i++) x[i]! += s * qr[ck + i]!;
  }
  for (let k = n - 1; k >= 0; k--) {
    x[k]! /= rdiag[k]!;
    for (let i = 0; i < k; i++) x[i]! -= x[k]! * qr[k * m + i]!;
  }
  const b = new Array<number>(n);
  for (let k = 0; k < n; k++) b[k] = x[k]!;
  return b;
}
