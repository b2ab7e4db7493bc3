import { HtaError } from '../../errors.js';
import { createRandom, type Random } from '../random.js';
import { type DrawFit, leastSquaresForDraw } from './least-squares.js';
import { type Design, imputeNormFromFit } from './mice-norm.js';
import { imputeLogreg, LogregFitError } from './mice-logreg.js';
import { imputePolyreg } from './mice-polyreg.js';
import { imputePmmPrepared, type PmmPrepared, type PmmStore, preparePmm } from './mice-pmm.js';

/**
 * 'logreg' (mice-logreg.ts) is for a 0/1 column: a binary categorical covariate's dummy;
 * 'polyreg' (mice-polyreg.ts) for the dummies of a categorical covariate of more levels, imputed
 * together (their `group`).
 */
export type ImputationMethod = 'pmm' | 'norm' | 'logreg' | 'polyreg';

/** One numeric column of a wide data set (one row per patient); null/NaN = missing. */
export interface ImputationColumn {
  name: string;
  values: readonly (number | null)[];
  /** Overrides the default method for this column (only used when it has missing values). */
  method?: ImputationMethod;
  /**
   * With method 'polyreg': the categorical variable whose 0/1 dummy (treatment coding) this column
   * is. Its dummies are adjacent, missing in the same rows, and imputed as one categorical value
   * (at most one of them 1) from every column outside the group.
   */
  group?: string;
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
 * passive imputation, and the categorical methods other than "logreg" (a 0/1 column given
 * `method: 'logreg'`: mice-logreg.ts) and "polyreg" (the dummies of one `group`: mice-polyreg.ts).
 *
 * References: van Buuren S, Groothuis-Oudshoorn K (2011) mice: Multivariate imputation by chained
 * equations in R, J Stat Softw 45(3):1–67, doi:10.18637/jss.v045.i03; Rubin DB (1987)
 * doi:10.1002/9780470316696.
 *
 * Preconditions: at least one column; all columns the same length; every incomplete column has at
 * least 2 observed values; m ≥ 1, maxit ≥ 1. Complete columns serve as predictors only.
 *
 * @throws HtaError('input.invalid') for unequal lengths or unknown predictor names;
 *   HtaError('analysis.failed') when a column has too few observed values, or a column so far out
 *   of scale (1e+200) that the least squares cannot be fitted.
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
  const names = mapped(columns, (c) => c.name);
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
    const mask = missingMask(c);
    let k = 0;
    for (let i = 0; i < n; i++) if (mask[i]) k++;
    missing[c.name] = mask;
    nMissing.set(c.name, k);
    methods[c.name] = k > 0 ? (c.method ?? defaultMethod) : '';
    if (k > 0 && n - k < 2) {
      throw new HtaError('analysis.failed', `Column ${c.name} has only ${n - k} observed values; at least 2 are needed to impute it.`);
    }
  }
  const visitSequence = monotoneVisitSequence(names, nMissing);
  // A polyreg group's dummies: checked once here, imputed by one step (its first column's).
  const groupOf = new Map<string, string>();
  const members = new Map<string, number[]>();
  columns.forEach((c, j) => {
    if (c.method !== 'polyreg' || nMissing.get(c.name) === 0) return;
    if (c.group === undefined) throw new HtaError('input.invalid', `Column ${c.name} has method 'polyreg' and no group.`);
    groupOf.set(c.name, c.group);
    members.set(c.group, [...(members.get(c.group) ?? []), j]);
  });
  for (const [group, at] of members) {
    const first = missing[names[at[0]!]!]!;
    if (at.some((j, k) => j !== at[0]! + k || missing[names[j]!]!.some((x, i) => x !== first[i]))) {
      throw new HtaError('input.invalid', `The columns of group ${group} must be adjacent and missing in the same rows.`);
    }
  }
  const predictors: Record<string, string[]> = {};
  for (const name of visitSequence) {
    const group = groupOf.get(name);
    let chosen = options.predictors?.[name];
    if (!chosen) {
      // Pushed, not `filter`ed: one elements kind in every tier (see `mapped`).
      const all: string[] = [];
      for (const x of names) if (x !== name && (group === undefined || groupOf.get(x) !== group)) all.push(x);
      chosen = all;
    }
    for (const x of chosen) {
      if (!names.includes(x) || x === name) {
        throw new HtaError('input.invalid', `Predictor ${JSON.stringify(x)} for ${name} is not another column (have ${names.join(', ')}).`);
      }
    }
    predictors[name] = [...chosen];
  }

  const rng = createRandom(options.seed);
  // Each chain's columns by index (in `columns`' order) while it is sampled; the observed values of
  // every column are the same for each chain's starting draws, so they are gathered once.
  const masks = mapped(names, (name) => missing[name]!);
  const observed = mapped(columns, (c, j) => (nMissing.get(c.name)! > 0 ? observedValues(c.values, masks[j]!) : undefined));
  const chains: number[][][] = [];
  const groupStart = new Int32Array(columns.length).fill(-1);
  for (const at of members.values()) for (const j of at) groupStart[j] = at[0]!;
  for (let chain = 0; chain < m; chain++) chains.push(initialise(columns, masks, observed, groupStart, rng));
  // Which rows are observed and which missing, per incomplete column, and the buffers of its
  // designs: fixed across iterations and chains, so set up once, in the shared workspace.
  const sizes = mapped(visitSequence, (name) => ({ nMis: nMissing.get(name)!, nObs: n - nMissing.get(name)!, p: predictors[name]!.length + 1 }));
  let i32Length = 0;
  let f64Length = 0;
  for (const c of sizes) {
    i32Length += 2 * c.nObs + c.nMis;
    f64Length += 3 * c.nObs + (c.nObs + c.nMis) * c.p + c.p * c.p;
  }
  const space = claimWorkspace(i32Length, f64Length);
  try {
    const steps: Step[] = [];
    for (let v = 0; v < visitSequence.length; v++) {
      const name = visitSequence[v]!;
      const group = groupOf.get(name);
      const dummies = group === undefined ? undefined : Int32Array.from(members.get(group)!);
      // A group is one step, its first dummy's: the others are imputed with it.
      if (dummies && dummies[0] !== names.indexOf(name)) continue;
      const { nObs, nMis, p } = sizes[v]!;
      const rows = columnRows(missing[name]!, mapped(predictors[name]!, (x) => missing[x]!), nObs, nMis, p, space);
      const at = mapped(predictors[name]!, (x) => names.indexOf(x));
      const step: Step = { column: names.indexOf(name), predictors: Int32Array.from(at), cols: new Array<number[]>(at.length), rows, method: methods[name] as ImputationMethod };
      if (dummies) step.dummies = dummies;
      steps.push(step);
    }
    // Iteration outer, chain inner: mice's sampler order. (The sweeps and the setup above are
    // functions of their own: one long body, optimised as a whole with everything inlined into
    // it, cost the compiler more CPU than the CEA bootstrap's arithmetic.)
    sample(chains, steps, maxit, donors, rng, options.onProgress);
  } catch (e) {
    if (e instanceof LogregFitError && e.column !== undefined) {
      throw new HtaError('analysis.failed', `Column ${names[e.column]} could not be imputed: the logistic imputation model could not be fitted: it is singular even with a ridge (look for extreme values among the other columns of the imputation model).`);
    }
    // The ridge's XᵀX beyond a double (a column of 1e+200s): the loader refuses such cells
    // (trial/model-magnitude.ts); any other caller gets the column named, not an internal error.
    if (e instanceof RangeError && e.message.startsWith('leastSquares')) throw leastSquaresFailure(columns);
    throw e;
  } finally {
    space.release();
  }
  const completed = mapped(chains, (data) => {
    const out: Record<string, number[]> = {};
    for (let j = 0; j < names.length; j++) out[names[j]!] = data[j]!;
    return out;
  });
  return { method: 'mice', m, maxit, seed: options.seed, visitSequence, methods, missing, completed };
}

