/**
 * Secondary (complementary) suppression by linear programming, in the spirit of the protection
 * LPs of τ-Argus and sdcTable (docs/disclosure-control.md, "Secondary suppression").
 *
 * A perturbation y of the whole table keeps every relation (A y = 0), keeps every count
 * non-negative (y_j ≥ −x_j) and leaves structural zeros alone. If it moves no cell that is still
 * shown, the attacker cannot tell x from x + y. The pattern is built together with such
 * perturbations — its certificate, checked by suppression-certificate.ts — so that for every
 * hidden cell and every small count derivable by subtraction the values x_c + y_c they reach
 * (with x_c itself) span at least p, the protection level: so does the attacker's interval. Each
 * target's direction is fixed in its LP (y_t = u_t − v_t with u_t = 0 or v_t = 0), so the move
 * is exactly what is claimed (not p − x_t, as when both halves may be non-zero).
 *
 * 1. One LP moves every sensitive cell up by ≥ p at once, at least cost: a printed cell still
 *    shown costs (x_j + 1) per unit moved (so small cells are preferred as complements: we
 *    minimise the total count hidden, then the number of cells), a cell already hidden or never
 *    printed costs almost nothing. Where it leaves most cells shown, a second LP finds two
 *    perturbations at once, one moving each sensitive cell up and one down (to at most 0), a
 *    total of ≥ p apart (a 4 may go down by 4 and up by 1: cheaper cycles), starting from the
 *    first LP's optimal basis; the cheaper of the two is kept. Every printed cell they move is
 *    hidden (a complement).
 * 2. A perturbation that moves only hidden or unprinted cells stays admissible when multiplied by
 *    s ≥ 1 as long as counts stay ≥ 0: each is stretched (at most until every cell it moves moves
 *    by p), which proves many complements wide without another LP.
 * 3. Cells whose span is still under p (one marker: a reader cannot tell a complement from a
 *    small count, so each gets the same guarantee) are pushed by what they lack, in the
 *    direction they last moved (down only if they can): where most cells are shown, first by
 *    "spreading" LPs that reward moving each of them (REWARD per unit, far below the cost of a
 *    shown cell, so shown cells are left alone where hidden ones can do it); then one by one,
 *    least cost, in that direction or up. Any shown cell these move is hidden, and steps 2–3 repeat until every
 *    hidden cell is proven wide. The hidden set only grows, so an earlier perturbation stays
 *    admissible.
 * 4. The structural insider rule (insider-rule.ts), on the first LP's pattern, before 2–3: where
 *    the only other unknowns of a sum that holds a hidden cell are one other party's own counts
 *    (a region's, a clinic's), or those the party does not know bound a small count inside the
 *    threshold, a shown cell of that sum the party does not know is hidden too; steps 2–3 prove
 *    it wide with the rest, and the rule is checked again after them until it hides nothing
 *    more. `attacker-audit.ts` checks the result independently (as an outside reader).
 */
import type { CellModel } from './cell-model.js';
import { isSensitive, type DisclosureRule } from './disclosure-rule.js';
import { LinearProgramSession, LinearRows } from './linear-program.js';
import { InsiderRule } from './insider-rule.js';

