/**
 * Stratified nonparametric bootstrap of a two-arm statistic (resampling patients with replacement
 * within each arm, so the arm sizes stay fixed), with percentile and BCa intervals.
 *
 *   for r = 1..R: x*ᵣ = n₁ draws from the intervention values, y*ᵣ = n₂ draws from the control
 *   values (uniform, with replacement), t*ᵣ = statistic(x*ᵣ, y*ᵣ)
 *   SE = SD(t*) (n − 1 denominator), bias = mean(t*) − t̂
 *   Influence (stratified jackknife): Lᵢ = (n_s − 1)·(t̂ − t₍₋ᵢ₎) with n_s the size of i's arm
 *   Intervals: `bootstrapIntervals` (percentile and BCa, boot's `norm.inter` quantile rule)
 *
 * = R `b <- boot::boot(data, stat, R, strata = arm)`; `boot.ci(b, type = c("perc", "bca"),
 * L = empinf(b, type = "jack"))`. The random streams differ from R's (seeded xoshiro128** from
 * `random.ts`), so equality with R holds for the same replicates, which the tests feed to
 * `bootstrapIntervals`; the jackknife values are compared with `empinf(type = "jack")` directly.
 * Deterministic: the same data, statistic, seed and replicate count give the same result.
 * Reference: Efron B (1987), Better bootstrap confidence intervals, J Am Stat Assoc 82:171–185,
 * doi:10.1080/01621459.1987.10478410; Davison AC, Hinkley DV (1997), Bootstrap Methods and their
 * Application, §3.2 (stratified resampling), doi:10.1017/CBO9780511802843.
 * Preconditions: ≥ 2 finite values per arm, an integer seed, replicates an integer ≥ 2;
 * otherwise `HtaError('analysis.failed')`. Use ≥ 1999 replicates for BCa in reports.
 * Example: bootstrapDifference(x, y, meanDifference, { replicates: 1999, seed: 1 }).
 */
import { analysisFailed, type ArmSizes, requireArms, requireConfLevel } from './arm-size.js';
import { type BootstrapIntervals, bootstrapIntervals } from './bootstrap-intervals.js';
import { createRandom } from './random.js';
import { sampleMean, sampleVariance } from './sample-moments.js';

/**
 * A statistic of the two arms, e.g. the difference in means (intervention − control). It must not
 * mutate or keep its arguments: the resample buffers are reused between replicates.
 */
export type TwoArmStatistic = (intervention: readonly number[], control: readonly number[]) => number;

export interface BootstrapOptions {
  replicates: number;
  seed: number;
  confLevel?: number;
  /** Called as replicates finish (about 100 times in all, and once at the end). */
  onProgress?: (done: number, total: number) => void;
}

export interface BootstrapDifference extends BootstrapIntervals {
  method: 'bootstrap-stratified';
  /** The statistic on the original data. */
  estimate: number;
  /** SD of the finite replicates. */
  se: number;
  /** mean(replicates) − estimate. */
  bias: number;
  replicates: number;
  seed: number;
  confLevel: number;
  ciMethod: 'bca' | 'percentile';
  /** BCa when available, else percentile. */
  ciLower: number;
  ciUpper: number;
  accelerationMethod: 'stratified-jackknife';
  n: ArmSizes;
}

/** Stratified jackknife influence values (intervention first, then control) = boot `empinf(type = "jack")`. */
export function jackknifeInfluence(intervention: readonly number[], control: readonly number[], statistic: TwoArmStatistic): number[] {
  const t0 = statistic(intervention, control);
  const without = (v: readonly number[], i: number) => [...v.slice(0, i), ...v.slice(i + 1)];
  const l1 = intervention.map((_, i) => (intervention.length - 1) * (t0 - statistic(without(intervention, i), control)));
  const l2 = control.map((_, i) => (control.length - 1) * (t0 - statistic(intervention, without(control, i))));
  return [...l1, ...l2];
}

export function bootstrapDifference(
  intervention: readonly number[],
  control: readonly number[],
  statistic: TwoArmStatistic,
  options: BootstrapOptions,
): BootstrapDifference {
  const { replicates: total, seed, onProgress } = options;
  const confLevel = options.confLevel ?? 0.95;
  const n = requireArms(intervention, control, 2);
  if (!Number.isInteger(total) || total < 2) throw analysisFailed(`the number of bootstrap replicates must be a whole number of at least 2, got ${total}`);
  if (!Number.isInteger(seed)) throw analysisFailed(`the bootstrap seed must be a whole number, got ${seed}`);
  requireConfLevel(confLevel);

  const rng = createRandom(seed);
  const estimate = statistic(intervention, control);
  const step = Math.max(1, Math.floor(total / 100));
  const replicates = new Array<number>(total);
  const x = new Array<number>(n.intervention);
  const y = new Array<number>(n.control);
  for (let r = 0; r < total; r++) {
    for (let i = 0; i < n.intervention; i++) x[i] = intervention[rng.int(n.intervention)] as number;
    for (let i = 0; i < n.control; i++) y[i] = control[rng.int(n.control)] as number;
    replicates[r] = statistic(x, y);
    if (onProgress && ((r + 1) % step === 0 || r + 1 === total)) onProgress(r + 1, total);
  }
  const intervals = bootstrapIntervals({ estimate, replicates, influence: jackknifeInfluence(intervention, control, statistic), confLevel });
  const finite = replicates.filter(Number.isFinite);
  const mean = sampleMean(finite);
  const chosen = intervals.bca ?? intervals.percentile;
  return {
    method: 'bootstrap-stratified',
    estimate,
    se: Math.sqrt(sampleVariance(finite, mean)),
    bias: mean - estimate,
    replicates: total,
    seed,
    confLevel,
    ciMethod: intervals.bca ? 'bca' : 'percentile',
    ciLower: chosen.lower,
    ciUpper: chosen.upper,
    accelerationMethod: 'stratified-jackknife',
    n,
    ...intervals,
  };
}
