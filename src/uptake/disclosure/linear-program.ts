/**
 * A small linear program and its solution by HiGHS (the `highs` package: the HiGHS solver
 * compiled to WebAssembly, bundled in the package, so it works offline). Both the secondary
 * suppression (`secondary-suppression.ts`) and the attacker audit (`attacker-audit.ts`) solve
 * their LPs through this one function; it knows nothing about tables.
 *
 * Variables are numbered 0…n−1; each has bounds [lower, upper] (upper may be Infinity). The rows
 * go to HiGHS as a sparse matrix; `lpText` writes the same LP in CPLEX LP format for debugging.
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

export interface LinearProgram {
  sense: 'min' | 'max';
  variables: number;
  objective: readonly (readonly [number, number])[];
  rows: readonly LinearRow[];
  lower: readonly number[];
  upper: readonly number[];
}

export interface LinearSolution {
  status: 'optimal' | 'infeasible' | 'unbounded';
  objective: number;
  values: number[];
}

/** Rows as a compressed-sparse-row matrix with row bounds. */
function modelData(lp: LinearProgram) {
  const starts = [0], indices: number[] = [], values: number[] = [], rowLower: number[] = [], rowUpper: number[] = [];
  for (const r of lp.rows) {
    const merged = new Map<number, number>();
    for (const [j, c] of r.terms) merged.set(j, (merged.get(j) ?? 0) + c);
    for (const [j, c] of [...merged].sort((a, b) => a[0] - b[0])) if (c !== 0) { indices.push(j); values.push(c); }
    starts.push(indices.length);
    rowLower.push(r.sense === '<=' ? -highs.infinity : r.rhs);
    rowUpper.push(r.sense === '>=' || r.rhs === Infinity ? highs.infinity : r.rhs);
  }
  const colCost = new Array<number>(lp.variables).fill(0);
  for (const [j, c] of lp.objective) colCost[j] = (colCost[j] ?? 0) + c;
  const inf = (v: number) => (v === Infinity ? highs.infinity : v === -Infinity ? -highs.infinity : v);
  return {
    numCols: lp.variables,
    numRows: lp.rows.length,
    sense: lp.sense === 'min' ? highs.constants.objectiveSense.minimize : highs.constants.objectiveSense.maximize,
    colCost,
    colLower: Array.from({ length: lp.variables }, (_, j) => inf(lp.lower[j] ?? 0)),
    colUpper: Array.from({ length: lp.variables }, (_, j) => inf(lp.upper[j] ?? Infinity)),
    rowLower,
    rowUpper,
    matrix: { format: 'csr' as const, numRows: lp.rows.length, numCols: lp.variables, starts, indices, values },
  };
}

/**
 * A model kept in memory for repeated solves that change only bounds and costs (HiGHS then
 * starts from the previous basis). Call `dispose` when done: the solver's memory lives in Wasm.
 */
export class LinearProgramSession {
  private readonly model: ReturnType<typeof highs.createModel>;
  constructor(private readonly lp: LinearProgram) {
    this.model = highs.createModel(modelData(lp));
    this.model.options.set({ output_flag: false, presolve: 'off' });
  }
  setBounds(j: number, lower: number, upper: number): void {
    this.model.changeColBounds(j, lower === -Infinity ? -highs.infinity : lower, upper === Infinity ? highs.infinity : upper);
  }
  /** Bounds of row i (−Infinity … Infinity switches it off). */
  setRowBounds(i: number, lower: number, upper: number): void {
    this.model.changeRowBounds(i, lower === -Infinity ? -highs.infinity : lower, upper === Infinity ? highs.infinity : upper);
  }
  /** Forgets the last basis: the next solve starts from all variables at a bound. */
  restart(): void {
    this.model.setLogicalBasis();
  }
  setCost(j: number, cost: number): void {
    this.model.changeColCost(j, cost);
  }
  solve(): LinearSolution {
    this.model.run();
    const status = this.model.getModelStatus();
    const values = new Array<number>(this.lp.variables).fill(0);
    const ms = highs.constants.modelStatus;
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
