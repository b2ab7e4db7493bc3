import { inverse, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { luInverse, matMul, matVec } from '../../src/observational/small-dense.js';
import { createRandom } from '../../src/stats/random.js';

describe('small dense LU inverse and products (observational fits)', () => {
  it('inverts a matrix that needs row pivoting, to rounding', () => {
    const a = [
      [0, 2, 1],
      [1, 1, 0],
      [3, 0, 1],
    ];
    const inv = luInverse(a)!;
    const id = matMul(a, inv);
    id.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(i === j ? 1 : 0, 14)));
    expect(matVec(inv, [1, 2, 3])).toEqual(inv.map((r) => r[0]! * 1 + r[1]! * 2 + r[2]! * 3));
  });

  it('returns null for a singular matrix (an exactly zero pivot)', () => {
    expect(luInverse([[1, 2], [2, 4]])).toBeNull();
    expect(luInverse([[0, 0], [0, 1]])).toBeNull();
  });

  it("gives ml-matrix's inverse and products bit for bit (the observational fits keep their numbers)", () => {
    const rng = createRandom(11);
    for (const p of [2, 3, 5, 8]) {
      for (let rep = 0; rep < 10; rep++) {
        // XᵀWX of a random design with an intercept, as the fits form it.
        const X = Array.from({ length: 40 }, () => [1, ...Array.from({ length: p - 1 }, () => rng.normal())]);
        const w = X.map(() => 0.1 + rng.uniform());
        const a = Array.from({ length: p }, (_, j) => Array.from({ length: p }, (_, k) => X.reduce((s, x, i) => s + x[j]! * w[i]! * x[k]!, 0)));
        const ref = inverse(new Matrix(a)).to2DArray();
        expect(luInverse(a)).toStrictEqual(ref);
        const m = Array.from({ length: p }, () => Array.from({ length: p }, () => rng.normal()));
        expect(matMul(matMul(ref, m), ref)).toStrictEqual(new Matrix(ref).mmul(new Matrix(m)).mmul(new Matrix(ref)).to2DArray());
        const v = Array.from({ length: p }, () => rng.normal());
        expect(matVec(ref, v)).toStrictEqual(new Matrix(ref).mmul(Matrix.columnVector(v)).to1DArray());
      }
    }
  });
});
