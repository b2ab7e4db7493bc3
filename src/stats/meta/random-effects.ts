/**
 * Inverse-variance random-effects meta-analysis of one effect per study.
 *
 *   τ² from `method` ('DL' | 'REML' | 'PM'; non-convergence falls back REML → PM → DL, recorded
 *   in `tau2Method` and `warnings`), w = 1/(v + τ²), μ̂ = Σw y/Σw, Var₀ = 1/Σw.
 *   z (default):  SE = √Var₀, CI = μ̂ ± z(1−α/2)·SE, p from N(0, 1).
 *   HKSJ (`hksj: true`, = metafor `test = "knha"`):
 *       s² = Σ w (y − μ̂)² / (k − 1),  SE = √(s² · Var₀),  CI = μ̂ ± t(1−α/2; k−1)·SE, p from t(k−1).
 *       As metafor's "knha", s² is NOT truncated at 1 (that is metafor's test = "adhoc"), so the
 *       HKSJ interval can be narrower than the z interval when the estimates agree closely.
 *       Deviation: when all estimates are identical (s² = 0) metafor returns a zero-width interval;
 *       here the z interval is used, `ciMethod` says 'z' and a warning says why.
 *   Heterogeneity as metafor reports it for random-effects models:
 *       Q = Σ (1/v)(y − μ̂_FE)² on k − 1 df;  s̃² = (k − 1)·Σw₀ / ((Σw₀)² − Σw₀²) with w₀ = 1/v
 *       (the "typical" within-study variance);  I² = 100·τ²/(τ² + s̃²);  H² = τ²/s̃² + 1.
 *   Weights in percent: 100·wᵢ/Σw (= metafor `weights(res)`).
 *
 * = `metafor::rma(yi, vi, method = method, test = if (hksj) "knha" else "z", level = 100 * confLevel)`.
 *
 * References: Viechtbauer W (2010), J Stat Softw 36(3), doi:10.18637/jss.v036.i03;
 * Hartung J, Knapp G (2001). Stat Med 20:3875–3889, doi:10.1002/sim.1009;
 * Sidik K, Jonkman JN (2002). Stat Med 21:3153–3159, doi:10.1002/sim.1262;
 * Higgins JPT, Thompson SG (2002). Stat Med 21:1539–1558, doi:10.1002/sim.1186.
 *
 * Single study (k = 1): estimate = yi, z interval from vi, τ² = 0, Q/I²/H² null, no error
 * (with `hksj`, a warning says the z interval was used: t on 0 df does not exist).
 * Example (dat.bcg, log RR, REML): μ̂ = −0.7145, SE = 0.1798, τ² = 0.3132, I² = 92.22%.
 */
import { chisqUpper, tInterval, type WaldInterval, zInterval } from '../distributions.js';
import type { MetaFit } from './meta-fit.js';
import { assertConfLevel } from './meta-fit.js';
import { assertStudyVectors } from './study-effect.js';
import type { Tau2Control, Tau2Method } from './tau2.js';
import { estimateTau2 } from './tau2.js';
import { inverseVarianceWeights, traceP, weightedSums } from './tau2-estimator.js';

export interface RandomEffectsOptions {
  /** τ² estimator; default 'REML' (metafor's default). */
  method?: Tau2Method;
  /** Hartung–Knapp–Sidik–Jonkman interval (metafor `test = "knha"`); default false. */
  hksj?: boolean;
  /**
   * With `hksj`, IQWiG General Methods 6's ad hoc variance correction (R meta's
   * `adhoc.hakn.ci = "IQWiG6"`): when the HKSJ interval is narrower than the classic
   * DerSimonian–Laird z interval, the SE is √(1/Σw) (s² taken as 1) with the same t(k − 1).
   * Its prediction interval is meta's `method.predict = "V"`, on √(1/Σw) whether or not the
   * correction applies (`predictSe`, prediction-interval.ts).
   */
  hksjAdhoc?: 'iqwig6';
  /** Confidence level, default 0.95. */
  confLevel?: number;
  /** Iteration settings for REML/PM (metafor `control`). */
  control?: Tau2Control;
}

const DOUBLE_EPS = 2.220446049250313e-16;

