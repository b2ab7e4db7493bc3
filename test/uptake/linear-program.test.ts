import { describe, expect, it, vi } from 'vitest';
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

  it('appends variables and rows to a model and removes them again (the basis of the rest kept)', () => {
    const s = new LinearProgramSession({ ...lp, rows });
    const first = s.solve();
    // x3 ∈ [0, 4] at cost 1 and the row x3 − x0 ≥ 1: as if the model had been built whole.
    s.addVariables([0], [4], [1]);
    const added = new LinearRows();
    added.add('>=', 1, 3, 1, 0, -1);
    s.addRows(added);
    expect([s.variables, s.rows]).toEqual([4, 4]);
    const grown = s.solve();
    const whole = solveLinearProgram({ ...lp, variables: 4, objective: [...lp.objective, [3, 1]], lower: [...lp.lower, 0], upper: [...lp.upper, 4], rows: [...rows, { terms: [[3, 1], [0, -1]], sense: '>=', rhs: 1 }] });
    expect(grown.status).toBe('optimal');
    expect(grown.objective).toBeCloseTo(whole.objective, 9);
    grown.values.forEach((v, j) => expect(v).toBeCloseTo(whole.values[j]!, 9));
    // x0 = 2.5 → x3 = 3.5: one more than without the row and the variable.
    expect(grown.objective).toBeCloseTo(first.objective + 3.5, 9);
    // Changes to the new variable and row count like any other.
    s.setBounds(3, 0, 3.5);
    s.setRowBounds(3, -Infinity, Infinity);
    expect(s.solve().values[3]).toBeCloseTo(0, 9);
    s.truncate(3, 3);
    expect([s.variables, s.rows]).toEqual([3, 3]);
    const back = s.solve();
    s.dispose();
    expect(back.values).toHaveLength(3);
    expect(back.objective).toBeCloseTo(first.objective, 9);
    back.values.forEach((v, j) => expect(v).toBeCloseTo(first.values[j]!, 9));
  });
  it('sends HiGHS no bound or cost change of the variables and rows it removes, and the changes of the rest', () => {
    // The secondary suppression switches its second copy's ~10,000 columns off after each use and
    // removes them before its next LP: those changes cost HiGHS time for nothing.
    const s = new LinearProgramSession({ ...lp, rows });
    const first = s.solve();
    s.addVariables([0, 0], [4, 4], [1, 1]);
    const added = new LinearRows();
    added.add('>=', 1, 3, 1, 0, -1);
    s.addRows(added);
    s.solve();
    type Sent = { indices: Int32Array };
    const model = (s as unknown as { model: Record<'changeColsBounds' | 'changeRowsBounds' | 'changeColsCost', (set: Sent, ...rest: unknown[]) => unknown> }).model;
    const colBounds = vi.spyOn(model, 'changeColsBounds');
    const rowBounds = vi.spyOn(model, 'changeRowsBounds');
    const costs = vi.spyOn(model, 'changeColsCost');
    s.setBounds(3, 0, 0);
    s.setBounds(4, 0, 0);
    s.setCost(4, 7);
    s.setRowBounds(3, -Infinity, Infinity);
    s.setBounds(1, 0, 4); // kept: sent
    s.setCost(2, 2); // kept: sent
    s.truncate(3, 3);
    expect(colBounds.mock.calls.map((c) => [...c[0].indices])).toEqual([[1]]);
    expect(costs.mock.calls.map((c) => [...c[0].indices])).toEqual([[2]]);
    expect(rowBounds).not.toHaveBeenCalled();
    expect([s.variables, s.rows]).toEqual([3, 3]);
    const back = s.solve();
    s.dispose();
    // x1 ≤ 4 instead of 5 and x2's cost unchanged (2): the first LP's optimum.
    expect(back.objective).toBeCloseTo(first.objective, 9);
    back.values.forEach((v, j) => expect(v).toBeCloseTo(first.values[j]!, 9));
  });
});
