/**
 * Secondary (complementary) suppression by linear programming, in the spirit of the protection
 * LPs of τ-Argus and sdcTable (docs/disclosure-control.md, "Secondary suppression").
 *
 * A perturbation y of the whole table keeps every relation (A y = 0), keeps every count
 * non-negative (y_j ≥ −x_j) and leaves structural zeros alone. If it moves no cell that is still
 * shown, the attacker cannot tell x from x + y, so every cell it moves by ≥ p (the protection
 * level) has an attacker interval at least p wide. The pattern is built together with such
 * perturbations — its certificate, checked by suppression-certificate.ts — so that every hidden
 * cell and every small count derivable by subtraction is moved by ≥ p by one of them: up
 * (y_t ≥ p) or, for a cell of at least p, down (y_t ≤ −p). The direction is fixed per target
 * (y_t = u_t − v_t with u_t = 0 or v_t = 0), so the move is exact, not p − x_t.
 *
 * 1. One LP moves every sensitive cell up by ≥ p at once, at least cost: a printed cell still
 *    shown costs (x_j + 1) per unit moved (so small cells are preferred as complements: we
 *    minimise the total count hidden, then the number of cells), a cell already hidden or never
 *    printed costs almost nothing. Every printed cell it moves is hidden (a complement).
 * 2. A perturbation that moves only hidden or unprinted cells stays admissible when multiplied by
 *    s ≥ 1 as long as counts stay ≥ 0: each is stretched (at most until every cell it moves moves
 *    by p), which proves many complements wide without another LP.
 * 3. Cells still moved by less than p (one marker: a reader cannot tell a complement from a
 *    small count, so each gets the same guarantee) are pushed in the direction they last moved
 *    (down only if they can go down by p): first by "spreading" LPs that reward moving each of
 *    them towards p (REWARD per unit, far below the cost of a shown cell, so shown cells are
 *    left alone where hidden ones can do it), then one by one, least cost, in that direction or
 *    the other. Any shown cell these move is hidden, and steps 2–3 repeat until every hidden
 *    cell is proven wide. The hidden set only grows, so an earlier perturbation stays
 *    admissible. `attacker-audit.ts` checks the result independently.
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
/**
 * Reward per unit a spreading LP moves a cell to protect (up to p): well above the cost of moving
 * hidden cells (FREE_COST along a path of a few cells), well below that of a shown cell (≥ 1).
 */
const REWARD = 0.1;
const EPS = 1e-6;
/** LP values below this are the solver's rounding, not a move. */
const ZERO = 1e-9;
/** Largest stretch of a perturbation (keeps the solver's rounding small after it). */
const MAX_STRETCH = 1e3;
/** Spreading LPs per round before cells are taken one by one. */
const SPREAD_ROUNDS = 6;

type Target = readonly [cell: number, direction: 1 | -1];

/**
 * The perturbation LP over the cells allowed to move (u_j at 2k, v_j at 2k + 1, y_j = u_j − v_j);
 * relations keep only their movable cells (the others are held at 0). One model, re-solved per
 * question with changed bounds and costs (HiGHS restarts from the last basis).
 */
class PerturbationLp {
  private readonly slot = new Map<number, number>();
  private readonly session: LinearProgramSession;
  solves = 0;

  /** Reward columns of a cell (w⁺ ≤ y, w⁻ ≤ −y), for `spread`. */
  private readonly rewardSlot = new Map<number, number>();

  private firstRewardRow = 0;