export function randomEffects(yi: readonly number[], vi: readonly number[], options: RandomEffectsOptions = {}): MetaFit {
  assertStudyVectors(yi, vi, 'randomEffects');
  const method = options.method ?? 'REML';
  const hksj = options.hksj ?? false;
  const confLevel = options.confLevel ?? 0.95;
  assertConfLevel(confLevel, 'randomEffects');
  const k = yi.length;
  if (k === 1) {
    const estimate = yi[0] as number;
    const se = Math.sqrt(vi[0] as number);
    const z = zInterval(estimate, se, confLevel);
    const warnings = hksj
      ? ['Only one study: Hartung–Knapp–Sidik–Jonkman needs at least 2 studies; the z interval from the study variance is shown']
      : [];
    return {
      model: 'random',
      k,
      estimate,
      se,
      ciLower: z.ciLower,
      ciUpper: z.ciUpper,
      statistic: z.statistic,
      pValue: z.pValue,
      df: null,
      confLevel,
      ciMethod: 'z',
      tau2: 0,
      tau2Se: null,
      tau2Method: null,
      tau2Iterations: 0,
      q: null,
      qDf: null,
      qPValue: null,
      i2: null,
      h2: null,
      weights: [100],
      warnings,
    };
  }

  const t = estimateTau2(yi, vi, method, options.control);
  const warnings = [...t.warnings];
  const re = weightedSums(yi, inverseVarianceWeights(vi, t.tau2));
  const var0 = 1 / re.sw;

  let se: number;
  let interval: WaldInterval;
  let df: number | null = null;
  let ciMethod: 'z' | 'hksj' = 'z';
  // metafor sets s² = 0 when Σw(y − μ̂)² ≤ machine epsilon (all estimates identical), which gives a
  // zero-width interval and a NaN p-value; here that degenerate case falls back to z, with a warning.
  const s2w = re.q <= DOUBLE_EPS ? 0 : re.q / (k - 1);
  if (hksj && s2w === 0) {
    warnings.push(
      'Hartung–Knapp–Sidik–Jonkman scale factor is 0 (all study estimates identical); the z interval is shown instead',
    );
  }
  if (hksj && s2w > 0) {
    ciMethod = 'hksj';
    df = k - 1;
    se = Math.sqrt(s2w * var0);
    interval = tInterval(re.mean, se, df, confLevel);
    if (options.hksjAdhoc === 'iqwig6') {
      // R meta (metagen, adhoc.hakn.ci = "IQWiG6"): compared by width with the DL random-effects z
      // interval; narrower, the SE is the classic √(1/Σw) of this model's own weights, t(k − 1) kept.
      const dl = weightedSums(yi, inverseVarianceWeights(vi, estimateTau2(yi, vi, 'DL').tau2));
      const dlWidth = 2 * (zInterval(dl.mean, Math.sqrt(1 / dl.sw), confLevel).ciUpper - dl.mean);
      if (interval.ciUpper - interval.ciLower < dlWidth) {
        se = Math.sqrt(var0);
        interval = tInterval(re.mean, se, df, confLevel);
        warnings.push('Hartung–Knapp–Sidik–Jonkman interval narrower than the DerSimonian–Laird interval: IQWiG 6\'s variance correction applied (SE = √(1/Σw), t on k − 1 df)');
      }
    }
  } else {
    se = Math.sqrt(var0);
    interval = zInterval(re.mean, se, confLevel);
  }

  const fe = weightedSums(
    yi,
    vi.map((v) => 1 / v),
  );
  const q = Math.max(0, fe.q);
  const typicalVariance = (k - 1) / traceP(fe).trP;

  return {
    model: 'random',
    k,
    estimate: re.mean,
    se,
    ciLower: interval.ciLower,
    ciUpper: interval.ciUpper,
    statistic: interval.statistic,
    pValue: interval.pValue,
    df,
    confLevel,
    ciMethod,
    tau2: t.tau2,
    tau2Se: t.tau2Se,
    tau2Method: t.tau2Method,
    tau2Iterations: t.iterations,
    q,
    qDf: k - 1,
    qPValue: chisqUpper(q, k - 1),
    i2: (100 * t.tau2) / (typicalVariance + t.tau2),
    h2: t.tau2 / typicalVariance + 1,
    weights: re.w.map((w) => (100 * w) / re.sw),
    // R meta's settings.meta("IQWiG6") keeps its default method.predict = "V": the PI on the
    // classic √(1/Σw), not the HK SE (√s² times it; s² < 1 when the studies agree closely and the
    // correction does not apply, which made the PI 1/√s² too narrow). docs/input-studies.md "iqwig6".
    ...(options.hksjAdhoc === 'iqwig6' && hksj ? { predictSe: Math.sqrt(var0), predictDf: k - 1 } : {}),
    warnings,
  };
}
