import { describe, expect, it } from 'vitest';
import { LinearProgramSession, LinearRows, solveLinearProgram, type LinearRow } from '../../src/uptake/disclosure/linear-program.js';

// Rows given as LinearRow objects or written flat (LinearRows) are the same model; terms out of
// order, a variable named twice (coefficients summed) and a zero coefficient included.
const rows: LinearRow[] = [
  { terms: [[2, 1], [0, 1], [1, 1]], sense: '>=', rhs: 4 },
  { terms: [[1, 1], [0, 2], [1, 1], [2, 0]], sense: '<=', rhs: 10 },
  { terms: [[0, 1], [2, -1]], sense: '=', rhs: 1 },
];
const lp = { sense: 'min' as const, variables: 3, objective: [[0, 1], [1, 3], [2, 2]] as [number, number][], lower: [0, 0, 0], upper: [Infinity, 5, Infinity] };

describe('linear program', () => {
  it('solves the same LP from LinearRow objects and from flat rows', () => {
    const flat = new LinearRows();
    for (const r of rows) flat.add(r.sense, r.rhs, ...r.terms.flat());
    const a = solveLinearProgram({ ...lp, rows });
    const b = solveLinearProgram({ ...lp, rows: flat });
    expect(a).toEqual(b);
    // x0 = x2 + 1 and x0 + x1 + x2 ≥ 4 at least cost: x0 = 2.5, x2 = 1.5.
    expect(a.status).toBe('optimal');
    expect(a.values[0]).toBeCloseTo(2.5, 9);
    expect(a.values[2]).toBeCloseTo(1.5, 9);
    expect(a.objective).toBeCloseTo(5.5, 9);
  });

  it('passes the last of several bound and cost changes to the solver', () => {
    const s = new LinearProgramSession({ ...lp, rows });
    s.setBounds(1, 0, 0);
    s.setBounds(1, 3, 5); // the last value counts
    s.setCost(1, 100);
    s.setCost(1, 0);
    s.setRowBounds(0, 6, Infinity);
    const sol = s.solve();
    s.dispose();
    // x1 = 3 (free of cost); x0 + x2 ≥ 3 with x0 = x2 + 1: x0 = 2, x2 = 1.
    expect(sol.values).toEqual([expect.closeTo(2, 9), expect.closeTo(3, 9), expect.closeTo(1, 9)]);
    expect(sol.objective).toBeCloseTo(4, 9);
  });
});
