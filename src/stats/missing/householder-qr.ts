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
 *
 * Each column's result depends only on itself and the columns before it, and the work on a column
 * is the same sequence of operations whatever comes after it. So when the leading columns equal
 * those of the last matrix of m rows factorised (kept by `recall`), their results are copied, the
 * later columns receive those reflectors in the same order as ever, and the factorisation goes on
 * from there: the same bits. The imputation loops and the CEA bootstrap factorise many designs
 * that share an intercept, a complete baseline or the arm column
 * (docs/architecture.md#the-cost-of-a-cold-regeneration); a norm is a chain of m square roots
 * and divisions that nothing else saves.
 */
export function householderQrInPlace(qr: Float64Array, m: number, n: number): HouseholderQr {
  const rdiag = new Float64Array(n);
  const memo = m * n <= MEMO_MAX_CELLS ? recall(m, n) : undefined;
  let shared = 0;
  if (memo) {
    const width = Math.min(n, memo.n);
    while (shared < width && sameColumn(qr, memo.input, shared * m, m)) shared++;
    memo.input.set(qr.subarray(0, m * n));
    memo.n = n;
    for (let k = 0; k < shared; k++) {
      rdiag[k] = memo.rdiag[k]!;
      qr.set(memo.qr.subarray(k * m, (k + 1) * m), k * m);
      const nrm = -rdiag[k]!;
      if (nrm !== 0) for (let j = shared; j < n; j++) reflect(qr, k * m, j * m, k, m);
    }
  }
  for (let k = shared; k < n; k++) {
    const ck = k * m;
    let nrm = 0;
    for (let i = k; i < m; i++) nrm = hypotenuse(nrm, qr[ck + i]!);
    if (nrm !== 0) {
      if (qr[ck + k]! < 0) nrm = -nrm;
      for (let i = k; i < m; i++) qr[ck + i]! /= nrm;
      qr[ck + k]! += 1;
      for (let j = k + 1; j < n; j++) reflect(qr, ck, j * m, k, m);
    }
    rdiag[k] = -nrm;
  }
  if (memo) {
    memo.qr.set(qr.subarray(0, m * n));
    memo.rdiag.set(rdiag);
  }
  return { qr, rdiag, m, n };
}

/** Applies the Householder vector of column k (at ck) to the column at cj, rows k … m−1. */
function reflect(qr: Float64Array, ck: number, cj: number, k: number, m: number): void {
  let s = 0;
  for (let i = k; i < m; i++) s += qr[ck + i]! * qr[cj + i]!;
  s = -s / qr[ck + k]!;
  for (let i = k; i < m; i++) qr[cj + i]! += s * qr[ck + i]!;
}

/** Column at `at` of `a` and of `b` hold the same m values (Object.is: −0 and +0 differ). */
function sameColumn(a: Float64Array, b: Float64Array, at: number, m: number): boolean {
  for (let i = at; i < at + m; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y || (x === 0 && 1 / x !== 1 / y)) return false;
  }
  return true;
}

/** Matrices up to this many cells are remembered, the last one of each of at most MEMO_MAX_ENTRIES row counts (≤ 8 MB). */
const MEMO_MAX_CELLS = 8192;
const MEMO_MAX_ENTRIES = 64;

interface Memo {
  /** The last matrix of m rows as given, and its factorisation; n of its columns are valid. */
  input: Float64Array;
  qr: Float64Array;
  rdiag: Float64Array;
  n: number;
}

const memos = new Map<number, Memo>();

/** The memo of matrices of m rows, with room for n columns (empty the first time). */
function recall(m: number, n: number): Memo {
  let memo = memos.get(m);
  if (!memo) {
    if (memos.size >= MEMO_MAX_ENTRIES) memos.clear();
    memo = { input: new Float64Array(m * n), qr: new Float64Array(m * n), rdiag: new Float64Array(n), n: 0 };
    memos.set(m, memo);
  } else if (memo.rdiag.length < n) {
    // Wider than any before: the new arrays keep the valid columns.
    const wider = { input: new Float64Array(m * n), qr: new Float64Array(m * n), rdiag: new Float64Array(n), n: memo.n };
    wider.input.set(memo.input);
    wider.qr.set(memo.qr);
    wider.rdiag.set(memo.rdiag);
    memo = wider;
    memos.set(m, memo);
  }
  return memo;
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