export interface SuppressionPattern {
  /** Printed cells (indices into model.cells) that are hidden. */
  hidden: Set<number>;
  /** Sensitive cells (printed or not). */
  sensitive: number[];
  /** The certificate: perturbations over which every hidden cell spans ≥ p (suppression-certificate.ts). */
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
/**
 * The two-sided first LP and the spreading LPs are used only while at most this share of the
 * printed cells is hidden: where nearly every cell is small they seldom help and are slow (an
 * LP over a table of mostly free cells moves many of them; docs/disclosure-control.md, "Limits").
 */
const MOSTLY_SHOWN = 0.6;

type Target = readonly [cell: number, direction: 1 | -1, amount: number];

/**
 * The perturbation LP over the cells allowed to move (u_j at 2k, v_j at 2k + 1, y_j = u_j − v_j);
 * relations keep only their movable cells (the others are held at 0). One model, re-solved per
 * question with changed bounds and costs, holding only the columns and rows the question needs
 * (a simplex iteration costs more with every column and row the model has, used or not): the
 * moves y and the relations always; a second copy y′ of the moves, its relations and the rows
 * tying a two-sided target's two moves while `perturbBothWays` needs them (appended, then removed
 * again before any other question); the reward columns of `spread` and their rows from its first
 * call on (appended once). docs/architecture.md "The cost of a cold regeneration".
 */
class PerturbationLp {
  private readonly slot = new Map<number, number>();
  private readonly session: LinearProgramSession;
  solves = 0;
  /** Reward columns of a cell (w⁺ ≤ y, w⁻ ≤ −y), for `spread`, once added. */
  private readonly rewardSlot = new Map<number, number>();
  private rewards: { firstColumn: number; firstRow: number } | undefined;
  /** The second copy while the model holds it: its first column and first row. */
  private second: { column: number; row: number } | undefined;
  /** The row tying a two-sided target's two moves (with the second copy). */
  private readonly linkRow = new Map<number, number>();

  constructor(
    private readonly model: CellModel,
    movable: readonly number[],
    private readonly cost: (cell: number) => number,
    private readonly p: number,
    private readonly rewarded: readonly number[],
    private readonly twoSided: readonly number[],
  ) {
    movable.forEach((c) => this.slot.set(c, this.slot.size));
    const m = movable.length;
    // Rows written flat (LinearRows): tens of thousands of terms, built once per run.
    const rows = new LinearRows();
    this.relationRows(rows, 0);
    const lower = new Array<number>(2 * m).fill(0);
    const upper = new Array<number>(2 * m);
    const objective: [number, number][] = [];
    movable.forEach((cell, k) => {
      upper[2 * k] = Infinity;
      upper[2 * k + 1] = model.cells[cell]!.value; // y_j ≥ −x_j: counts stay non-negative
      objective.push([2 * k, cost(cell)], [2 * k + 1, cost(cell)]);
    });
    this.session = new LinearProgramSession({ sense: 'min', variables: 2 * m, objective, rows, lower, upper });
  }

  /** The relations over the moves whose first column is `base`. */
  private relationRows(rows: LinearRows, base: number): void {
    for (const r of this.model.relations) {
      const k0 = this.slot.get(r.total);
      if (k0 !== undefined) {
        rows.term(base + 2 * k0, 1);
        rows.term(base + 2 * k0 + 1, -1);
      }
      const parts = r.parts;
      for (let q = 0; q < parts.length; q++) {
        const k = this.slot.get(parts[q]!);
        if (k !== undefined) {
          rows.term(base + 2 * k, -1);
          rows.term(base + 2 * k + 1, 1);
        }
      }
      if (rows.pending > 0) rows.end('=', 0);
    }
  }

  /**
   * Appends the second copy y′ (held at 0, at the cells' current costs — those `setCost` would
   * have set), its relations and, for each two-sided target, the row y_t − y′_t ≥ p (switched off
   * until `perturbBothWays` asks for it).
   */
  private withSecond(): { column: number; row: number } {
    if (this.second) return this.second;
    const m = this.slot.size;
    const second = { column: this.session.variables, row: this.session.rows };
    const cost = new Array<number>(2 * m);
    for (const [cell, k] of this.slot) cost[2 * k] = cost[2 * k + 1] = this.cost(cell);
    this.session.addVariables(new Array<number>(2 * m).fill(0), new Array<number>(2 * m).fill(0), cost);
    const rows = new LinearRows();
    this.relationRows(rows, second.column);
    for (const t of this.twoSided) {
      const k = this.slot.get(t)!, k2 = second.column + 2 * k;
      this.linkRow.set(t, second.row + rows.length);
      rows.add('<=', Infinity, 2 * k, 1, 2 * k + 1, -1, k2, -1, k2 + 1, 1);
    }
    this.session.addRows(rows);
    return (this.second = second);
  }

  /** Removes the second copy (the last columns and rows of the model). */
  private withoutSecond(): void {
    if (!this.second) return;
    this.session.truncate(this.second.column, this.second.row);
    this.second = undefined;
    this.linkRow.clear();
  }