/**
 * The incomplete columns by increasing number of missing values, ties in column order ("monotone"):
 * a stable insertion sort by plain loops (this runs thousands of times in the CEA bootstrap).
 */
function monotoneVisitSequence(names: readonly string[], nMissing: ReadonlyMap<string, number>): string[] {
  const out: string[] = [];
  const k: number[] = [];
  for (const name of names) {
    const missing = nMissing.get(name)!;
    if (missing === 0) continue;
    let at = out.length;
    while (at > 0 && k[at - 1]! > missing) at--;
    out.splice(at, 0, name);
    k.splice(at, 0, missing);
  }
  return out;
}

/**
 * f of each element of xs, as a new array. Not `Array.prototype.map`, whose result V8 makes
 * packed when the caller runs unoptimised and holey once the caller is optimised (map inlined):
 * code optimised on the arrays of the CEA bootstrap's first replicates then met the other kind,
 * was thrown away ("wrong map") and compiled again — several times per run, and the chained
 * equations' set-up ran unoptimised for most of the bootstrap
 * (docs/architecture.md#the-cost-of-a-cold-regeneration). `new Array(n)` is holey in both.
 */
function mapped<T, U>(xs: readonly T[], f: (x: T, i: number) => U): U[] {
  const out = new Array<U>(xs.length);
  for (let i = 0; i < xs.length; i++) out[i] = f(xs[i]!, i);
  return out;
}

