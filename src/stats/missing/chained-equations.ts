import { HtaError } from '../../errors.js';
import { createRandom, type Random } from '../random.js';
import { type DrawFit, leastSquaresForDraw } from './least-squares.js';
import { type Design, imputeNormDesign, imputeNormFromFit } from './mice-norm.js';
import { imputePmmDesign, imputePmmPrepared, type PmmPrepared, preparePmm } from './mice-pmm.js';

export type ImputationMethod = 'pmm' | 'norm';

/** One numeric column of a wide data set (one row per patient); null/NaN = missing. */
export interface ImputationColumn {
  name: string;
  values: readonly (number | null)[];
  /** Overrides the default method for this column (only used when it has missing values). */
  method?: ImputationMethod;
}

export interface ChainedEquationsOptions {
  /** Number of imputations (default 20). */
  m?: number;
  /** Gibbs iterations per chain (default 5, as mice). */
  maxit?: number;
  /** Seed for createRandom; same seed → identical completed data sets. */
  seed: number;
  /** Default method for incomplete columns (default 'pmm'). */
  method?: ImputationMethod;
  /** PMM donor pool size (default 5). */
  donors?: number;
  /**
   * Predictors per incomplete column (default: every other column, as mice's default
   * predictorMatrix). Columns named here must exist.
   */
  predictors?: Record<string, readonly string[]>;
  /** Called after each iteration of each chain: done of total = m·maxit. */
  onProgress?: (done: number, total: number) => void;
}

export interface ChainedEquationsResult {
  method: 'mice';
  m: number;
  maxit: number;
  seed: number;
  /** Incomplete columns in the order they are imputed (monotone: fewest missing first). */
  visitSequence: string[];
  /** Method per column ('' for complete columns), like `imp$method`. */
  methods: Record<string, ImputationMethod | ''>;
  /** Per column, true where the value was missing (and so is imputed in every data set). */
  missing: Record<string, boolean[]>;
  /** The m completed data sets, each column → values (no missing). */
  completed: Record<string, number[]>[];
}

/**
 * Multiple imputation by chained equations (fully conditional specification). For each of m
 * independent chains: missing values start as random draws from the observed values of their
 * column; then, for `maxit` iterations, each incomplete column j in the visit sequence is imputed
 * from its predictors (current completed values) by PMM or Bayesian normal regression:
 *
 *   ẏ_j ~ P(y_j | y_{−j}, θ*_j),  θ*_j drawn from its posterior given the rows where y_j is observed.
 *
 * The visit sequence is "monotone" (columns ordered by increasing number of missing values), so a
 * monotone dropout pattern (6w → 3m → 6m → 9m) is imputed visit by visit.
 *
 * R equivalent: `mice(data, m = 20, maxit = 5, method = "pmm", visitSequence = "monotone",
 * seed = …)` followed by `complete(imp, "all")`. RNG streams differ from R: results agree in
 * distribution, not draw by draw. Not replicated from mice: automatic removal of constant or
 * collinear predictors (a ridge penalty κ = 1e-5 is applied instead when XᵀX is near singular),
 * passive imputation, and categorical methods.
 *
 * References: van Buuren S, Groothuis-Oudshoorn K (2011) mice: Multivariate imputation by chained
 * equations in R, J Stat Softw 45(3):1–67, doi:10.18637/jss.v045.i03; Rubin DB (1987)
 * doi:10.1002/9780470316696.
 *
 * Preconditions: at least one column; all columns the same length; every incomplete column has at
 * least 2 observed values; m ≥ 1, maxit ≥ 1. Complete columns serve as predictors only.
 *
 * @throws HtaError('input.invalid') for unequal lengths or unknown predictor names;
 *   HtaError('analysis.failed') when a column has too few observed values.
 * @example
 *   const imp = chainedEquations([{ name: 'arm', values: arm }, { name: 'y_9m', values: y9 }], { seed: 1 });
 *   imp.completed.length // 20
 */
