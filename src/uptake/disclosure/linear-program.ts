/**
 * A small linear program and its solution by HiGHS (the `highs` package: the HiGHS solver
 * compiled to WebAssembly, bundled in the package, so it works offline). Both the secondary
 * suppression (`secondary-suppression.ts`) and the attacker audit (`attacker-audit.ts`) solve
 * their LPs through this one function; it knows nothing about tables.
 *
 * Variables are numbered 0…n−1; each has bounds [lower, upper] (upper may be Infinity). The rows
 * go to HiGHS as a sparse matrix.
 */
import { setFlagsFromString } from 'node:v8';
import highsModule from 'highs';

// The package ships ESM at run time but types written for CommonJS: take the loader either way.
type HighsLoader = (typeof highsModule)['default'];
const highsLoader = ((highsModule as { default?: HighsLoader }).default ?? highsModule) as HighsLoader;
// The solver's WebAssembly tiers up from V8's baseline code (Liftoff) to optimised code
// (TurboFan) only for functions that run very long: at the largest tiering budget instead of
// V8's default (1.8 million). HiGHS is 3.5 MB of code; at the default, the bundled registry's
// four LPs had V8's background threads compile its hot functions for ~0.4 CPU-s, more than the
// LPs themselves take. With the large budget that run's secondary suppression costs ~0.55
// instead of ~1.0 CPU-s, while LP-heavy runs (a 500-row registry: ~100 audit LPs, 10 s) still
// get optimised code and lose ~5–10 % (baseline code alone: ~50 %). WebAssembly arithmetic is
// deterministic (IEEE 754), so every tier gives the same bits: the same suppression pattern and
// certificate. The flag is process-wide and read when the module is instantiated (below); no
// other WebAssembly runs in `hta`.
setFlagsFromString('--wasm-tiering-budget=2147483647');
// Loaded once per process (top-level await: the callers stay synchronous).
const highs = await highsLoader();

export interface LinearRow {
  /** [variable, coefficient] pairs. */
  terms: readonly (readonly [number, number])[];
  /** '=' rhs, '<=' rhs or '>=' rhs. */
  sense: '=' | '<=' | '>=';
  rhs: number;
}

/**
 * Rows written term by term into flat arrays: the same rows as `LinearRow`s without an object
 * per term (a large model has some 100,000 terms, which as pairs kept the garbage collector busy).
 */
export class LinearRows {
  readonly vars: number[] = [];
  readonly coefs: number[] = [];
  /** Row i's terms are vars/coefs [starts[i], starts[i + 1]). */
  readonly starts: number[] = [0];
  readonly senses: LinearRow['sense'][] = [];
  readonly rhs: number[] = [];
  /** Adds a term to the row being written. */
  term(variable: number, coefficient: number): void {
    this.vars.push(variable);
    this.coefs.push(coefficient);
  }
  /** Terms written since the last row ended. */
  get pending(): number {
    return this.vars.length - this.starts[this.starts.length - 1]!;
  }
  /** Ends the row being written (its terms in the order written). */
  end(sense: LinearRow['sense'], rhs: number): void {
    this.starts.push(this.vars.length);
    this.senses.push(sense);
    this.rhs.push(rhs);
  }
  /** A whole row: variable, coefficient, variable, coefficient, … */
  add(sense: LinearRow['sense'], rhs: number, ...terms: number[]): void {
    for (let q = 0; q < terms.length; q += 2) this.term(terms[q]!, terms[q + 1]!);
    this.end(sense, rhs);
  }
  get length(): number {
    return this.senses.length;
  }
  static of(rows: readonly LinearRow[]): LinearRows {
    const out = new LinearRows();
    for (const r of rows) {
      for (const [j, c] of r.terms) out.term(j, c);
      out.end(r.sense, r.rhs);
    }
    return out;
  }
}

export interface LinearProgram {
  sense: 'min' | 'max';
  variables: number;
  objective: readonly (readonly [number, number])[];
  rows: readonly LinearRow[] | LinearRows;
  lower: readonly number[];
  upper: readonly number[];
}