/** The Gibbs sweeps: `maxit` iterations, each over every chain, each over the visit sequence. */
function sample(
  chains: readonly number[][][],
  steps: readonly Step[],
  maxit: number,
  donors: number,
  rng: Random,
  onProgress: ((done: number, total: number) => void) | undefined,
): void {
  const total = chains.length * maxit;
  let done = 0;
  for (let iter = 0; iter < maxit; iter++) {
    for (const data of chains) {
      for (const step of steps) imputeColumn(data, step, donors, rng);
      done++;
      onProgress?.(done, total);
    }
  }
}

/** The row sets and buffers of an incomplete column with missing-value mask `mask`, in `space`. */
function columnRows(mask: readonly boolean[], predictorMasks: readonly (readonly boolean[])[], nObs: number, nMis: number, p: number, space: Workspace): ColumnRows {
  const obs = space.i32(nObs);
  const mis = space.i32(nMis);
  for (let i = 0, o = 0, u = 0; i < mask.length; i++) {
    if (mask[i]) mis[u++] = i;
    else obs[o++] = i;
  }
  // No predictor is missing where this column is observed: its observed rows, and so their fit,
  // are the observed values in every iteration of every chain (the CEA's costs and QALYs,
  // missing together, each predicted from the other and the complete baseline).
  let fixed = true;
  for (const mx of predictorMasks) {
    for (let o = 0; o < nObs && fixed; o++) if (mx[obs[o]!]) fixed = false;
  }
  return {
    obs, mis, yObs: space.f64(nObs),
    xObs: { x: space.f64(nObs * p), n: nObs, p }, xMis: { x: space.f64(nMis * p), n: nMis, p },
    fixed, prepared: undefined,
    store: { sortedYhat: space.f64(nObs), yByPosition: space.f64(nObs), groupStart: space.i32(nObs), covRoot: space.f64(p * p) },
  };
}

/**
 * Per row, true where the column's value is missing (null, undefined or NaN); throws for an
 * infinite value. Its own small function: the chained equations run thousands of times in the
 * CEA bootstrap, and this loop is optimised sooner here than inside their long body.
 */
function missingMask(c: ImputationColumn): boolean[] {
  const values = c.values;
  const n = values.length;
  const mask = new Array<boolean>(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined || Number.isNaN(v)) mask[i] = true;
    else {
      mask[i] = false;
      if (!Number.isFinite(v)) throw new HtaError('input.invalid', `Column ${c.name} row ${i + 1} is ${v}; expected a finite number or missing.`);
    }
  }
  return mask;
}