export function chainedEquations(
  columns: readonly ImputationColumn[],
  options: ChainedEquationsOptions,
): ChainedEquationsResult {
  const m = options.m ?? 20;
  const maxit = options.maxit ?? 5;
  const donors = options.donors ?? 5;
  const defaultMethod = options.method ?? 'pmm';
  if (!Number.isInteger(m) || m < 1) throw new HtaError('usage.invalid', `m must be a positive integer, got ${m}.`);
  if (!Number.isInteger(maxit) || maxit < 1) throw new HtaError('usage.invalid', `maxit must be a positive integer, got ${maxit}.`);
  if (!Number.isInteger(donors) || donors < 1) throw new HtaError('usage.invalid', `donors must be a positive integer, got ${donors}.`);
  if (columns.length === 0) throw new HtaError('input.invalid', 'chainedEquations needs at least one column.');
  const n = columns[0]!.values.length;
  const names = columns.map((c) => c.name);
  if (new Set(names).size !== names.length) throw new HtaError('input.invalid', `Duplicate column names in [${names.join(', ')}].`);
  for (const c of columns) {
    if (c.values.length !== n) {
      throw new HtaError('input.invalid', `Column ${c.name} has ${c.values.length} values; ${columns[0]!.name} has ${n}.`);
    }
  }
  const missing: Record<string, boolean[]> = {};
  const methods: Record<string, ImputationMethod | ''> = {};
  const nMissing = new Map<string, number>();
  for (const c of columns) {
    const mask = new Array<boolean>(n);
    let k = 0;
    for (let i = 0; i < n; i++) {
      const v = c.values[i];
      if (v === null || v === undefined || Number.isNaN(v)) {
        mask[i] = true;
        k++;
      } else {
        mask[i] = false;
        if (!Number.isFinite(v)) throw new HtaError('input.invalid', `Column ${c.name} row ${i + 1} is ${v}; expected a finite number or missing.`);
      }
    }
    missing[c.name] = mask;
    nMissing.set(c.name, k);
    methods[c.name] = k > 0 ? (c.method ?? defaultMethod) : '';
    if (k > 0 && n - k < 2) {
      throw new HtaError('analysis.failed', `Column ${c.name} has only ${n - k} observed values; at least 2 are needed to impute it.`);
    }
  }
  const visitSequence = columns
    .map((c, i) => ({ name: c.name, i, k: nMissing.get(c.name)! }))
    .filter((c) => c.k > 0)
    .sort((a, b) => a.k - b.k || a.i - b.i)
    .map((c) => c.name);
  const predictors: Record<string, string[]> = {};
  for (const name of visitSequence) {
    const chosen = options.predictors?.[name] ?? names.filter((x) => x !== name);
    for (const x of chosen) {
      if (!names.includes(x) || x === name) {
        throw new HtaError('input.invalid', `Predictor ${JSON.stringify(x)} for ${name} is not another column (have ${names.join(', ')}).`);
      }
    }
    predictors[name] = [...chosen];
  }

  const rng = createRandom(options.seed);
  const total = m * maxit;
  const chains: Record<string, number[]>[] = [];
  for (let chain = 0; chain < m; chain++) chains.push(initialise(columns, missing, rng));
  let done = 0;
  // Which rows are observed and which missing, per incomplete column, and the buffers of its
  // designs: fixed across iterations and chains, so allocated once.
  const rowsOf = new Map(visitSequence.map((name): [string, ColumnRows] => {
    const mask = missing[name]!;
    const obs: number[] = [];
    const mis: number[] = [];
    mask.forEach((m, i) => (m ? mis : obs).push(i));
    const p = predictors[name]!.length + 1;
    // No predictor is missing where this column is observed: its observed rows, and so their
    // fit, are the observed values in every iteration of every chain (the CEA's costs and QALYs,
    // missing together, each predicted from the other and the complete baseline).
    const fixed = predictors[name]!.every((x) => obs.every((i) => !missing[x]![i]));
    return [name, {
      obs: Int32Array.from(obs), mis: Int32Array.from(mis), yObs: new Float64Array(obs.length),
      xObs: { x: new Float64Array(obs.length * p), n: obs.length, p }, xMis: { x: new Float64Array(mis.length * p), n: mis.length, p },
      fixed, prepared: undefined,
    }];
  }));
  // Iteration outer, chain inner: mice's sampler order.
  for (let iter = 0; iter < maxit; iter++) {
    for (const data of chains) {
      for (const name of visitSequence) imputeColumn(data, name, predictors[name]!, rowsOf.get(name)!, methods[name] as ImputationMethod, donors, rng);
      done++;
      options.onProgress?.(done, total);
    }
  }
  return { method: 'mice', m, maxit, seed: options.seed, visitSequence, methods, missing, completed: chains };
}