  constructor(private readonly model: CellModel, movable: readonly number[], cost: (cell: number) => number, p: number, rewarded: readonly number[] = []) {
    movable.forEach((c) => this.slot.set(c, this.slot.size));
    rewarded.forEach((c) => this.rewardSlot.set(c, 2 * movable.length + 2 * this.rewardSlot.size));
    const rows: LinearRow[] = [];
    for (const r of model.relations) {
      const terms: [number, number][] = [];
      const term = (cell: number, sign: number) => {
        const k = this.slot.get(cell);
        if (k !== undefined) terms.push([2 * k, sign], [2 * k + 1, -sign]);
      };
      term(r.total, 1);
      for (const q of r.parts) term(q, -1);
      if (terms.length > 0) rows.push({ terms, sense: '=', rhs: 0 });
    }
    // Rows w⁺_c − y_c ≤ 0 and w⁻_c + y_c ≤ 0 (0 ≤ w ≤ p), switched off (and w without reward)
    // until `spread` asks for c in one direction.
    this.firstRewardRow = rows.length;
    for (const [c, w] of this.rewardSlot) {
      const k = this.slot.get(c)!;
      rows.push({ terms: [[w, 1], [2 * k, -1], [2 * k + 1, 1]], sense: '<=', rhs: Infinity });
      rows.push({ terms: [[w + 1, 1], [2 * k, 1], [2 * k + 1, -1]], sense: '<=', rhs: Infinity });
    }
    const n = 2 * movable.length + 2 * rewarded.length;
    const lower = new Array<number>(n).fill(0);
    const upper = new Array<number>(n).fill(p);
    const objective: [number, number][] = [];
    movable.forEach((cell, k) => {
      upper[2 * k] = Infinity;
      upper[2 * k + 1] = model.cells[cell]!.value; // y_j ≥ −x_j: counts stay non-negative
      objective.push([2 * k, cost(cell)], [2 * k + 1, cost(cell)]);
    });
    this.session = new LinearProgramSession({ sense: 'min', variables: n, objective, rows, lower, upper });
  }

  /**
   * A perturbation moving the cells asked for as far as it can towards p, each in its direction
   * (and none of them the wrong way): max REWARD · Σ min(p, d_c y_c) less the cost of moving.
   * Many cells proven wide by one LP instead of one LP each.
   */
  spread(cells: readonly Target[]): Map<number, number> {
    const row = (c: number, d: 1 | -1) => this.firstRewardRow + this.rewardSlot.get(c)! - 2 * this.slot.size + (d > 0 ? 0 : 1);
    for (const [c, d] of cells) {
      this.session.setRowBounds(row(c, d), -Infinity, 0);
      this.session.setCost(this.rewardSlot.get(c)! + (d > 0 ? 0 : 1), -REWARD);
    }
    this.session.restart();
    const sol = this.session.solve();
    this.solves++;
    for (const [c, d] of cells) {
      this.session.setRowBounds(row(c, d), -Infinity, Infinity);
      this.session.setCost(this.rewardSlot.get(c)! + (d > 0 ? 0 : 1), 0);
    }
    if (sol.status !== 'optimal') throw new Error(`secondary suppression: spreading LP ${sol.status}`);
    return this.values(sol.values);
  }

  private values(sol: readonly number[]): Map<number, number> {
    const y = new Map<number, number>();
    for (const [cell, k] of this.slot) {
      const v = sol[2 * k]! - sol[2 * k + 1]!;
      if (Math.abs(v) > ZERO) y.set(cell, v);
    }
    return y;
  }

  setCost(cell: number, cost: number): void {
    const k = this.slot.get(cell)!;
    this.session.setCost(2 * k, cost);
    this.session.setCost(2 * k + 1, cost);
  }

  /**
   * The cheapest perturbation moving every target by at least p at once in its direction:
   * y_t ≥ p with v_t = 0 (up), or y_t ≤ −p with u_t = 0 (down, needs x_t ≥ p). Cell → y_j,
   * non-zero entries only; undefined when none exists.
   */
  perturb(targets: readonly Target[], p: number): Map<number, number> | undefined {
    const x = (t: number) => this.model.cells[t]!.value;
    for (const [t, d] of targets) {
      const k = this.slot.get(t)!;
      this.session.setBounds(2 * k, d > 0 ? p : 0, d > 0 ? Infinity : 0);
      this.session.setBounds(2 * k + 1, d > 0 ? 0 : p, d > 0 ? 0 : x(t));
    }
    // From all-zero, not from the last (often far-off) solution: much faster here.
    this.session.restart();
    const sol = this.session.solve();
    this.solves++;
    for (const [t] of targets) {
      const k = this.slot.get(t)!;
      this.session.setBounds(2 * k, 0, Infinity);
      this.session.setBounds(2 * k + 1, 0, x(t));
    }
    return sol.status === 'optimal' ? this.values(sol.values) : undefined;
  }

  dispose(): void {
    this.session.dispose();
  }
}