/** The values of the rows that `mask` does not mark missing, in row order. */
function observedValues(values: readonly (number | null)[], mask: readonly boolean[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (!mask[i]) out.push(values[i] as number);
  return out;
}

/**
 * Starting values, column j at index j: each missing value a random draw from the column's
 * observed values `observed[j]` (mice.impute.sample), columns and rows in order. A polyreg
 * group's dummies (`groupStart[j]` its first column, −1 outside a group) take one draw per row
 * for the group: the same observed row for each dummy, so that one level is drawn.
 */
function initialise(columns: readonly ImputationColumn[], masks: readonly (readonly boolean[])[], observed: readonly (readonly number[] | undefined)[], groupStart: Int32Array, rng: Random): number[][] {
  const data: number[][] = [];
  let drawn: Int32Array | undefined;
  for (let j = 0; j < columns.length; j++) {
    const mask = masks[j]!;
    const values = columns[j]!.values;
    const n = values.length;
    const obs = observed[j];
    const out = new Array<number>(n);
    const start = groupStart[j]!;
    if (start === j) drawn = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      if (!mask[i]) out[i] = values[i] as number;
      else if (start < 0) out[i] = obs![rng.int(obs!.length)]!;
      else {
        if (start === j) drawn![i] = rng.int(obs!.length);
        out[i] = obs![drawn![i]!]!;
      }
    }
    data.push(out);
  }
  return data;
}

/**
 * Typed-array space for the designs and fits of one chainedEquations call, reused by the next:
 * the CEA bootstrap makes thousands of calls, and an ArrayBuffer per design (its allocation, then
 * the GC's sweep of its backing store) cost more than their arithmetic. Nothing in it outlives
 * the call; a call nested in another (from onProgress) gets space of its own.
 */
let shared = { f64: new Float64Array(0), i32: new Int32Array(0), busy: false };

interface Workspace {
  f64(length: number): Float64Array;
  i32(length: number): Int32Array;
  release(): void;
}

function claimWorkspace(i32Length: number, f64Length: number): Workspace {
  let f64: Float64Array;
  let i32: Int32Array;
  const own = !shared.busy;
  if (own) {
    if (shared.f64.length < f64Length) shared.f64 = new Float64Array(Math.max(f64Length, 2 * shared.f64.length));
    if (shared.i32.length < i32Length) shared.i32 = new Int32Array(Math.max(i32Length, 2 * shared.i32.length));
    shared.busy = true;
    ({ f64, i32 } = shared);
  } else {
    f64 = new Float64Array(f64Length);
    i32 = new Int32Array(i32Length);
  }
  let atF = 0;
  let atI = 0;
  return {
    f64: (length) => f64.subarray(atF, (atF += length)),
    i32: (length) => i32.subarray(atI, (atI += length)),
    release: () => {
      if (own) shared.busy = false;
    },
  };
}

interface ColumnRows {
  obs: Int32Array;
  mis: Int32Array;
  yObs: Float64Array;
  xObs: Design;
  xMis: Design;
  /** The observed rows never change (see chainedEquations): `prepared` then serves every draw. */
  fixed: boolean;
  /** The fit of the observed rows (it draws nothing itself); kept across draws while `fixed`. */
  prepared: PmmPrepared | DrawFit | undefined;
  /** Where PMM keeps its sorted fitted values while they serve. */
  store: PmmStore;
}

/** One incomplete column's place in the visit sequence: its index, its predictors' indices and rows. */
interface Step {
  column: number;
  predictors: Int32Array;
  /** The predictors' current values, refilled at each draw (one array for all draws). */
  cols: number[][];
  rows: ColumnRows;
  method: ImputationMethod;
  /** A polyreg group's dummy columns (the first is `column`), imputed as one categorical value. */
  dummies?: Int32Array;
  /** A polyreg group's last fit, the start of its next (mice-polyreg.ts). */
  warm?: { beta?: Float64Array };
}

