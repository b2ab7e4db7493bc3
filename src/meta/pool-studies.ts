/**
 * Pools one set of studies (an outcome × time × measure, or one subgroup of it) under both
 * models, with the method labels every pooled number carries (docs/data-contracts.md#method-labels):
 *
 *   fixed   inverse variance (= rma(method = "FE")); Mantel–Haenszel for RR/OR/RD when every
 *           study is a 2×2 table (= rma.mh, weights = weights(rma.mh): RR c·n₁/N, OR b·c/N,
 *           RD n₁·n₂/N). If a binary group mixes tables and reported effects, or the MH ratio is
 *           undefined, inverse variance is used and a warning says so.
 *   random  randomEffects (REML | DL | PM with the fallback REML → PM → DL; HKSJ optional),
 *           prediction interval as metafor's predict() when asked for (k ≥ 2).
 *
 * Deviation from RevMan 5 for binary random-effects analyses: RevMan's DerSimonian–Laird Q uses
 * the MH pooled estimate; here Q and τ² come from the inverse-variance fit, as in metafor.
 */
import { HtaError } from '../errors.js';
import { fixedEffect } from '../stats/meta/fixed-effect.js';
import { mantelHaenszel } from '../stats/meta/mantel-haenszel.js';
import type { MetaFit } from '../stats/meta/meta-fit.js';
import { type PredictionInterval, predictionInterval } from '../stats/meta/prediction-interval.js';
import type { MetaPreset } from '../stats/meta/presets.js';
import { randomEffects } from '../stats/meta/random-effects.js';
import type { Tau2Method } from '../stats/meta/tau2.js';
import type { TwoByTwo } from '../stats/meta/two-by-two.js';
import type { MetaMeasure } from './read-studies.js';

export interface PoolSettings {
  method: Tau2Method;
  hksj: boolean;
  /** IQWiG 6's ad hoc variance correction of the HKSJ interval (the iqwig6 preset; random-effects.ts). */
  hksjAdhoc?: 'iqwig6';
  predictionInterval: boolean;
  preset: MetaPreset | null;
  confLevel: number;
}

export interface PoolStudy {
  label: string;
  yi: number;
  vi: number;
  table: TwoByTwo | null;
}

export interface PooledFit extends MetaFit {
  poolingMethod: 'inverse-variance' | 'mantel-haenszel';
  pi: PredictionInterval | null;
}

export interface PooledPair {
  fixed: PooledFit;
  random: PooledFit;
}

function fixedFit(studies: readonly PoolStudy[], measure: MetaMeasure, confLevel: number): PooledFit {
  const yi = studies.map((s) => s.yi);
  const vi = studies.map((s) => s.vi);
  const iv = (warnings: string[]): PooledFit => {
    const f = fixedEffect(yi, vi, { confLevel });
    return { ...f, poolingMethod: 'inverse-variance', pi: null, warnings: [...f.warnings, ...warnings] };
  };
  if (measure !== 'RR' && measure !== 'OR' && measure !== 'RD') return iv([]);
  const tables = studies.map((s) => s.table);
  if (tables.some((t) => t === null)) {
    return iv(['Mantel–Haenszel needs a 2×2 table for every study; some report only an effect, so the fixed-effect model uses inverse-variance weights']);
  }
  const tt = tables as TwoByTwo[];
  try {
    const mh = mantelHaenszel(
      studies.map((s, i) => ({ ...(tt[i] as TwoByTwo), label: s.label })),
      measure,
      { confLevel },
    );
    return {
      model: 'fixed',
      k: mh.k,
      estimate: mh.estimate,
      se: mh.se,
      ciLower: mh.ciLower,
      ciUpper: mh.ciUpper,
      statistic: mh.statistic,
      pValue: mh.pValue,
      df: null,
      confLevel,
      ciMethod: 'z',
      tau2: 0,
      tau2Se: null,
      tau2Method: null,
      tau2Iterations: 0,
      q: mh.q,
      qDf: mh.qDf,
      qPValue: mh.qPValue,
      i2: mh.i2,
      h2: mh.h2,
      weights: mh.weights,
      warnings: mh.warnings.map((w) => sayWhichQ(w, mh.qDf, studies.length - 1)),
      poolingMethod: 'mantel-haenszel',
      pi: null,
    };
  } catch (err) {
    if (err instanceof HtaError && err.code === 'analysis.failed') return iv([`${err.message}; inverse-variance weights used instead`]);
    throw err;
  }
}

/**
 * mantelHaenszel says a study without events (or with only events) in either arm is "left out of
 * the heterogeneity test (Q)": true of the Mantel–Haenszel Q in the JSON's fixed-effect row, but
 * the heterogeneity `hta meta` and the report show is the random-effects model's, which keeps the
 * study with ½ added to each cell (study-effects.ts). Said so, so the warning and the printed Q agree.
 */
function sayWhichQ(warning: string, mhDf: number | null, randomDf: number): string {
  const m = /^Study (.*): (no events|only events) in both arms; left out of the heterogeneity test \(Q\)$/.exec(warning);
  if (!m) return warning;
  const which = m[2] === 'no events' ? 'no events in either arm' : 'every patient with the event in both arms';
  return (
    `${m[1]} has ${which}: it adds nothing to the Mantel–Haenszel estimate and is left out of that model's own Q (df = ${mhDf ?? 0}, in the JSON's fixed-effect row); ` +
    `the random-effects model and the heterogeneity shown (Q, df = ${randomDf}) include it, with ½ added to each cell`
  );
}

export function poolStudies(studies: readonly PoolStudy[], measure: MetaMeasure, settings: PoolSettings): PooledPair {
  const fixed = fixedFit(studies, measure, settings.confLevel);
  const r = randomEffects(
    studies.map((s) => s.yi),
    studies.map((s) => s.vi),
    { method: settings.method, hksj: settings.hksj, confLevel: settings.confLevel, ...(settings.hksjAdhoc ? { hksjAdhoc: settings.hksjAdhoc } : {}) },
  );
  const pi = settings.predictionInterval ? predictionInterval(r) : null;
  return { fixed, random: { ...r, poolingMethod: 'inverse-variance', pi, warnings: [...r.warnings, ...narrowerThanFixed(r, pi, fixed)] } };
}

/**
 * An HKSJ interval is narrower than the fixed-effect CI when the estimates agree more closely than
 * their SEs lead one to expect (s² < 1): a committee would ask why the random-effects model is the
 * more certain one. RevMan Web (revman-web) documents no correction, so the page says it
 * (IQWiG 6's correction: random-effects.ts).
 */
function narrowerThanFixed(r: MetaFit, pi: PredictionInterval | null, fixed: { ciLower: number; ciUpper: number }): string[] {
  if (r.ciMethod !== 'hksj') return [];
  const width = fixed.ciUpper - fixed.ciLower;
  const out: string[] = [];
  if (r.ciUpper - r.ciLower < width) out.push('the Hartung–Knapp–Sidik–Jonkman 95% CI is narrower than the fixed-effect 95% CI (the studies agree more closely than their SEs imply); read the uncertainty as at least the fixed-effect CI');
  if (pi && pi.piUpper - pi.piLower < width) out.push('the prediction interval is narrower than the fixed-effect 95% CI (Hartung–Knapp–Sidik–Jonkman, the studies agreeing more closely than their SEs imply); it understates how the effect may vary between settings');
  return out;
}
