/**
 * Named analysis presets that reproduce what common tools do by default, and a one-call
 * pooled analysis that carries every method label (docs/data-contracts.md#method-labels).
 *
 * | preset       | τ² estimator | CI / test            | prediction interval        |
 * |--------------|--------------|----------------------|----------------------------|
 * | `metafor`    | REML         | z                    | yes, normal (predict())    |
 * | `revman5`    | DL           | z                    | no                         |
 * | `revman-web` | REML         | HKSJ, t(k − 1)       | yes, t(k − 1)              |
 * | `iqwig6`     | PM           | Knapp–Hartung, t(k−1), IQWiG 6 correction | yes, t(k − 1) on √(1/Σw) |
 *
 * Sources: metafor 3.8 `rma()` and `predict()` defaults; RevMan 5 (DerSimonian–Laird with a Wald z
 * interval); Cochrane's random-effects methods implemented in RevMan in January 2025 (REML,
 * HKSJ, prediction intervals; methods.cochrane.org, "Random-effects meta-analysis methods for
 * Intervention Reviews"); IQWiG Allgemeine Methoden (Paule–Mandel with Knapp–Hartung; prediction
 * intervals since version 4.1). The PI's t(k − 1) for the HKSJ presets follows metafor's
 * predict() rule (same critical value as the CI, with the CI's SE); RevMan also offers a
 * normal-based PI. HKSJ is applied as metafor's test = "knha" (the variance factor is not
 * truncated at 1), except that `iqwig6` applies IQWiG General Methods 6's ad hoc variance
 * correction as R meta's settings.meta("IQWiG6") does (adhoc.hakn.ci = "IQWiG6"): when the HKSJ
 * CI is narrower than the DerSimonian–Laird z CI, the SE is √(1/Σw) with t(k − 1)
 * (random-effects.ts), and its PI is meta's default method.predict = "V": √(1/Σw + τ²) with
 * t(k − 1), the classic SE whatever the CI's (prediction-interval.ts). RevMan Web documents no such correction; `revman-web` keeps knha, and a
 * warning says when its CI or PI is narrower than the fixed-effect CI (meta/pool-studies.ts).
 * IQWiG's further rules (e.g. for k < 5, or preferring the fixed-effect model when
 * heterogeneity is low) are judgements the caller makes; they are not applied here.
 */
import type { MetaFit } from './meta-fit.js';
import type { PredictionInterval } from './prediction-interval.js';
import { predictionInterval } from './prediction-interval.js';
import type { Tau2Control, Tau2Method } from './tau2.js';
import { randomEffects } from './random-effects.js';

export type MetaPreset = 'metafor' | 'revman5' | 'revman-web' | 'iqwig6';

export interface PresetOptions {
  method: Tau2Method;
  hksj: boolean;
  /** The HKSJ ad hoc variance correction, when the preset has one (random-effects.ts). */
  hksjAdhoc?: 'iqwig6';
  predictionInterval: boolean;
}

export const META_PRESETS: Readonly<Record<MetaPreset, PresetOptions>> = {
  metafor: { method: 'REML', hksj: false, predictionInterval: true },
  revman5: { method: 'DL', hksj: false, predictionInterval: false },
  'revman-web': { method: 'REML', hksj: true, predictionInterval: true },
  iqwig6: { method: 'PM', hksj: true, hksjAdhoc: 'iqwig6', predictionInterval: true },
};

export function presetOptions(preset: MetaPreset): PresetOptions {
  return META_PRESETS[preset];
}

export interface PresetAnalysis extends MetaFit {
  preset: MetaPreset;
  /** Null when the preset shows none, for k = 1, and for the fixed-effect model. */
  predictionInterval: PredictionInterval | null;
  /** t df of the prediction interval; null = normal or no PI. */
  piDf: number | null;
}

/** Random-effects analysis with a preset's options; PI per the preset (metafor's predict() rule). */
export function metaAnalysisWithPreset(
  yi: readonly number[],
  vi: readonly number[],
  preset: MetaPreset,
  options: { confLevel?: number; control?: Tau2Control } = {},
): PresetAnalysis {
  const p = presetOptions(preset);
  const fit = randomEffects(yi, vi, { method: p.method, hksj: p.hksj, ...(p.hksjAdhoc ? { hksjAdhoc: p.hksjAdhoc } : {}), confLevel: options.confLevel, control: options.control });
  const pi = p.predictionInterval ? predictionInterval(fit) : null;
  return { ...fit, preset, predictionInterval: pi, piDf: pi?.piDf ?? null };
}