  /**
   * Appends the reward columns w⁺_c, w⁻_c ∈ [0, p] of every cell that may need protection, at
   * no cost, and the rows w⁺_c − y_c ≤ 0 and w⁻_c + y_c ≤ 0, switched off until `spread` asks for
   * c in one direction.
   */
  private withRewards(): { firstColumn: number; firstRow: number } {
    this.withoutSecond();
    if (this.rewards) return this.rewards;
    const n = 2 * this.rewarded.length;
    const rewards = { firstColumn: this.session.variables, firstRow: this.session.rows };
    this.session.addVariables(new Array<number>(n).fill(0), new Array<number>(n).fill(this.p), new Array<number>(n).fill(0));
    const rows = new LinearRows();
    this.rewarded.forEach((c, i) => {
      const k = this.slot.get(c)!, w = rewards.firstColumn + 2 * i;
      this.rewardSlot.set(c, w);
      rows.add('<=', Infinity, w, 1, 2 * k, -1, 2 * k + 1, 1);
      rows.add('<=', Infinity, w + 1, 1, 2 * k, 1, 2 * k + 1, -1);
    });
    this.session.addRows(rows);
    return (this.rewards = rewards);
  }

  /**
   * Two perturbations at once, y moving every target up and y′ moving it down (to at most 0), so
   * that y_t − y′_t ≥ p: the target's interval holds x_t + y′_t and x_t + y_t, at least p apart
   * (a count of 4 may go down by 4 and up by 1). Cheapest in total; it always exists (y_t = p).
   * `warm`: right after `perturb` found every target moved up (step 1), start from that optimal
   * basis — still optimal for its own LP, it is a dual feasible start for this one, which differs
   * only by the targets' relaxed bounds, the second copy (at 0) and the rows tying the two.
   */
  perturbBothWays(targets: readonly number[], p: number, options: { warm?: boolean } = {}): [Map<number, number>, Map<number, number>] {
    const x = (c: number) => this.model.cells[c]!.value;
    const second = this.withSecond().column;
    for (const [c, k] of this.slot) {
      this.session.setBounds(second + 2 * k, 0, Infinity);
      this.session.setBounds(second + 2 * k + 1, 0, x(c));
    }
    for (const t of targets) {
      const k = this.slot.get(t)!;
      this.session.setBounds(2 * k + 1, 0, 0);
      this.session.setBounds(second + 2 * k, 0, 0);
      this.session.setRowBounds(this.linkRow.get(t)!, p, Infinity);
    }
    if (!options.warm) this.session.restart();
    const sol = this.session.solve();
    this.solves++;
    for (const t of targets) {
      const k = this.slot.get(t)!;
      this.session.setBounds(2 * k + 1, 0, x(t));
      this.session.setRowBounds(this.linkRow.get(t)!, -Infinity, Infinity);
    }
    for (const k of this.slot.values()) {
      this.session.setBounds(second + 2 * k, 0, 0);
      this.session.setBounds(second + 2 * k + 1, 0, 0);
    }
    if (sol.status !== 'optimal') throw new Error(`secondary suppression: no perturbation found (${sol.status})`);
    return [this.values(sol.values, 0), this.values(sol.values, second)];
  }

  /**
   * A perturbation moving the cells asked for as far as it can towards p, each in its direction
   * (and none of them the wrong way): max REWARD · Σ min(p, d_c y_c) less the cost of moving.
   * Many cells proven wide by one LP instead of one LP each.
   */
  spread(cells: readonly Target[]): Map<number, number> {
    const rewards = this.withRewards();
    const row = (c: number, d: 1 | -1) => rewards.firstRow + this.rewardSlot.get(c)! - rewards.firstColumn + (d > 0 ? 0 : 1);
    const col = (c: number, d: 1 | -1) => this.rewardSlot.get(c)! + (d > 0 ? 0 : 1);
    for (const [c, d, amount] of cells) {
      this.session.setRowBounds(row(c, d), -Infinity, 0);
      this.session.setBounds(col(c, d), 0, amount);
      this.session.setCost(col(c, d), -REWARD);
    }
    this.session.restart();
    const sol = this.session.solve();
    this.solves++;
    for (const [c, d] of cells) {
      this.session.setRowBounds(row(c, d), -Infinity, Infinity);
      this.session.setCost(col(c, d), 0);
    }
    if (sol.status !== 'optimal') throw new Error(`secondary suppression: spreading LP ${sol.status}`);
    return this.values(sol.values, 0);
  }