export interface LinearSolution {
  status: 'optimal' | 'infeasible' | 'unbounded';
  objective: number;
  values: number[];
}

/** HiGHS's `simplex_strategy` for the primal simplex (1, its default, is the dual simplex). */
const PRIMAL_SIMPLEX = 4;
const DUAL_SIMPLEX = 1;

const toHighs = (v: number): number => (v === Infinity ? highs.infinity : v === -Infinity ? -highs.infinity : v);

/**
 * Rows as a compressed-sparse-row matrix with row bounds, in typed arrays (HiGHS copies them into
 * its heap as they are). Each row's terms are sorted by variable with a stable insertion sort
 * (rows are short and mostly in order already) and a variable named twice gets the sum of its
 * coefficients, added left to right; zero coefficients are left out.
 */
function csrRows(rows: LinearRows, numCols: number) {
  const { vars, coefs, starts: rowStart, senses, rhs } = rows;
  const m = rows.length;
  const starts = new Int32Array(m + 1), indices = new Int32Array(vars.length), values = new Float64Array(vars.length);
  const rowLower = new Float64Array(m), rowUpper = new Float64Array(m);
  let at = 0;
  // Indexed loops: this runs once per model, mostly before V8 optimises it.
  for (let i = 0; i < m; i++) {
    const from = at;
    for (let q = rowStart[i]!, stop = rowStart[i + 1]!; q < stop; q++) {
      const j = vars[q]!, c = coefs[q]!;
      let k = at;
      while (k > from && indices[k - 1]! > j) k--;
      if (k > from && indices[k - 1] === j) {
        values[k - 1] = values[k - 1]! + c;
        continue;
      }
      for (let z = at; z > k; z--) {
        indices[z] = indices[z - 1]!;
        values[z] = values[z - 1]!;
      }
      indices[k] = j;
      values[k] = c;
      at++;
    }
    let kept = from;
    for (let k = from; k < at; k++) {
      if (values[k] !== 0) {
        indices[kept] = indices[k]!;
        values[kept++] = values[k]!;
      }
    }
    at = kept;
    starts[i + 1] = at;
    const sense = senses[i]!, b = rhs[i]!;
    rowLower[i] = sense === '<=' ? -highs.infinity : b;
    rowUpper[i] = sense === '>=' || b === Infinity ? highs.infinity : b;
  }
  return { rowLower, rowUpper, matrix: { format: 'csr' as const, numRows: m, numCols, starts, indices: indices.subarray(0, at), values: values.subarray(0, at) } };
}

function modelData(lp: LinearProgram) {
  const n = lp.variables;
  const rows = csrRows(lp.rows instanceof LinearRows ? lp.rows : LinearRows.of(lp.rows), n);
  const colCost = new Float64Array(n);
  for (let q = 0; q < lp.objective.length; q++) {
    const [j, c] = lp.objective[q]!;
    colCost[j] = colCost[j]! + c;
  }
  const colLower = new Float64Array(n), colUpper = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    colLower[j] = toHighs(lp.lower[j] ?? 0);
    colUpper[j] = toHighs(lp.upper[j] ?? Infinity);
  }
  return {
    numCols: n,
    numRows: rows.matrix.numRows,
    sense: lp.sense === 'min' ? highs.constants.objectiveSense.minimize : highs.constants.objectiveSense.maximize,
    colCost,
    colLower,
    colUpper,
    rowLower: rows.rowLower,
    rowUpper: rows.rowUpper,
    matrix: rows.matrix,
  };
}

