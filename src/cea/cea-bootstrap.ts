/**
 * Non-parametric bootstrap of the patients within arms, with missing data imputed inside each
 * replicate (docs/plan-cea.md#bootstrap-and-imputation): for b = 1 … B, draw n₁ intervention
 * and n₀ control patients with replacement (seeded), impute the replicate once by chained
 * equations per arm when it holds a missing value, and fit both regressions → (Δc*_b, Δe*_b).
 *
 * This is "bootstrap, then impute" with a single stochastic imputation nested in each replicate,
 * the method Brand J, van Buuren S, le Cessie S, van den Hout W (2019), Combining multiple
 * imputation and bootstrap in the analysis of cost-effectiveness trial data, Stat Med
 * 38:210–220, doi:10.1002/sim.7956, found to have the best statistical properties; percentile
 * intervals are read from the replicates. The point estimates come from multiple imputation of
 * the original data (cea-imputation.ts) pooled by Rubin's rules.
 */
import { createRandom, type Random } from '../stats/random.js';
import { type CeaColumns, completeData, imputeByArm, missingIn } from './cea-imputation.js';
import { increments } from './incremental-regression.js';
import { imputableReplicate } from './imputable-resamples.js';
import { HtaError } from '../errors.js';

/** One replicate's rows: n₁ draws from the intervention rows, then n₀ from the control rows. */
export function drawReplicate(rng: Random, interventionRows: readonly number[], controlRows: readonly number[]): number[] {
  const out = new Array<number>(interventionRows.length + controlRows.length);
  let at = 0;
  for (const rows of [interventionRows, controlRows]) for (let k = 0; k < rows.length; k++) out[at++] = rows[rng.int(rows.length)]!;
  return out;
}

/**
 * The rows 0 … n−1 once each (the point estimate's "replicate"), built as `drawReplicate` builds
 * its rows: `imputeByArm` is optimised on the bootstrap's, and an array of another elements kind
 * (`map`'s packed one) threw that code away for the rest of the run when a sensitivity scenario's
 * point estimate came (docs/architecture.md#the-cost-of-a-cold-regeneration).
 */
export function everyRow(n: number): number[] {
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

export interface CeaBootstrapOptions {
  replicates: number;
  seed: number;
  /** Fixed resamples (0-based rows) instead of drawing them, e.g. to compare with R's `boot`. */
  indexSets?: readonly (readonly number[])[];
  onProgress?: (done: number, total: number) => void;
}

export interface CeaBootstrap {
  cost: number[];
  qaly: number[];
  /** Replicates drawn again because an arm drew too few observed values to impute (imputable-resamples.ts). */
  redrawn: number;
}

/** Redraws of one replicate before giving up: refuseThinArms keeps a short draw below 1 in 1,000 per arm and quantity. */
const MAX_REDRAWS = 1000;

/** Every replicate's resample, as `bootstrapCea` draws it from the same seed. */
export function bootstrapIndexSets(arm: readonly number[], replicates: number, seed: number): number[][] {
  const rng = createRandom(seed);
  const [iRows, cRows] = armRows(arm);
  return Array.from({ length: replicates }, () => drawReplicate(rng, iRows, cRows));
}

function armRows(arm: readonly number[]): [number[], number[]] {
  const i: number[] = [];
  const c: number[] = [];
  arm.forEach((a, k) => (a === 1 ? i : c).push(k));
  return [i, c];
}

export function bootstrapCea(cols: CeaColumns, options: CeaBootstrapOptions): CeaBootstrap {
  const rng = createRandom(options.seed);
  const [iRows, cRows] = armRows(cols.arm);
  const B = options.indexSets?.length ?? options.replicates;
  const cost: number[] = [];
  const qaly: number[] = [];
  let redrawn = 0;
  for (let b = 0; b < B; b++) {
    let rows = options.indexSets?.[b] ?? drawReplicate(rng, iRows, cRows);
    const redrawnBefore = redrawn;
    let missing = missingIn(cols, rows);
    // A replicate an arm of which drew fewer observed values than an imputation needs is drawn
    // again from the same stream (docs/plan-cea.md#too-few-observed-values); fixed index sets are
    // the caller's and are used as given.
    if (missing && !options.indexSets) {
      for (let tries = 0; !imputableReplicate(cols, rows); tries++) {
        if (tries === MAX_REDRAWS) throw new HtaError('analysis.failed', `the bootstrap drew ${MAX_REDRAWS} resamples in a row with too few observed values to impute`);
        rows = drawReplicate(rng, iRows, cRows);
        redrawn++;
      }
      // A redrawn replicate is judged again; one drawn once keeps its answer.
      if (redrawnBefore !== redrawn) missing = missingIn(cols, rows);
    }
    const data = missing ? imputeByArm(cols, rows, 1, rng.int(0x7fffffff))[0]! : completeData(cols, rows);
    const d = increments(data);
    cost.push(d.cost);
    qaly.push(d.qaly);
    options.onProgress?.(b + 1, B);
  }
  return { cost, qaly, redrawn };
}