function imputeColumn(data: readonly number[][], step: Step, donors: number, rng: Random): void {
  const { rows, method, cols, predictors } = step;
  const y = data[step.column]!;
  for (let k = 0; k < predictors.length; k++) cols[k] = data[predictors[k]!]!;
  const { yObs, xObs, xMis } = rows;
  fillDesign(xMis, cols, rows.mis);
  if (step.dummies) {
    imputeGroup(data, step, rng);
    return;
  }
  if (method === 'logreg') {
    // Its augmentation reads the missing rows' predictors too: refitted at every draw.
    for (let i = 0; i < rows.obs.length; i++) yObs[i] = y[rows.obs[i]!]!;
    fillDesign(xObs, cols, rows.obs);
    const drawn = logregDraws(step, rng);
    for (let k = 0; k < rows.mis.length; k++) y[rows.mis[k]!] = drawn[k]!;
    return;
  }
  // Fixed observed rows are fitted once, at the first draw; others at every draw.
  if (!rows.fixed || !rows.prepared) {
    for (let i = 0; i < rows.obs.length; i++) yObs[i] = y[rows.obs[i]!]!;
    fillDesign(xObs, cols, rows.obs);
    rows.prepared = method === 'pmm' ? preparePmm(yObs, xObs, rows.store) : leastSquaresForDraw(xObs.x, xObs.n, xObs.p, yObs, rows.store.covRoot);
  }
  const imputed = method === 'pmm' ? imputePmmPrepared(rows.prepared as PmmPrepared, xMis, rng, donors) : imputeNormFromFit(rows.prepared as DrawFit, xMis, rng);
  for (let k = 0; k < rows.mis.length; k++) y[rows.mis[k]!] = imputed[k]!;
}

/** The column farthest out of scale, named with its largest value: what made the least squares fail. */
function leastSquaresFailure(columns: readonly { name: string; values: readonly (number | null)[] }[]): HtaError {
  let worst = { name: columns[0]!.name, value: 0 };
  for (const c of columns) for (const v of c.values) if (v !== null && Number.isFinite(v) && Math.abs(v) > Math.abs(worst.value)) worst = { name: c.name, value: v };
  return new HtaError('analysis.failed', `The imputation model could not be fitted by least squares (its sums of squares are beyond what a double holds, or it is singular even with a ridge): column ${worst.name} holds values as large as ${Number(worst.value.toPrecision(6))}, far out of scale with the others — check that column.`);
}

/** A logreg step's draws; a fit that cannot be computed says which column it was (chainedEquations names it). */
function logregDraws(step: Step, rng: Random): number[] {
  const { yObs, xObs, xMis } = step.rows;
  try {
    return imputeLogreg(yObs, xObs, xMis, rng);
  } catch (e) {
    if (e instanceof LogregFitError) e.column = step.column;
    throw e;
  }
}

/**
 * A polyreg step: the group's level per row (0 = every dummy 0, the reference; l = dummy l − 1
 * is 1), the observed ones imputed to the missing rows (mice-polyreg.ts), written back as dummies.
 * `cols` and `xMis` are those imputeColumn filled for this draw.
 */
function imputeGroup(data: readonly number[][], step: Step, rng: Random): void {
  const { rows, cols } = step;
  const dummies = step.dummies!;
  const levelAt = (i: number) => {
    for (let d = 0; d < dummies.length; d++) if (data[dummies[d]!]![i] === 1) return d + 1;
    return 0;
  };
  for (let o = 0; o < rows.obs.length; o++) rows.yObs[o] = levelAt(rows.obs[o]!);
  fillDesign(rows.xObs, cols, rows.obs);
  const drawn = imputePolyreg(rows.yObs, rows.xObs, rows.xMis, dummies.length + 1, rng, (step.warm ??= {}));
  for (let k = 0; k < rows.mis.length; k++) {
    for (let d = 0; d < dummies.length; d++) data[dummies[d]!]![rows.mis[k]!] = drawn[k] === d + 1 ? 1 : 0;
  }
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