/** Changes to one kind of bound or cost, index → last value set, not yet passed to HiGHS. */
class PendingChanges {
  readonly size: number;
  private readonly first: Float64Array;
  private readonly second: Float64Array;
  private readonly touched: Uint8Array;
  private readonly list: number[] = [];
  constructor(size: number) {
    this.size = size;
    this.first = new Float64Array(size);
    this.second = new Float64Array(size);
    this.touched = new Uint8Array(size);
  }
  set(i: number, a: number, b = 0): void {
    if (this.touched[i] === 0) {
      this.touched[i] = 1;
      this.list.push(i);
    }
    this.first[i] = toHighs(a);
    this.second[i] = toHighs(b);
  }
  /** The same for `size` indices (after `take`: nothing pending). */
  resized(size: number): PendingChanges {
    if (this.list.length > 0) throw new Error('linear program: changes pending while the model changes size');
    return new PendingChanges(size);
  }
  /** Forgets the changes of indices `from` and above (they are about to be removed). */
  forgetFrom(from: number): void {
    let kept = 0;
    for (let q = 0; q < this.list.length; q++) {
      const i = this.list[q]!;
      if (i < from) this.list[kept++] = i;
      else this.touched[i] = 0;
    }
    this.list.length = kept;
  }
  /** The changed indices in increasing order with their values; then forgets them. */
  take(): { indices: Int32Array; first: Float64Array; second: Float64Array } | undefined {
    if (this.list.length === 0) return undefined;
    const indices = Int32Array.from(this.list).sort();
    const first = new Float64Array(indices.length), second = new Float64Array(indices.length);
    for (let k = 0; k < indices.length; k++) {
      const i = indices[k]!;
      first[k] = this.first[i]!;
      second[k] = this.second[i]!;
      this.touched[i] = 0;
    }
    this.list.length = 0;
    return { indices, first, second };
  }
}

/**
 * A model kept in memory for repeated solves that change only bounds and costs (HiGHS then
 * starts from the previous basis), or that add columns and rows at the end, or remove the last
 * ones (HiGHS keeps the basis of the others: added columns start at a bound, added rows basic).
 * Call `dispose` when done: the solver's memory lives in Wasm.
 *
 * Changes are collected and passed to HiGHS in one call per kind (column bounds, row bounds,
 * costs) just before the next `restart` or `solve`: HiGHS then holds exactly the bounds and costs
 * the one-by-one calls would have left (only the last value of an index counts), and the
 * secondary suppression's thousands of changes per LP cost a few calls instead of a call each
 * through highs's JavaScript glue (which validated and looked up the native function every time).
 */
