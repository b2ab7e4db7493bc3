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

export function hasMissing(c: CeaColumns, rows?: readonly number[]): boolean {
  const cols = [c.baselineUtility, c.cost, c.qaly, ...c.covariates.map((x) => x.values)];
  const idx = rows ?? c.arm.map((_, i) => i);
  for (const col of cols) for (const i of idx) if (col[i] === null) return true;
  return false;
}

/** Rows `rows` (with repeats, as a bootstrap sample) as complete regression data; throws if any is missing. */
export function completeData(c: CeaColumns, rows: readonly number[]): CeaRegressionData {
  const take = (col: readonly (number | null)[]) => rows.map((i) => col[i] as number);
  return { arm: rows.map((i) => c.arm[i]!), baselineUtility: take(c.baselineUtility), cost: take(c.cost), qaly: take(c.qaly), covariates: c.covariates.map((x) => take(x.values)) };
}

/**
 * m completed data sets of rows `rows`: the intervention rows imputed among themselves, then the
 * control rows, each arm by `chainedEquations(m, maxit = 5, pmm)` with its own seed drawn from
 * `seed`. Rows keep their order.
 */
export function imputeByArm(c: CeaColumns, rows: readonly number[], m: number, seed: number): CeaRegressionData[] {
  const out: CeaRegressionData[] = Array.from({ length: m }, () => ({ arm: rows.map((i) => c.arm[i]!), baselineUtility: [], cost: [], qaly: [], covariates: c.covariates.map(() => []) }));
  const filled = out.map(() => ({ u0: new Array<number>(rows.length), cost: new Array<number>(rows.length), qaly: new Array<number>(rows.length), cov: c.covariates.map(() => new Array<number>(rows.length)) }));
  for (const [a, armSeed] of [[1, seed], [0, seed + 7919]] as const) {
    const pos: number[] = [];
    for (let k = 0; k < rows.length; k++) if (c.arm[rows[k]!] === a) pos.push(k);
    const pick = (col: readonly (number | null)[]) => {
      const out = new Array<number | null>(pos.length);
      for (let t = 0; t < pos.length; t++) out[t] = col[rows[pos[t]!]!]!;
      return out;
    };
    const columns: ImputationColumn[] = [
      { name: 'u0', values: pick(c.baselineUtility) },
      { name: 'qaly', values: pick(c.qaly) },
      { name: 'cost', values: pick(c.cost) },
      ...c.covariates.map((x, j) => ({ name: `x${j}`, values: pick(x.values) })),
    ];
    const anyMissing = columns.some((col) => col.values.some((v) => v === null));
    const completed = anyMissing
      ? chainedEquations(columns, { m, seed: armSeed, method: 'pmm' }).completed
      : Array.from({ length: m }, () => Object.fromEntries(columns.map((col) => [col.name, col.values as number[]])));
    completed.forEach((d, l) => {
      const f = filled[l]!;
      const [u0, cost, qaly] = [d.u0!, d.cost!, d.qaly!];
      const cov = c.covariates.map((_, j) => d[`x${j}`]!);
      for (let t = 0; t < pos.length; t++) {
        const k = pos[t]!;
        f.u0[k] = u0[t]!;
        f.cost[k] = cost[t]!;
        f.qaly[k] = qaly[t]!;
        for (let j = 0; j < cov.length; j++) f.cov[j]![k] = cov[j]![t]!;
      }
    });
  }
  return out.map((d, l) => ({ ...d, baselineUtility: filled[l]!.u0, cost: filled[l]!.cost, qaly: filled[l]!.qaly, covariates: filled[l]!.cov }));
}