export function suppressionPattern(model: CellModel, rule: DisclosureRule, options: { secondary?: boolean } = {}): SuppressionPattern {
  const { cells } = model;
  const sensitive = cells.flatMap((c, i) => (isSensitive(c, rule) ? [i] : []));
  const hidden = new Set(sensitive.filter((i) => cells[i]!.published));
  if (options.secondary === false) return { hidden, sensitive, perturbations: [], lpSolves: 0 };

  const p = rule.protectionLevel;
  const x = (c: number) => cells[c]!.value;
  const shown = (c: number) => cells[c]!.published && !hidden.has(c);
  const movable = cells.flatMap((c, i) => (c.structural ? [] : [i]));
  // Reward columns (step 3) for every cell that may ever need protection.
  const isSensitiveCell = new Set(sensitive);
  const protectable = movable.filter((c) => cells[c]!.published || isSensitiveCell.has(c));
  const full = new PerturbationLp(model, movable, (c) => (shown(c) ? x(c) + 1 : FREE_COST), p, protectable);
  let lpSolves = 0;
  const perturbations: Map<number, number>[] = [];
  /** Widest move of each cell over the perturbations kept: ≥ p means proven wide. */
  const widest = new Map<number, number>();
  /** Last move of each cell (its sign is the direction it is pushed in next). */
  const lastMove = new Map<number, number>();

  /** Keeps y (stretched, step 2 of the file comment) as part of the certificate. */
  const stretched = (y: Map<number, number>) => {
    let most = MAX_STRETCH, least = Infinity;
    for (const [c, v] of y) {
      if (v < 0) most = Math.min(most, x(c) / -v);
      least = Math.min(least, Math.abs(v));
    }
    const s = Math.max(1, Math.min(most, p / least));
    return s === 1 ? y : new Map([...y].map(([c, v]) => [c, v * s]));
  };
  const keep = (y: Map<number, number>) => {
    const kept = stretched(y);
    perturbations.push(kept);
    for (const [c, v] of kept) {
      widest.set(c, Math.max(widest.get(c) ?? 0, Math.abs(v)));
      lastMove.set(c, v);
    }
  };
  const hideMoved = (y: ReadonlyMap<number, number>) => {
    for (const [c, v] of y) {
      if (Math.abs(v) > EPS && shown(c)) {
        hidden.add(c);
        full.setCost(c, FREE_COST);
      }
    }
  };
  const protect = (targets: readonly Target[]) => {
    const y = full.perturb(targets, p);
    if (!y) throw new Error('secondary suppression: no perturbation found');
    keep(y);
    hideMoved(y);
  };
  const direction = (c: number): 1 | -1 => ((lastMove.get(c) ?? 0) < 0 && x(c) >= p ? -1 : 1);
  const open = () => [...new Set([...hidden, ...sensitive])]
    .filter((c) => !cells[c]!.structural && (widest.get(c) ?? 0) < p - EPS)
    .sort((a, b) => a - b);

  // Step 1: all up at once (always exists: counts have no upper bound).
  protect(sensitive.filter((c) => !cells[c]!.structural).map((c) => [c, 1] as const));
  for (let pending = open(); pending.length > 0; pending = open()) {
    // Step 3: cells to protect by perturbations over hidden and unprinted cells (a shown cell
    // costs far more than the reward, so it is moved — and hidden — only where nothing else works).
    for (let round = 0; round < SPREAD_ROUNDS; round++) {
      const before = open();
      if (before.length === 0) break;
      const y = full.spread(before.map((c) => [c, direction(c)] as const));
      if (y.size === 0) break;
      keep(y);
      hideMoved(y);
      const after = open().length;
      if (before.length - after < 2) break;
    }
    for (const c of open()) {
      if ((widest.get(c) ?? 0) >= p - EPS) continue;
      const d = direction(c);
      // Up always exists (counts have no upper bound); down may not.
      const y = full.perturb([[c, d]], p) ?? full.perturb([[c, 1]], p);
      if (!y) throw new Error('secondary suppression: no perturbation found');
      keep(y);
      hideMoved(y);
    }
  }
  lpSolves += full.solves;
  full.dispose();
  return { hidden, sensitive, perturbations, lpSolves };
}
