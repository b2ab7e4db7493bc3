/**
 * Percentile and BCa bootstrap intervals from a vector of bootstrap replicates, exactly as R's
 * `boot::boot.ci(type = c("perc", "bca"))` computes them.
 *
 *   Quantile rule (boot's `norm.inter`): t*₍₁₎ ≤ … ≤ t*₍R₎ the finite replicates, r = (R + 1)·α,
 *   k = ⌊r⌋. If r is an integer, Q(α) = t*₍ₖ₎; if k = 0, t*₍₁₎; if k = R, t*₍R₎; otherwise
 *   interpolate on the normal scale:
 *     Q(α) = t*₍ₖ₎ + [Φ⁻¹(α) − Φ⁻¹(k/(R+1))] / [Φ⁻¹((k+1)/(R+1)) − Φ⁻¹(k/(R+1))] · (t*₍ₖ₊₁₎ − t*₍ₖ₎)
 *   (This is not any of R's `quantile(type = …)` rules; `extremeOrderStatistics` is true where
 *   boot warns "extreme order statistics used as endpoints", i.e. some r ∉ (1, R).)
 *   Percentile: [Q(α/2), Q(1 − α/2)]  with α = 1 − confLevel.
 *   BCa: z₀ = Φ⁻¹( #{t*ᵢ < t̂} / R ),  a = ΣLᵢ³ / (6·(ΣLᵢ²)^{3/2}) from influence values Lᵢ,
 *        αⱼ' = Φ( z₀ + (z₀ + z_αⱼ) / (1 − a(z₀ + z_αⱼ)) ) for αⱼ ∈ {α/2, 1 − α/2},
 *        interval [Q(α₁'), Q(α₂')].
 *
 * = R `boot.ci(b, conf = confLevel, type = c("perc", "bca"), L = influence)` with the same
 * replicates `b$t` and estimate `b$t0` (boot's own default L for a stratified nonparametric
 * bootstrap is a regression estimate, `empinf(type = "reg")`; the jackknife values from
 * `jackknifeInfluence` equal `empinf(b, type = "jack")`).
 * Reference: Efron B (1987), Better bootstrap confidence intervals, J Am Stat Assoc 82:171–185,
 * doi:10.1080/01621459.1987.10478410; Davison AC, Hinkley DV (1997), Bootstrap Methods and their
 * Application, Cambridge University Press, §5.3 (the `boot` package's reference),
 * doi:10.1017/CBO9780511802843.
 * Preconditions: ≥ 2 finite replicates. BCa is null (with `bcaUnavailable` saying why) when every
 * replicate is ≥ the estimate or all are < it (z₀ infinite), or every influence value is 0.
 * Example: see test/reference/bootstrap.json (boot 1.3-28), reproduced to 1e-12.
 */
import { normalCdf, normalQuantile } from './distributions.js';
import { analysisFailed } from './arm-size.js';

export interface BootstrapIntervalInput {
  /** The statistic on the original data, t̂ (boot's t0). */
  estimate: number;
  /** Bootstrap replicates t*ᵢ (boot's t); non-finite values are dropped, as boot.ci does. */
  replicates: readonly number[];
  /** Empirical influence values Lᵢ (e.g. jackknife), for the BCa acceleration. */
  influence: readonly number[];
  confLevel: number;
}

export interface Interval {
  lower: number;
  upper: number;
}

export interface BootstrapIntervals {
  percentile: Interval;
  bca: Interval | null;
  bcaUnavailable?: string;
  /** Bias correction z₀ (boot's w). */
  biasCorrection: number;
  /** Acceleration a. */
  acceleration: number;
  /** Number of finite replicates used. */
  replicatesUsed: number;
  extremeOrderStatistics: boolean;
  quantileRule: 'boot-norm.inter';
}

/** boot's `norm.inter` quantile of ascending-sorted replicates at probability alpha. */
export function normInterQuantile(sorted: readonly number[], alpha: number): number {
  const R = sorted.length;
  const rk = (R + 1) * alpha;
  const k = Math.trunc(rk);
  const at = (i: number) => sorted[i - 1] as number; // 1-based like R
  if (k === rk && k >= 1 && k <= R) return at(k);
  if (k <= 0) return at(1);
  if (k >= R) return at(R);
  const z = normalQuantile(alpha);
  const zk = normalQuantile(k / (R + 1));
  const zk1 = normalQuantile((k + 1) / (R + 1));
  return at(k) + ((z - zk) / (zk1 - zk)) * (at(k + 1) - at(k));
}

export function bootstrapIntervals(input: BootstrapIntervalInput): BootstrapIntervals {
  const { estimate, confLevel } = input;
  const sorted = input.replicates.filter(Number.isFinite).sort((a, b) => a - b);
  const R = sorted.length;
  if (R < 2) throw analysisFailed(`only ${R} bootstrap replicates gave a finite value; at least 2 are needed for an interval`);
  const alphas = [(1 - confLevel) / 2, (1 + confLevel) / 2];
  const extreme = (a: number) => !((R + 1) * a > 1 && (R + 1) * a < R);
  const percentile = { lower: normInterQuantile(sorted, alphas[0] as number), upper: normInterQuantile(sorted, alphas[1] as number) };

  let below = 0;
  for (const t of sorted) if (t < estimate) below++;
  const w = normalQuantile(below / R);
  let s2 = 0;
  let s3 = 0;
  for (const l of input.influence) {
    s2 += l * l;
    s3 += l * l * l;
  }
  const a = s3 / (6 * s2 ** 1.5);
  const base = { percentile, biasCorrection: w, acceleration: a, replicatesUsed: R, quantileRule: 'boot-norm.inter' as const };
  if (!Number.isFinite(w)) {
    return { ...base, bca: null, bcaUnavailable: 'every bootstrap replicate lies on one side of the estimate (bias correction is infinite)', extremeOrderStatistics: alphas.some(extreme) };
  }
  if (!Number.isFinite(a)) {
    return { ...base, bca: null, bcaUnavailable: 'every influence value is 0 (acceleration undefined)', extremeOrderStatistics: alphas.some(extreme) };
  }
  const adjusted = alphas.map((al) => {
    const z = normalQuantile(al);
    return normalCdf(w + (w + z) / (1 - a * (w + z)));
  }) as [number, number];
  return {
    ...base,
    bca: { lower: normInterQuantile(sorted, adjusted[0]), upper: normInterQuantile(sorted, adjusted[1]) },
    extremeOrderStatistics: [...alphas, ...adjusted].some(extreme),
  };
}