export class LinearProgramSession {
  private readonly model: ReturnType<typeof highs.createModel>;
  private colBounds: PendingChanges;
  private rowBounds: PendingChanges;
  private costs: PendingChanges;
  private primal = false;
  constructor(private readonly lp: LinearProgram) {
    this.model = highs.createModel(modelData(lp));
    this.model.options.set({ output_flag: false, presolve: 'off' });
    this.colBounds = new PendingChanges(lp.variables);
    this.rowBounds = new PendingChanges(lp.rows.length);
    this.costs = new PendingChanges(lp.variables);
  }
  /** Variables (columns) the model has now. */
  get variables(): number {
    return this.colBounds.size;
  }
  /** Rows the model has now. */
  get rows(): number {
    return this.rowBounds.size;
  }
  setBounds(j: number, lower: number, upper: number): void {
    this.colBounds.set(j, lower, upper);
  }
  /** Bounds of row i (−Infinity … Infinity switches it off). */
  setRowBounds(i: number, lower: number, upper: number): void {
    this.rowBounds.set(i, lower, upper);
  }
  /** Forgets the last basis: the next solve starts from all variables at a bound. */
  restart(): void {
    this.flush();
    this.model.setLogicalBasis();
  }
  setCost(j: number, cost: number): void {
    this.costs.set(j, cost);
  }
  /**
   * Solves from now on by the primal simplex instead of HiGHS's default dual simplex. After a
   * change of costs alone the last basis is still primal feasible, so the primal simplex goes on
   * from it; the dual simplex must first repair its dual feasibility. On the audit's models
   * (polytope-ranges.ts) an LP of a new objective took ~4–7 times fewer CPU this way. The optimum
   * is the same; where several points attain it, the two may return different ones.
   */
  usePrimalSimplex(): void {
    this.primal = true;
    this.model.options.set({ simplex_strategy: PRIMAL_SIMPLEX });
  }
  /** Appends variables numbered from `variables` on, in no row yet (rows added later may name them). */
  addVariables(lower: readonly number[], upper: readonly number[], cost: readonly number[]): void {
    const k = lower.length;
    if (k === 0) return;
    this.flush();
    this.model.addCols({
      cost: Float64Array.from(cost),
      lower: Float64Array.from(lower, toHighs),
      upper: Float64Array.from(upper, toHighs),
      matrix: { format: 'csc', numRows: this.rows, numCols: k, starts: new Int32Array(k + 1), indices: new Int32Array(0), values: new Float64Array(0) },
    });
    this.colBounds = this.colBounds.resized(this.variables + k);
    this.costs = this.costs.resized(this.variables + k);
  }
  /** Appends rows numbered from `rows` on (over any variable the model has). */
  addRows(rows: LinearRows): void {
    if (rows.length === 0) return;
    this.flush();
    const { rowLower, rowUpper, matrix } = csrRows(rows, this.variables);
    this.model.addRows({ lower: rowLower, upper: rowUpper, matrix });
    this.rowBounds = this.rowBounds.resized(this.rows + rows.length);
  }
  /**
   * Removes every variable from `variables` on and every row from `rows` on. Bounds and costs
   * still pending for them are dropped, not sent: the secondary suppression switches its second
   * copy's ~10,000 columns off after each use and removes them before the next LP: sending
   * those changes first cost ~8 CPU-ms of the bundled registry's ~300 ms suppression
   * (docs/architecture.md#the-cost-of-a-cold-regeneration).
   */
  truncate(variables: number, rows: number): void {
    this.colBounds.forgetFrom(variables);
    this.costs.forgetFrom(variables);
    this.rowBounds.forgetFrom(rows);
    this.flush();
    if (rows < this.rows) this.model.deleteRows({ kind: 'range', from: rows, to: this.rows - 1 });
    if (variables < this.variables) this.model.deleteCols({ kind: 'range', from: variables, to: this.variables - 1 });
    this.rowBounds = this.rowBounds.resized(rows);
    this.colBounds = this.colBounds.resized(variables);
    this.costs = this.costs.resized(variables);
  }
  private flush(): void {
    const cols = this.colBounds.take();
    if (cols) this.model.changeColsBounds({ kind: 'set', indices: cols.indices }, cols.first, cols.second);
    const rows = this.rowBounds.take();
    if (rows) this.model.changeRowsBounds({ kind: 'set', indices: rows.indices }, rows.first, rows.second);
    const costs = this.costs.take();
    if (costs) this.model.changeColsCost({ kind: 'set', indices: costs.indices }, costs.first);
  }
  solve(): LinearSolution {
    this.flush();
    this.model.run();
    let status = this.model.getModelStatus();
    const ms = highs.constants.modelStatus;
    // HiGHS's primal simplex now and then stops without a verdict (model status "unknown": twice
    // in the tests' audits; the dual simplex from where it stopped did too): that LP is solved
    // again by the dual simplex from the logical basis.
    if (this.primal && status !== ms.optimal) {
      this.model.options.set({ simplex_strategy: DUAL_SIMPLEX });
      this.model.setLogicalBasis();
      this.model.run();
      status = this.model.getModelStatus();
      this.model.options.set({ simplex_strategy: PRIMAL_SIMPLEX });
    }
    const values = new Array<number>(this.variables).fill(0);
    if (status === ms.infeasible) return { status: 'infeasible', objective: NaN, values };
    if (status === ms.unbounded || status === ms.unboundedOrInfeasible) {
      return { status: 'unbounded', objective: this.lp.sense === 'max' ? Infinity : -Infinity, values };
    }
    if (status !== ms.optimal) throw new Error(`HiGHS stopped with model status ${status}`);
    const col = this.model.getSolution().colValue;
    for (let j = 0; j < values.length; j++) values[j] = col[j]!;
    return { status: 'optimal', objective: this.model.getObjectiveValue(), values };
  }
  dispose(): void {
    this.model.dispose();
  }
}

export function solveLinearProgram(lp: LinearProgram): LinearSolution {
  const session = new LinearProgramSession(lp);
  try {
    return session.solve();
  } finally {
    session.dispose();
  }
}
