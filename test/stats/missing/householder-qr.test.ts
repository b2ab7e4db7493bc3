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

  it('solves an exactly determined system', () => {
    const f = householderQr([[2, 1], [1, 3]]);
    const b = qrSolve(f, [5, 10]);
    expect(b[0]).toBeCloseTo(1, 12);
    expect(b[1]).toBeCloseTo(3, 12);
  });
});