/** Starting values: each missing value a random draw from the column's observed values (mice.impute.sample). */
function initialise(columns: readonly ImputationColumn[], missing: Record<string, boolean[]>, rng: Random): Record<string, number[]> {
  const data: Record<string, number[]> = {};
  for (const c of columns) {
    const mask = missing[c.name]!;
    const observed = c.values.filter((_, i) => !mask[i]) as number[];
    data[c.name] = c.values.map((v, i) => (mask[i] ? observed[rng.int(observed.length)]! : (v as number)));
  }
  return data;
}

interface ColumnRows {
  obs: Int32Array;
  mis: Int32Array;
  yObs: Float64Array;
  xObs: Design;
  xMis: Design;
  /** The observed rows never change (see chainedEquations): `prepared` then serves every draw. */
  fixed: boolean;
  /** The fit of the fixed observed rows, from the first draw on (it draws nothing itself). */
  prepared: PmmPrepared | DrawFit | undefined;
}

function imputeColumn(
  data: Record<string, number[]>,
  name: string,
  predictorNames: readonly string[],
  rows: ColumnRows,
  method: ImputationMethod,
  donors: number,
  rng: Random,
): void {
  const y = data[name]!;
  const cols = predictorNames.map((p) => data[p]!);
  const { yObs, xObs, xMis } = rows;
  fillDesign(xMis, cols, rows.mis);
  let imputed: number[];
  if (rows.fixed) {
    if (!rows.prepared) {
      for (let i = 0; i < rows.obs.length; i++) yObs[i] = y[rows.obs[i]!]!;
      fillDesign(xObs, cols, rows.obs);
      rows.prepared = method === 'pmm' ? preparePmm(yObs, xObs, true) : leastSquaresForDraw(xObs.x, xObs.n, xObs.p, yObs);
    }
    imputed = method === 'pmm' ? imputePmmPrepared(rows.prepared as PmmPrepared, xMis, rng, donors) : imputeNormFromFit(rows.prepared as DrawFit, xMis, rng);
  } else {
    for (let i = 0; i < rows.obs.length; i++) yObs[i] = y[rows.obs[i]!]!;
    fillDesign(xObs, cols, rows.obs);
    imputed = method === 'pmm' ? imputePmmDesign(yObs, xObs, xMis, rng, donors) : imputeNormDesign(yObs, xObs, xMis, rng);
  }
  for (let k = 0; k < rows.mis.length; k++) y[rows.mis[k]!] = imputed[k]!;
}

/** Fills `d` with the rows `index` of the predictor columns, intercept first, column-major (mice-norm.ts's Design). */
function fillDesign(d: Design, cols: readonly (readonly number[])[], index: Int32Array): void {
  const { x, n, p } = d;
  x.fill(1, 0, n);
  for (let j = 1; j < p; j++) {
    const col = cols[j - 1]!;
    const at = j * n;
    for (let i = 0; i < n; i++) x[at + i] = col[index[i]!]!;
  }
}
