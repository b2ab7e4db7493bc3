/**
 * Missing costs, QALYs, baseline utilities and covariates by multiple imputation with chained
 * equations, separately per arm (so the imputation model allows every arm difference), with the
 * existing `chainedEquations` (PMM, which keeps the skewed cost distribution and imputes only
 * observed values). docs/plan-cea.md#missing-data.
 */
import { chainedEquations, type ImputationColumn } from '../stats/missing/chained-equations.js';
import type { CeaRegressionData } from './incremental-regression.js';

/** Patient-level columns of the regressions; null = missing. */
export interface CeaColumns {
  arm: readonly number[];
  baselineUtility: readonly (number | null)[];
  cost: readonly (number | null)[];
  qaly: readonly (number | null)[];
  covariates: readonly { name: string; values: readonly (number | null)[] }[];
}

/** The columns the regressions impute, each named for a reader (imputable-resamples.ts lists them in this order). */
export function imputedColumns(c: CeaColumns): { words: string; values: readonly (number | null)[] }[] {
  const out = [
    { words: 'baseline EQ-5D utilities', values: c.baselineUtility },
    { words: 'QALYs', values: c.qaly },
    { words: 'total costs', values: c.cost },
  ];
  for (const x of c.covariates) out.push({ words: `values of the covariate "${x.name}"`, values: x.values });
  return out;
}

/**
 * The imputed columns' values in the order of `imputedColumns`, without their words (the
 * bootstrap asks per replicate). Built by loops, not `map`, like every array the bootstrap's
 * optimised code reads (chained-equations.ts's `mapped`: one elements kind in every tier).
 */
export function imputedValues(c: CeaColumns): (readonly (number | null)[])[] {
  const out = [c.baselineUtility, c.qaly, c.cost];
  for (const x of c.covariates) out.push(x.values);
  return out;
}

/** Whether any imputed column misses a value of any patient. */
export function hasMissing(c: CeaColumns): boolean {
  for (const col of imputedValues(c)) {
    for (let i = 0; i < c.arm.length; i++) if (col[i] === null) return true;
  }
  return false;
}

/**
 * Whether any imputed column misses a value of `rows` (a bootstrap sample, or an arm's rows of it).
 * Its own function, apart from {@link hasMissing} and {@link missingAt}: V8 optimises it on the
 * bootstrap's row arrays, and the code was thrown away ("wrong map") when the same function was
 * asked of all patients by a scenario's point estimate, then of one patient's `[i]` by the
 * complete-case scenario (docs/architecture.md#the-cost-of-a-cold-regeneration).
 */
export function missingIn(c: CeaColumns, rows: readonly number[]): boolean {
  // Patient by patient, each of their imputed values: the first patient with a gap ends it. Column
  // by column, a column without gaps (often the baseline utilities) was read whole before the
  // first gap of the next, in each of the bootstrap's ~17,000 calls (~3 million reads of the
  // bundled CEA's baseline column: docs/architecture.md#the-cost-of-a-cold-regeneration).
  const cols = imputedValues(c);
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    for (let j = 0; j < cols.length; j++) if (cols[j]![i] === null) return true;
  }
  return false;
}

/** Whether any imputed column misses the value of patient (row) `i`. */
export function missingAt(c: CeaColumns, i: number): boolean {
  for (const col of imputedValues(c)) if (col[i] === null) return true;
  return false;
}

/** Rows `rows` (with repeats, as a bootstrap sample) as complete regression data; throws if any is missing. */
export function completeData(c: CeaColumns, rows: readonly number[]): CeaRegressionData {
  const take = (col: readonly (number | null)[]) => pickRows(col, rows) as number[];
  const covariates: number[][] = [];
  for (const x of c.covariates) covariates.push(take(x.values));
  return { arm: pickRows(c.arm, rows), baselineUtility: take(c.baselineUtility), cost: take(c.cost), qaly: take(c.qaly), covariates };
}

/**
 * m completed data sets of rows `rows`: the intervention rows imputed among themselves, then the
 * control rows, each arm by `chainedEquations(m, maxit = 5, pmm)` with its own seed drawn from
 * `seed`. Rows keep their order.
 */
export function imputeByArm(c: CeaColumns, rows: readonly number[], m: number, seed: number): CeaRegressionData[] {
  const n = rows.length;
  const nCov = c.covariates.length;
  const arm = pickRows(c.arm, rows);
  const filled = Array.from({ length: m }, () => ({
    u0: new Array<number>(n), cost: new Array<number>(n), qaly: new Array<number>(n),
    cov: Array.from({ length: nCov }, () => new Array<number>(n)),
  }));
  for (const [a, armSeed] of [[1, seed], [0, seed + 7919]] as const) {
    // The rows of this arm: positions in `rows`, and the patients they are.
    const pos: number[] = [];
    for (let k = 0; k < n; k++) if (c.arm[rows[k]!] === a) pos.push(k);
    const patients = pickRows(rows, pos);
    const columns: ImputationColumn[] = [
      { name: 'u0', values: pickRows(c.baselineUtility, patients) },
      { name: 'qaly', values: pickRows(c.qaly, patients) },
      { name: 'cost', values: pickRows(c.cost, patients) },
    ];
    for (let j = 0; j < nCov; j++) columns.push({ name: `x${j}`, values: pickRows(c.covariates[j]!.values, patients) });
    const anyMissing = missingIn(c, patients);
    const completed = anyMissing
      ? chainedEquations(columns, { m, seed: armSeed, method: 'pmm' }).completed
      : Array.from({ length: m }, () => Object.fromEntries(columns.map((col) => [col.name, col.values as number[]])));
    for (let l = 0; l < m; l++) {
      const d = completed[l]!;
      const f = filled[l]!;
      scatter(d.u0!, pos, f.u0);
      scatter(d.cost!, pos, f.cost);
      scatter(d.qaly!, pos, f.qaly);
      for (let j = 0; j < nCov; j++) scatter(d[`x${j}`]!, pos, f.cov[j]!);
    }
  }
  const out: CeaRegressionData[] = [];
  for (const f of filled) out.push({ arm: arm.slice(), baselineUtility: f.u0, cost: f.cost, qaly: f.qaly, covariates: f.cov });
  return out;
}

/** col[index[t]] for each t (small loops of their own: the bootstrap runs them thousands of times). */
function pickRows<T>(col: readonly T[], index: readonly number[]): T[] {
  const out = new Array<T>(index.length);
  for (let t = 0; t < index.length; t++) out[t] = col[index[t]!]!;
  return out;
}

/** out[pos[t]] = values[t] for each t. */
function scatter(values: readonly number[], pos: readonly number[], out: number[]): void {
  for (let t = 0; t < pos.length; t++) out[pos[t]!] = values[t]!;
}
