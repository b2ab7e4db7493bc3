/**
 * Ranges of linear forms over a polytope { x ≥ 0, x ≤ u, rows } — the attacker's question "how
 * low and how high can this hidden count be?" (docs/disclosure-control.md, "Audit"). Generic: it
 * knows nothing about tables, only about rows of a linear program.
 *
 * Why it is fast where one LP per question over the whole system was not (530 s for a 100-row
 * registry before):
 *  1. Components. Unknowns that share no row (directly or through other unknowns) are
 *     independent: published numbers are constants, so the system falls apart into connected
 *     components, and each question is an LP over one component only.
 *  2. Finite upper bounds. Every unknown gets the tightest upper bound that one pass of bound
 *     propagation over the rows implies (a part is at most its total minus the other parts' lower
 *     bounds, …), capped by a bound the caller knows holds for every unknown. The bounds are
 *     implied by the rows, so they change no min or max; but no LP is unbounded any more, and
 *     every maximum is a vertex that moves many unknowns up at once.
 *  3. Batches before single questions. Minimising and then maximising the sum of all unknowns not
 *     yet proven wide gives two feasible points; any unknown that differs by at least the width
 *     asked for between points already seen is proven wide without an LP of its own. Only the
 *     rest get their own min and max.
 *  4. One model per component, re-solved with changed costs (HiGHS restarts from the last basis).
 */
import { HtaError } from '../../errors.js';
import { LinearProgramSession, type LinearRow } from './linear-program.js';

/**
 * The published numbers admit no table of counts (the LP is infeasible although every unknown is
 * bounded). Bad input, not a bug: a hand-edited file, publications of different registries, or a
 * period an earlier publication hid that changed since. Its own class, so that a caller trying
 * readings one after another (published-audit.ts: equating earlier counts from later dates) can
 * tell it from any other error.
 */
export class ContradictoryNumbers extends HtaError {
  /** `files`: the publications read together, named in the message where the caller knows them. */
  constructor(files: readonly string[] = []) {
    super('input.invalid', `the audit cannot read the published numbers${files.length > 0 ? ` of ${files.join(', ')}` : ''} together: they contradict each other as the audit reads them (no table of counts gives them all). Was a file edited by hand, are the publications of different registries, or did a period an earlier publication hid change since? (docs/disclosure-control.md "Audit")`);
  }
}

export interface Polytope {
  variables: number;
  /** Rows over the unknowns (x ≥ 0 always holds besides). */
  rows: readonly LinearRow[];
  /** A finite bound known to hold for every unknown (e.g. the number of rows read). */
  cap: number;
}

export interface Interval {
  lower: number;
  upper: number;
  /** Exact (both ends solved) or only a lower bound on the width (points seen). */
  exact: boolean;
}

interface Component {
  /** Global indices of its unknowns; local index = position. */
  vars: number[];
  session?: LinearProgramSession;
  points: Float64Array[];
}

/** Batch rounds before single questions (each round: two LPs per group and component). */
const BATCH_ROUNDS = 12;
/**
 * Forms a batch round must prove wide per LP to be worth another (was 1: on the disclosure
 * tests' 50–100-row registries that ran every round, ~35 % more LPs and simplex iterations).
 */
const BATCH_WORTH = 15;

export class PolytopeRanges {
  /** Component of each unknown, and the unknown's local index in it. */
  private readonly compOf: Int32Array;
  private readonly localOf: Int32Array;
  private readonly comps: Component[] = [];
  private readonly upper: Float64Array;
  private readonly lower: Float64Array;
  /** Rows over two or more unknowns (a row over one is a bound). */
  private readonly linking: readonly LinearRow[];
  /** Set by `onlyExactFromHere`: the sessions solve by the primal simplex. */
  private primal = false;
  lpSolves = 0;

