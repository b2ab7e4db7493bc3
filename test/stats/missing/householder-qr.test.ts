import fc from 'fast-check';
import { Matrix, QrDecomposition } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { householderQr, qrR, qrSolve } from '../../../src/stats/missing/householder-qr.js';

// The typed-array QR replaces ml-matrix's in the imputation loop for speed only: it must give the
// very same numbers (bit for bit), so multiple-imputation results do not move.
const tall = fc
  .record({ m: fc.integer({ min: 1, max: 30 }), n: fc.integer({ min: 1, max: 6 }) })
  .filter(({ m, n }) => m >= n)
  .chain(({ m, n }) =>
    fc.record({
      x: fc.array(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: n, maxLength: n }), { minLength: m, maxLength: m }),
      y: fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: m, maxLength: m }),
    }),
  );

describe('householderQr', () => {
  it('equals ml-matrix QrDecomposition bit for bit (R and the least-squares solution)', () => {
    fc.assert(
      fc.property(tall, ({ x, y }) => {
        const ours = householderQr(x);
        const ref = new QrDecomposition(new Matrix(x));
        const r = ref.upperTriangularMatrix;
        for (let i = 0; i < ours.n; i++) for (let j = 0; j < ours.n; j++) expect(qrR(ours, i, j)).toBe(r.get(i, j));
        if (ref.isFullRank()) expect(qrSolve(ours, y)).toEqual(ref.solve(Matrix.columnVector(y)).getColumn(0));
      }),
      { numRuns: 300, seed: 20261127 },
    );
  });

  it('equals ml-matrix bit for bit when consecutive matrices share leading columns (the reused columns)', () => {
    // householderQrInPlace reuses the results of leading columns equal to the last matrix of as
    // many rows (an intercept, a baseline): a sequence sharing 0 … n columns, ±0 told apart.
    const seq = fc
      .record({ m: fc.integer({ min: 2, max: 12 }), n: fc.integer({ min: 1, max: 4 }) })
      .filter(({ m, n }) => m >= n)
      .chain(({ m, n }) =>
        fc.array(
          fc.record({
            keep: fc.integer({ min: 0, max: n }),
            x: fc.array(fc.array(fc.constantFrom(0, -0, 1, -1, 0.5, 2.25, 7, -3.5), { minLength: n, maxLength: n }), { minLength: m, maxLength: m }),
          }),
          { minLength: 2, maxLength: 5 },
        ),
      );
    fc.assert(
      fc.property(seq, (mats) => {
        let last: number[][] | undefined;
        for (const { keep, x } of mats) {
          // The first `keep` columns copied from the previous matrix.
          const rows = last ? x.map((row, i) => row.map((v, j) => (j < keep ? last![i]![j]! : v))) : x;
          last = rows;
          const ours = householderQr(rows);
          const r = new QrDecomposition(new Matrix(rows)).upperTriangularMatrix;
          for (let i = 0; i < ours.n; i++) for (let j = 0; j < ours.n; j++) expect(Object.is(qrR(ours, i, j), r.get(i, j))).toBe(true);
        }
      }),
      { numRuns: 300, seed: 20261203 },
    );
  });

  it('solves an exactly determined system', () => {
    const f = householderQr([[2, 1], [1, 3]]);
    const b = qrSolve(f, [5, 10]);
    expect(b[0]).toBeCloseTo(1, 12);
    expect(b[1]).toBeCloseTo(3, 12);
  });
});
