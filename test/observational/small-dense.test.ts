import { describe, expect, it } from 'vitest';
import { luInverse, matMul, matVec } from '../../src/observational/small-dense.js';

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
});