  private values(sol: readonly number[], base: number): Map<number, number> {
    const y = new Map<number, number>();
    for (const [cell, k] of this.slot) {
      const v = sol[base + 2 * k]! - sol[base + 2 * k + 1]!;
      if (Math.abs(v) > ZERO) y.set(cell, v);
    }
    return y;
  }

  setCost(cell: number, cost: number): void {
    const k = this.slot.get(cell)!;
    this.session.setCost(2 * k, cost);
    this.session.setCost(2 * k + 1, cost);
    if (this.second) {
      this.session.setCost(this.second.column + 2 * k, cost);
      this.session.setCost(this.second.column + 2 * k + 1, cost);
    }
  }

  /**
   * The cheapest perturbation moving every target at once by at least its amount in its
   * direction: y_t ≥ amount with v_t = 0 (up), or y_t ≤ −amount with u_t = 0 (down). Cell → y_j,
   * non-zero entries only; undefined when none exists.
   */
  perturb(targets: readonly Target[]): Map<number, number> | undefined {
    this.withoutSecond();
    const x = (t: number) => this.model.cells[t]!.value;
    for (const [t, d, amount] of targets) {
      const k = this.slot.get(t)!;
      this.session.setBounds(2 * k, d > 0 ? amount : 0, d > 0 ? Infinity : 0);
      this.session.setBounds(2 * k + 1, d > 0 ? 0 : amount, d > 0 ? 0 : x(t));
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
    return sol.status === 'optimal' ? this.values(sol.values, 0) : undefined;
  }

  dispose(): void {
    this.session.dispose();
  }
}

export function suppressionPattern(model: CellModel, rule: DisclosureRule, options: { secondary?: boolean } = {}): SuppressionPattern {
  if (options.secondary === false) return solvePattern(model, rule, options);
  const known = recentPatterns.find((r) => sameRecord(r.rule, rule) && sameList(r.cells, model.cells) && sameList(r.relations, model.relations));
  if (known) return copyOf(known.pattern);
  const solved = solvePattern(model, rule, options);
  remember({ rule: { ...rule }, cells: model.cells.map((c) => ({ ...c })), relations: model.relations.map((r) => ({ ...r, parts: [...r.parts] })), pattern: copyOf(solved) });
  return solved;
}

/**
 * The patterns of the last few models solved in this process, each with a copy of everything it
 * depends on: the cells (value, printed, structural, known, changed, …), the relations and the
 * rule. A process that protects the same outputs again (runs of one registry one after another
 * in one process, as the test suite's in-process CLI runs are) then solves none of its LPs again.
 * A pattern is a pure function of its model and rule (its LPs are built and solved in a fixed
 * order, each from a fixed start), so a remembered one is the pattern a new solve would give.
 * Compared field by field rather than by a digest of each model: a CLI run solves one model, and
 * pays only for the copy kept (a digest cost some 5% of a bundled registry's suppression).
 */
const recentPatterns: { rule: DisclosureRule; cells: readonly object[]; relations: readonly object[]; pattern: SuppressionPattern }[] = [];
const RECENT_PATTERNS = 8;

function remember(entry: (typeof recentPatterns)[number]): void {
  if (recentPatterns.length >= RECENT_PATTERNS) recentPatterns.shift();
  recentPatterns.push(entry);
}

const sameList = (a: readonly object[], b: readonly object[]) => a.length === b.length && a.every((x, i) => sameRecord(x, b[i]!));

/** The same fields with the same values (`Object.is`: -0 is not 0); an array field element by element. */
function sameRecord(a: object, b: object): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => {
    const x: unknown = (a as Record<string, unknown>)[k], y: unknown = (b as Record<string, unknown>)[k];
    return Object.hasOwn(b, k) && (Object.is(x, y) || (Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((v, i) => Object.is(v, y[i]))));
  });
}

