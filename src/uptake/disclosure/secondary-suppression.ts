/**
 * Secondary (complementary) suppression by linear programming, in the spirit of the protection
 * LPs of τ-Argus and sdcTable (docs/disclosure-control.md, "Secondary suppression").
 *
 * We look for a perturbation y of the whole table that keeps every relation (A y = 0), keeps
 * every count non-negative (y_j ≥ −x_j), leaves structural zeros alone, and moves every cell to
 * protect up by at least the protection level p. If every cell with y_j ≠ 0 is hidden, the
 * attacker cannot tell x from x + y, so each protected cell's interval is at least p wide. The
 * perturbation is chosen to cost least: a printed cell that is still shown costs (x_j + 1) per
 * unit moved (small cells are preferred as complements — we minimise the total count hidden,
 * then the number of cells), a cell already hidden or never printed costs almost nothing. Every
 * printed cell the perturbation moves is suppressed.
 *
 * Known weakness (docs/disclosure-control.md, "A weakness found"): a target's bound is on its
 * upward half u_t ≥ p while its downward half v_t may reach x_t, so the LP itself only certifies
 * a move of p − x_t; the independent audit is what checks the published pattern.
 *
 * Rounds: first every sensitive cell; then every hidden cell not yet moved by ≥ p (one marker
 * means a reader cannot tell a complement from a small count, so each hidden cell gets the same
 * guarantee). The hidden set only grows, so a perturbation found earlier stays valid: when the
 * rounds end, every hidden cell has an attacker interval of width ≥ p. `attacker-audit.ts`
 * checks that independently. Upward moves always exist (counts have no upper bound).
 */
import type { CellModel } from './cell-model.js';
import { isSensitive, type DisclosureRule } from './disclosure-rule.js';
import { LinearProgramSession, type LinearRow } from './linear-program.js';

export interface SuppressionPattern {
  /** Printed cells (indices into model.cells) that are hidden. */
  hidden: Set<number>;
  /** Sensitive cells (printed or not). */
  sensitive: number[];
  /** The certificate: perturbations that move every hidden cell by ≥ p (suppression-certificate.ts). */
  perturbations: Map<number, number>[];
  /** LPs solved. */
  lpSolves: number;
}

const FREE_COST = 1e-3;
const EPS = 1e-6;

export function suppressionPattern(model: CellModel, rule: DisclosureRule, options: { secondary?: boolean } = {}): SuppressionPattern {
  const { cells, relations } = model;
  const sensitive = cells.flatMap((c, i) => (isSensitive(c, rule) ? [i] : []));
  const hidden = new Set(sensitive.filter((i) => cells[i]!.published));
  if (options.secondary === false) return { hidden, sensitive, perturbations: [], lpSolves: 0 };

  // Variables: y_j = u_j − v_j for every non-structural cell (u at 2k, v at 2k + 1); one model,
  // re-solved per target with changed bounds and costs (HiGHS restarts from the last basis).
  const slot = new Map<number, number>();
  cells.forEach((c, i) => { if (!c.structural) slot.set(i, slot.size); });
  const members = [...slot.keys()];
  const rows: LinearRow[] = [];
  for (const r of relations) {
    const terms: [number, number][] = [];
    const term = (cell: number, sign: number) => {
      const k = slot.get(cell);
      if (k !== undefined) terms.push([2 * k, sign], [2 * k + 1, -sign]);
    };
    term(r.total, 1);
    for (const q of r.parts) term(q, -1);
    if (terms.length > 0) rows.push({ terms, sense: '=', rhs: 0 });
  }
  const n = 2 * members.length;
  const lower = new Array<number>(n).fill(0);
  const upper = new Array<number>(n);
  const objective: [number, number][] = [];
  const cost = (cell: number) => (cells[cell]!.published && !hidden.has(cell) ? cells[cell]!.value + 1 : FREE_COST);
  members.forEach((cell, k) => {
    upper[2 * k] = Infinity;
    upper[2 * k + 1] = cells[cell]!.value; // y_j ≥ −x_j: counts stay non-negative
    objective.push([2 * k, cost(cell)], [2 * k + 1, cost(cell)]);
  });
  const session = new LinearProgramSession({ sense: 'min', variables: n, objective, rows, lower, upper });
  const p = rule.protectionLevel;
  const certified = new Set<number>();
  let lpSolves = 0;
  const perturbations: Map<number, number>[] = [];

  /**
   * The cheapest perturbation moving every target up by at least p at once (cell → y, non-zero
   * entries only). Upward moves are always possible — counts have no upper bound — so it exists.
   */
  const perturb = (targets: readonly number[]): Map<number, number> => {
    for (const t of targets) session.setBounds(2 * slot.get(t)!, p, Infinity);
    const sol = session.solve();
    lpSolves++;
    for (const t of targets) session.setBounds(2 * slot.get(t)!, 0, Infinity);
    if (sol.status !== 'optimal') throw new Error(`secondary suppression: no perturbation found (${sol.status})`);
    const y = new Map<number, number>();
    members.forEach((cell, j) => {
      const v = sol.values[2 * j]! - sol.values[2 * j + 1]!;
      if (Math.abs(v) > EPS) y.set(cell, v);
    });
    return y;
  };

  // Rounds: protect every cell not yet proven wide; cells the perturbation moves become hidden
  // (and need proof in the next round unless they moved by ≥ p already).
  let pending = sensitive.filter((i) => !cells[i]!.structural);
  while (pending.length > 0) {
    const y = perturb(pending);
    perturbations.push(y);
    for (const t of pending) certified.add(t);
    const next: number[] = [];
    for (const [cell, v] of y) {
      if (Math.abs(v) >= p - EPS) certified.add(cell);
      if (cells[cell]!.published && !hidden.has(cell)) {
        hidden.add(cell);
        const k = slot.get(cell)!;
        session.setCost(2 * k, FREE_COST);
        session.setCost(2 * k + 1, FREE_COST);
      }
    }
    for (const cell of hidden) if (!certified.has(cell)) next.push(cell);
    pending = next.sort((u, v) => u - v);
  }
  session.dispose();
  return { hidden, sensitive, perturbations, lpSolves };
}