  constructor(private readonly poly: Polytope) {
    const n = poly.variables;
    this.upper = impliedUpperBounds(poly);
    // A row over a single unknown is a bound on it: kept out of the LP (the simplex handles
    // bounds for free). Exact, not relaxed: it is the row itself.
    this.lower = new Float64Array(n);
    for (const r of poly.rows) {
      if (r.terms.length !== 1) continue;
      const [j, a] = r.terms[0]!;
      const v = r.rhs / a;
      const atLeast = r.sense === '=' || (r.sense === '>=') === a > 0;
      const atMost = r.sense === '=' || (r.sense === '<=') === a > 0;
      if (atLeast) this.lower[j] = Math.max(this.lower[j]!, v);
      if (atMost) this.upper[j] = Math.min(this.upper[j]!, v);
    }
    this.linking = poly.rows.filter((r) => r.terms.length > 1);
    // Union–find over the unknowns of each row.
    const parent = Int32Array.from({ length: n }, (_, j) => j);
    const find = (j: number): number => {
      while (parent[j] !== j) j = parent[j] = parent[parent[j]!]!;
      return j;
    };
    for (const r of this.linking) {
      const first = r.terms[0]![0];
      for (const [j] of r.terms) {
        const a = find(first), b = find(j);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
    this.compOf = new Int32Array(n);
    this.localOf = new Int32Array(n);
    const byRoot = new Map<number, number>();
    for (let j = 0; j < n; j++) {
      const root = find(j);
      let c = byRoot.get(root);
      if (c === undefined) {
        c = this.comps.length;
        byRoot.set(root, c);
        this.comps.push({ vars: [], points: [] });
      }
      this.compOf[j] = c;
      this.localOf[j] = this.comps[c]!.vars.length;
      this.comps[c]!.vars.push(j);
    }
  }

  /** Number of independent components (for the audit's report). */
  get components(): number {
    return this.comps.length;
  }

  private session(c: number): LinearProgramSession {
    const comp = this.comps[c]!;
    if (!comp.session) {
      const rows = this.linking
        .filter((r) => this.compOf[r.terms[0]![0]] === c)
        .map((r): LinearRow => ({ ...r, terms: r.terms.map(([j, a]) => [this.localOf[j]!, a] as const) }));
      comp.session = new LinearProgramSession({
        sense: 'min', variables: comp.vars.length, objective: [], rows,
        lower: comp.vars.map((j) => this.lower[j]!), upper: comp.vars.map((j) => this.upper[j]!),
      });
      if (this.primal) comp.session.usePrimalSimplex();
    }
    return comp.session;
  }

  /**
   * The caller reads no more intervals that are only "at least as wide as shown" (their ends are
   * the points found, which depend on which optimal point each LP returns), only exact ones and
   * whether a form is proven wide. From here on the LPs are solved by the primal simplex, which
   * re-solves a changed objective from the last basis ~4–7 times faster on the audit's models
   * (linear-program.ts `usePrimalSimplex`); the same optima, perhaps other optimal points.
   */
  onlyExactFromHere(): void {
    this.primal = true;
    for (const c of this.comps) c.session?.usePrimalSimplex();
  }

  /** Min of Σ cost·x over component c (cost in local indices); records the point. */
  private minimise(c: number, cost: ReadonlyMap<number, number>): number {
    const s = this.session(c);
    for (const [k, a] of cost) s.setCost(k, a);
    const sol = s.solve();
    this.lpSolves++;
    for (const k of cost.keys()) s.setCost(k, 0);
    // Bounded (finite bounds on every unknown): infeasible means the published numbers contradict
    // each other as the audit reads them — bad input (a hand-edited file, publications of
    // different registries, a period an earlier publication hid that changed since), not a bug.
    if (sol.status === 'infeasible') throw new ContradictoryNumbers();
    // Unbounded cannot happen (every unknown has a finite bound): a bug, said as one.
    if (sol.status !== 'optimal') throw new Error(`audit: the LP of a component is ${sol.status} although every unknown is bounded`);
    // Every solution is a table the attacker cannot rule out: kept, to prove other forms wide.
    this.comps[c]!.points.push(Float64Array.from(sol.values));
    return sol.objective;
  }

  /**
   * The interval of every unknown, exact where it is narrower than `width`, otherwise at least
   * as wide as shown (the spread over feasible points found).
   */
  variableIntervals(width: number): Interval[] {
    return this.formIntervals(Array.from({ length: this.poly.variables }, (_, j) => new Map([[j, 1]])), width);
  }

  /**
   * The interval of each form Σ a_j x_j: exact where narrower than `width`, otherwise at least as
   * wide as shown. Batches first (min and max of the sum of the forms not yet proven wide, per
   * component), then two LPs for each form still open — the second skipped when the first
   * solution already proves it wide.
   */
  formIntervals(forms: readonly ReadonlyMap<number, number>[], width: number, groups?: readonly string[]): Interval[];
  /** Batches only: undefined for each form not yet proven wide. */
  formIntervals(forms: readonly ReadonlyMap<number, number>[], width: number, groups: readonly string[] | undefined, batchesOnly: true): (Interval | undefined)[];
  formIntervals(forms: readonly ReadonlyMap<number, number>[], width: number, groups?: readonly string[], batchesOnly = false): (Interval | undefined)[] {
    const parts = forms.map((f) => this.split(f));
    const isOpen = (i: number) => this.spreadOf(parts[i]!).width < width;
    let open = forms.map((_, i) => i).filter(isOpen);
    for (let round = 0; round < BATCH_ROUNDS && open.length > 0; round++) {
      const before = open.length;
      // One objective per group of like forms and component: summing unlike forms (a − b and
      // b − c) would cancel their terms. The first round pushes every open form down (and then
      // up) at once; later rounds give each form a pseudo-random sign, so that forms competing
      // for the same slack (a total that caps them) take turns being high and low.
      const costs = new Map<string, { c: number; cost: Map<number, number> }>();
      for (const i of open) {
        const sign = round === 0 || mix(i, round) % 2 === 0 ? 1 : -1;
        for (const [c, terms] of parts[i]!) {
          const key = `${groups?.[i] ?? ''}|${c}`;
          const batch = costs.get(key) ?? { c, cost: new Map<number, number>() };
          for (const [k, a] of terms) batch.cost.set(k, (batch.cost.get(k) ?? 0) + sign * a);
          costs.set(key, batch);
        }
      }
      for (const { c, cost } of costs.values()) {
        this.minimise(c, cost);
        this.minimise(c, negate(cost));
      }
      open = open.filter(isOpen);
      // Worth another round only while it proves many forms wide per LP: a batch LP moves every
      // open form and costs as many simplex iterations as several single questions (each one or
      // two LPs from the last basis), whose points prove other forms wide too, and the
      // differences left open are mostly settled by the caller's group tests (attacker-audit.ts).
      if (before - open.length < BATCH_WORTH * 2 * costs.size) break;
    }
    return forms.map((_, i) => {
      const seen = this.spreadOf(parts[i]!);
      if (seen.width >= width) return { lower: seen.lower, upper: seen.upper, exact: false };
      if (batchesOnly) return undefined;
      // Up first: the batches' minimum already pushed most forms to their lowest, so one LP
      // often proves a form wide.
      let lower = 0, upper = 0;
      for (const [c, cost] of parts[i]!) upper -= this.minimise(c, negate(cost));
      const again = this.spreadOf(parts[i]!);
      if (again.width >= width) return { lower: again.lower, upper: again.upper, exact: false };
      for (const [c, cost] of parts[i]!) lower += this.minimise(c, cost);
      return { lower, upper, exact: true };
    });
  }

  /** Terms of a form grouped by component, in local indices. */
  private split(terms: ReadonlyMap<number, number>): Map<number, Map<number, number>> {
    const parts = new Map<number, Map<number, number>>();
    for (const [j, a] of terms) {
      const c = this.compOf[j]!;
      const m = parts.get(c) ?? new Map<number, number>();
      m.set(this.localOf[j]!, a);
      parts.set(c, m);
    }
    return parts;
  }

  /**
   * Lowest and highest value of Σ a_j x_j over the points already found: its width is a lower
   * bound on the width of the form's interval. Components are independent, so their ranges add.
   */
  private spreadOf(parts: ReadonlyMap<number, ReadonlyMap<number, number>>): { lower: number; upper: number; width: number } {
    let lower = 0, upper = 0;
    for (const [c, cost] of parts) {
      let lo = Infinity, hi = -Infinity;
      for (const x of this.comps[c]!.points) {
        let v = 0;
        for (const [k, a] of cost) v += a * x[k]!;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      if (lo > hi) return { lower: NaN, upper: NaN, width: -Infinity };
      lower += lo;
      upper += hi;
    }
    return { lower, upper, width: upper - lower };
  }

  /** Exact maximum of Σ a_j x_j: the sum of its parts' maxima in each component. */
  maximum(terms: ReadonlyMap<number, number>): number {
    let hi = 0;
    for (const [c, cost] of this.split(terms)) hi -= this.minimise(c, negate(cost));
    return hi;
  }

  /**
   * Σ a_j x_j at the points the last `maximum` found, one per component: right after
   * `maximum(terms')` for terms' naming every component `terms` names (a part of that sum).
   */
  atLastMaximum(terms: ReadonlyMap<number, number>): number {
    let v = 0;
    for (const [c, cost] of this.split(terms)) {
      const x = this.comps[c]!.points.at(-1)!;
      for (const [k, a] of cost) v += a * x[k]!;
    }
    return v;
  }

  /** True when the unknown's maximum reached the cap (nothing but the cap bounds it). */
  atCap(j: number, value: number): boolean {
    return value >= this.poly.cap - 1e-6 && this.upper[j]! >= this.poly.cap - 1e-6;
  }

  dispose(): void {
    for (const c of this.comps) c.session?.dispose();
  }
}

/**
 * Upper bounds implied by the rows and x ≥ 0: for a row Σ a_j x_j ≤ b (an '=' row gives it both
 * ways), an unknown with a_k > 0 satisfies x_k ≤ (b − Σ_{j≠k, a_j<0} a_j u_j) / a_k — the other
 * unknowns at their most favourable bounds (0 for a_j > 0). Repeated until nothing tightens (a
 * few passes: totals pass bounds down to their parts). Relaxed by a hair so rounding never cuts
 * off a feasible point.
 */
export function impliedUpperBounds(poly: Polytope): Float64Array {
  const u = new Float64Array(poly.variables).fill(poly.cap);
  const oriented: { terms: readonly (readonly [number, number])[]; rhs: number }[] = [];
  for (const r of poly.rows) {
    if (r.sense !== '>=') oriented.push({ terms: r.terms, rhs: r.rhs });
    if (r.sense !== '<=') oriented.push({ terms: r.terms.map(([j, a]) => [j, -a] as const), rhs: -r.rhs });
  }
  for (let pass = 0; pass < 50; pass++) {
    let changed = false;
    for (const { terms, rhs } of oriented) {
      // Σ over a_j < 0 of a_j u_j: the least the negative terms can contribute.
      let negative = 0;
      for (const [j, a] of terms) if (a < 0) negative += a * u[j]!;
      for (const [k, a] of terms) {
        if (a <= 0) continue;
        const bound = (rhs - negative) / a;
        const relaxed = bound + 1e-7 * Math.max(1, Math.abs(bound));
        if (relaxed < u[k]! - 1e-9 * Math.max(1, u[k]!)) {
          u[k] = Math.max(0, relaxed);
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return u;
}

/** A fixed integer hash (deterministic: the same audit solves the same LPs). */
const mix = (i: number, round: number): number => {
  let h = Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(round + 1, 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
};

const negate = (cost: ReadonlyMap<number, number>) => new Map([...cost].map(([k, a]) => [k, -a]));