/** A copy the caller may change without changing the remembered pattern. */
function copyOf(p: SuppressionPattern): SuppressionPattern {
  return { hidden: new Set(p.hidden), sensitive: [...p.sensitive], perturbations: p.perturbations.map((m) => new Map(m)), lpSolves: p.lpSolves };
}

function solvePattern(model: CellModel, rule: DisclosureRule, options: { secondary?: boolean }): SuppressionPattern {
  const { cells } = model;
  const sensitive = cells.flatMap((c, i) => (isSensitive(c, rule) ? [i] : []));
  const hidden = new Set(sensitive.filter((i) => cells[i]!.published));
  if (options.secondary === false) return { hidden, sensitive, perturbations: [], lpSolves: 0 };

  const p = rule.protectionLevel;
  const x = (c: number) => cells[c]!.value;
  const shown = (c: number) => cells[c]!.published && !hidden.has(c);
  // Structural zeros and counts an earlier publication printed are fixed: every reader knows them.
  const movable = cells.flatMap((c, i) => (c.structural || c.known ? [] : [i]));
  // Reward columns (step 3) for every cell that may ever need protection.
  const isSensitiveCell = new Set(sensitive);
  const protectable = movable.filter((c) => cells[c]!.published || isSensitiveCell.has(c) || cells[c]!.hiddenElsewhere);
  const targets = sensitive.filter((c) => !cells[c]!.structural);
  // Cells another cut of the extract hid: protected like hidden ones (cell-model.ts).
  const elsewhere = movable.filter((c) => cells[c]!.hiddenElsewhere);
  const full = new PerturbationLp(model, movable, (c) => (shown(c) ? x(c) + 1 : FREE_COST), p, protectable, [...new Set([...targets, ...elsewhere])]);
  const perturbations: Map<number, number>[] = [];
  /** Highest and lowest move of each cell over the perturbations kept (and 0: x itself). */
  const hi = new Map<number, number>(), lo = new Map<number, number>();
  const width = (c: number) => (hi.get(c) ?? 0) - (lo.get(c) ?? 0);
  // A small count's interval must also reach the threshold: one lying wholly in 0 (or 1) … t − 1
  // says the count is small, however wide (docs/disclosure-control.md "Secondary suppression").
  // Only a protection level below the threshold can leave it short.
  const t = rule.threshold;
  const reach = (c: number) => (isSensitiveCell.has(c) ? Math.max(0, t - x(c)) : 0);
  const short = (c: number) => width(c) < p - EPS || (hi.get(c) ?? 0) < reach(c) - EPS;
  /** Last move of each cell (its sign is the direction it is pushed in next). */
  const lastMove = new Map<number, number>();

  /**
   * y stretched (step 2 of the file comment) — not when it moves a cell left shown by a
   * rounding-size amount (≤ EPS): stretching would make that a real move.
   */
  const stretched = (y: Map<number, number>) => {
    let most = MAX_STRETCH, least = Infinity;
    for (const [c, v] of y) {
      if (shown(c) && Math.abs(v) <= EPS) return y;
      if (v < 0) most = Math.min(most, x(c) / -v);
      least = Math.min(least, Math.abs(v));
    }
    const s = Math.max(1, Math.min(most, p / least));
    return s === 1 ? y : new Map([...y].map(([c, v]) => [c, v * s]));
  };
  /** Keeps y as part of the certificate and hides every shown cell it moves. */
  const keep = (y: Map<number, number>) => {
    if (y.size === 0) return;
    const kept = stretched(y);
    perturbations.push(kept);
    for (const [c, v] of kept) {
      hi.set(c, Math.max(hi.get(c) ?? 0, v));
      lo.set(c, Math.min(lo.get(c) ?? 0, v));
      lastMove.set(c, v);
    }
    for (const [c, v] of y) {
      if (Math.abs(v) > EPS && shown(c)) {
        hidden.add(c);
        full.setCost(c, FREE_COST);
      }
    }
  };
  /** The move still needed, pushed in the direction the cell last moved (down only if it can). */
  const target = (c: number): Target => {
    const down = p - (hi.get(c) ?? 0), up = p + (lo.get(c) ?? 0);
    if ((hi.get(c) ?? 0) < reach(c) - EPS) return [c, 1, Math.max(up, reach(c))];
    return (lastMove.get(c) ?? 0) < 0 && x(c) >= down ? [c, -1, down] : [c, 1, up];
  };
  const open = () => [...new Set([...hidden, ...sensitive, ...elsewhere])]
    .filter((c) => !cells[c]!.structural && short(c))
    .sort((a, b) => a - b);

  // Step 1: every sensitive cell up by p, or up and down by p in all; whichever hides less.
  // Known counts (an earlier publication's, another cut of the same extract's) may leave no
  // common move up: then each cell is protected on its own (step 3), up, or up and down.
  const up = full.perturb(targets.map((c) => [c, 1, Math.max(p, reach(c))] as const));
  const movedShown = (ys: readonly Map<number, number>[]) => new Set(ys.flatMap((y) => [...y].filter(([c, v]) => Math.abs(v) > EPS && shown(c)).map(([c]) => c)));
  const cost = (ys: readonly Map<number, number>[]) => [...movedShown(ys)].reduce((sum, c) => sum + x(c) + 1, 0);
  const printed = cells.filter((c) => c.published).length;
  let first = up ? [up] : [];
  if (up && hidden.size + movedShown([up]).size <= MOSTLY_SHOWN * printed) {
    const both = full.perturbBothWays(targets, p, { warm: true });
    if (cost(both) < cost([up])) first = both;
  }
  for (const y of first) keep(y);
  // Step 4: the structural insider rule (insider-rule.ts) hides a complement of another party
  // where one party's own counts would pin a hidden one, or bound a small one inside the
  // threshold. It runs on the first LP's pattern, so that steps 2–3 prove its cells wide with
  // the others (one spreading LP for all: proving them apart cost some 0.1 s of CPU on the
  // bundled registry), and is checked again after them until it hides nothing more.
  const insiders = new InsiderRule(model, rule);
  const toProtect = (c: number) => hidden.has(c) || isSensitiveCell.has(c) || cells[c]!.hiddenElsewhere === true;
  // A cell the rule hid that earlier publications pin (no perturbation moves it) protects
  // nothing: it is shown again (no kept perturbation moves it) and never chosen again.
  const byRule = new Set<number>(), pinned = new Set<number>();
  let added = insiders.mend(hidden, toProtect, pinned);
  for (;;) {
    for (const c of added) { full.setCost(c, FREE_COST); byRule.add(c); }
    protectOpen();
    added = insiders.mend(hidden, toProtect, pinned);
    if (added.length === 0) break;
  }
  full.dispose();
  return { hidden, sensitive, perturbations, lpSolves: full.solves };

  /** Steps 2–3: until no hidden cell or small count is short. */
  function protectOpen(): void {
    for (let pending = open(); pending.length > 0; pending = open()) {
      // Step 3: cells to protect by perturbations over hidden and unprinted cells (a shown cell
      // costs far more than the reward, so it is moved — and hidden — only where nothing else works);
      // spreading LPs only where most cells are shown.
      for (let round = 0; round < SPREAD_ROUNDS; round++) {
        const before = open();
        if (before.length === 0 || hidden.size > MOSTLY_SHOWN * printed) break;
        const y = full.spread(before.map(target));
        if (y.size === 0) break;
        keep(y);
        if (before.length - open().length < 2) break;
      }
      for (const c of open()) {
        if (!short(c)) continue;
        // Up always exists (counts have no upper bound); down may not.
        const y = full.perturb([target(c)]) ?? full.perturb([[c, 1, Math.max(p + (lo.get(c) ?? 0), reach(c))]]);
        if (y) keep(y);
        else if (isSensitiveCell.has(c) || cells[c]!.hiddenElsewhere) for (const both of full.perturbBothWays([c], p)) keep(both);
        else if (byRule.has(c) && width(c) === 0) {
          hidden.delete(c);
          byRule.delete(c);
          pinned.add(c);
          full.setCost(c, x(c) + 1);
        }
        else throw new Error('secondary suppression: no perturbation found');
      }
    }
  }
}
