import { describe, expect, it } from 'vitest';
import { PolytopeRanges, impliedUpperBounds } from '../../src/uptake/disclosure/polytope-ranges.js';
import { solveLinearProgram, type LinearRow } from '../../src/uptake/disclosure/linear-program.js';
import { HtaError } from '../../src/errors.js';

/** A 2 × 3 table with row and column totals published: x00 … x12 unknown, x ≥ 0. */
const table: LinearRow[] = [
  { terms: [[0, 1], [1, 1], [2, 1]], sense: '=', rhs: 7 },
  { terms: [[3, 1], [4, 1], [5, 1]], sense: '=', rhs: 12 },
  { terms: [[0, 1], [3, 1]], sense: '=', rhs: 4 },
  { terms: [[1, 1], [4, 1]], sense: '=', rhs: 9 },
  { terms: [[2, 1], [5, 1]], sense: '=', rhs: 6 },
];
/** A second, unlinked pair: y0 + y1 = 3 with y0 ≥ 2 (a bound written as a row). */
const pair: LinearRow[] = [
  { terms: [[6, 1], [7, 1]], sense: '=', rhs: 3 },
  { terms: [[6, 1]], sense: '>=', rhs: 2 },
];

/** The interval of one variable by two plain LPs over the whole system (the slow reference). */
function plain(rows: LinearRow[], n: number, j: number): [number, number] {
  const lp = (sense: 'min' | 'max') => solveLinearProgram({ sense, variables: n, objective: [[j, 1]], rows, lower: new Array<number>(n).fill(0), upper: new Array<number>(n).fill(Infinity) });
  return [lp('min').objective, lp('max').objective];
}

describe('ranges of linear forms over a polytope, by components', () => {
  it('splits unlinked unknowns into components and gives the same exact intervals as one LP per question', () => {
    const rows = [...table, ...pair];
    const ranges = new PolytopeRanges({ variables: 8, rows, cap: 100 });
    expect(ranges.components).toBe(2);
    // Width 100: nothing is that wide, so every interval is solved exactly.
    const ivs = ranges.variableIntervals(100);
    for (let j = 0; j < 8; j++) {
      const [lo, hi] = plain(rows, 8, j);
      expect(ivs[j]!.exact, `x${j}`).toBe(true);
      expect(ivs[j]!.lower).toBeCloseTo(lo, 9);
      expect(ivs[j]!.upper).toBeCloseTo(hi, 9);
    }
    expect([ivs[6]!.lower, ivs[6]!.upper, ivs[7]!.lower, ivs[7]!.upper]).toEqual([2, 3, 0, 1]);
    ranges.dispose();
  });

  it('proves a form wide from feasible points only, never wider than it is', () => {
    const ranges = new PolytopeRanges({ variables: 6, rows: table, cap: 100 });
    const ivs = ranges.variableIntervals(2);
    for (let j = 0; j < 6; j++) {
      const [lo, hi] = plain(table, 6, j);
      // A "wide" interval is spanned by feasible points: inside the true one, and ≥ 2 wide.
      expect(ivs[j]!.lower).toBeGreaterThanOrEqual(lo - 1e-9);
      expect(ivs[j]!.upper).toBeLessThanOrEqual(hi + 1e-9);
      if (!ivs[j]!.exact) expect(ivs[j]!.upper - ivs[j]!.lower).toBeGreaterThanOrEqual(2);
    }
    // x0 − x3 ranges over [−4, 4] (x0 + x3 = 4).
    const [d] = ranges.formIntervals([new Map([[0, 1], [3, -1]])], 100);
    expect([d!.lower, d!.upper]).toEqual([-4, 4]);
    ranges.dispose();
  });

  it('bounds every unknown by what the rows imply (a part by its total), never below a feasible value', () => {
    const u = impliedUpperBounds({ variables: 6, rows: table, cap: 1000 });
    // x0 ≤ min(7, 4), x1 ≤ min(7, 9), x2 ≤ 6, x3 ≤ 4, x4 ≤ 9, x5 ≤ 6 (up to the relaxation of 1e-7).
    expect([...u].map((v) => Math.round(v))).toEqual([4, 7, 6, 4, 9, 6]);
    for (let j = 0; j < 6; j++) expect(u[j]!).toBeGreaterThanOrEqual(plain(table, 6, j)[1] - 1e-9);
  });
});

describe('published numbers that contradict each other', () => {
  it('are refused as bad input with a clear message, not an internal error', () => {
    // x0 + x1 published as 3 in one table and as 5 in another: no table of counts gives both.
    const ranges = new PolytopeRanges({ variables: 2, rows: [{ terms: [[0, 1], [1, 1]], sense: '=', rhs: 3 }, { terms: [[0, 1], [1, 1]], sense: '=', rhs: 5 }], cap: 100 });
    let thrown: unknown;
    try {
      ranges.variableIntervals(5);
    } catch (e) {
      thrown = e;
    }
    ranges.dispose();
    expect(thrown).toBeInstanceOf(HtaError);
    expect((thrown as HtaError).code).toBe('input.invalid');
    expect((thrown as HtaError).message).toContain('contradict each other');
  });
});
