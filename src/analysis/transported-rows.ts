/**
 * The rows of a transported effect (docs/subgroups.md#transported-effect and
 * #inverse-odds-weights): per outcome × time, then per responder definition × time, the
 * weighted ANCOVA (continuous outcomes) or weighted risk difference (binary outcomes, responders)
 * with a design-based SE, judged against the MCID. One loop for both weightings; how the trial
 * patients are weighted (raking to margins, inverse odds of trial membership) is the caller's.
 */
import { outcomeTimepoints } from '../plan/outcome-timepoints.js';
import type { Instrument } from '../instruments/instrument.js';
import { directionForOutcome, mcidForOutcome } from '../plan/outcome-instrument.js';
import type { PlanOutcome } from '../plan/plan-schema.js';
import { rakedAncova, reweightedRiskDifference } from '../stats/raked-ancova.js';
import { followUpByPatient, type OutcomePairs } from '../trial/outcome-pairs.js';
import { atZeroUnderPercent, isResponder, zeroBaselineCounts } from '../trial/responders.js';
import type { Arm, TrialData } from '../trial/trial-data.js';
import type { EffectEstimate } from './effect-estimate.js';
import { weightsExtreme } from './extreme-weights.js';
import { labelOf, row } from './judged-row.js';
import type { TargetPopulation } from './results-schema.js';

export type Transported = NonNullable<TargetPopulation['transported']>[number];

/** What a transported row reports beside its effect; filled in by `weigh`. */
export interface WeightNote {
  weights: Transported['weights'];
  excludedMissing: number;
  /** A responder row's patients at a baseline of 0 under a percent rule, per arm, among those weighted. */
  atZeroBaseline?: { intervention: number; control: number };
}

export interface Weighted {
  /** Indexes (into the patients passed) kept. */
  keep: number[];
  weights: number[];
  /** Each raking margin's level per kept patient, for the SE ([] when the weights are taken as fixed). */
  margins: number[][];
}

export interface Transport {
  weighting: Transported['weighting'];
  /**
   * Weights the patients `ids[i]` for which `usable(i)`, noting the weights' summary and the
   * patients left out (throws 'analysis.failed' with the reason).
   */
  weigh(ids: readonly string[], usable: (i: number) => boolean, note: WeightNote): Weighted;
  ciMethod: { ancova: string; riskDifference: string };
}

export function transportedRows(trial: TrialData, pairsAt: (key: string, time: string) => OutcomePairs, confLevel: number, transport: Transport): Transported[] {
  const plan = trial.plan;
  const out: Transported[] = [];
  const treatedOf = (arm: readonly Arm[], keep: readonly number[]) => keep.map((i) => (arm[i] === 'intervention' ? 1 : 0));

  /** One transported row; `fit` weighs (noting weights and exclusions) and returns the estimate. */
  const push = (base: Parameters<typeof row>[0], mcid: number | undefined, direction: Parameters<typeof row>[3], fit: (note: WeightNote) => EffectEstimate) => {
    const note: WeightNote = { weights: null, excludedMissing: 0 };
    const effect = row(base, confLevel, mcid, direction, () => fit(note));
    const zero = note.atZeroBaseline && !effect.error ? { atZeroBaseline: note.atZeroBaseline } : {};
    // Weights of mean 1 (both weightings): flagged when extreme, by the observational analysis's rule (extreme-weights.ts).
    const weights = effect.error || !note.weights ? null : { ...note.weights, extreme: weightsExtreme(note.weights, effect.n.intervention + effect.n.control) };
    out.push({ outcome: base.outcome, time: base.time, weighting: transport.weighting, effect: { ...effect, ...zero, population: 'target' }, excludedMissing: note.excludedMissing, weights });
  };

  /**
   * Binary: each patient's 0/1 value, weighted without regard to covariates (the risk difference
   * adjusts for none). `zero`: a responder row's patients at a baseline of 0 under a percent rule,
   * counted among those weighted (`atZeroBaseline`, as the trial's rows: responders.ts).
   */
  const binary = (base: Parameters<typeof row>[0], mcid: number | undefined, direction: Parameters<typeof row>[3], ids: readonly string[], arm: readonly Arm[], events: readonly number[], zero?: readonly boolean[]) =>
    push(base, mcid, direction, (note) => {
      const r = transport.weigh(ids, () => true, note);
      if (zero) note.atZeroBaseline = zeroBaselineCounts(zero, arm, r.keep);
      const fit = reweightedRiskDifference({ outcome: r.keep.map((i) => events[i] as number), treated: treatedOf(arm, r.keep), weights: r.weights, margins: r.margins }, confLevel);
      return { ...fit, confLevel, ciMethod: transport.ciMethod.riskDifference, extra: {} };
    });

  for (const outcome of plan.outcomes) {
    const inst = trial.sources.find((s) => s.key === outcome.key)?.instrument as Instrument;
    const direction = directionForOutcome(outcome, inst);
    const mcid = mcidForOutcome(outcome, inst);
    for (const time of outcomeTimepoints(plan, outcome.key)) {
      const base = { outcome: outcome.key, label: labelOf(outcome, plan), time };
      if (inst.kind === 'binary') {
        const f = followUpByPatient(trial, outcome.key, time);
        binary({ ...base, method: 'risk-difference' }, mcid, direction, f.ids, f.arm, f.values.map((v) => (v === 1 ? 1 : 0)));
        continue;
      }
      push({ ...base, method: 'ancova' }, mcid, direction, (note) => {
        const pairs = pairsAt(outcome.key, time);
        const complete = (i: number) => plan.covariates.every((c) => pairs.covariates[c]?.[i] !== null && pairs.covariates[c]?.[i] !== undefined);
        const r = transport.weigh(pairs.ids, complete, note);
        const fit = rakedAncova(
          {
            outcome: r.keep.map((i) => pairs.followUp[i] as number),
            baseline: r.keep.map((i) => pairs.baseline[i] as number),
            treated: treatedOf(pairs.arm, r.keep),
            covariates: plan.covariates.map((name) => ({ name, values: r.keep.map((i) => pairs.covariates[name]?.[i] as string | number) })),
            weights: r.weights,
            margins: r.margins,
          },
          confLevel,
        );
        return { ...fit, confLevel, ciMethod: transport.ciMethod.ancova, extra: { covariates: ['baseline', ...plan.covariates] } };
      });
    }
  }
  for (const resp of plan.responders) {
    const outcome = plan.outcomes.find((o) => o.key === resp.outcome) as PlanOutcome;
    const direction = directionForOutcome(outcome, trial.sources.find((s) => s.key === outcome.key)?.instrument as Instrument);
    for (const time of outcomeTimepoints(plan, outcome.key)) {
      const pairs = pairsAt(outcome.key, time);
      const events = pairs.ids.map((_, i) => (isResponder(pairs.baseline[i] as number, pairs.followUp[i] as number, resp, direction) ? 1 : 0));
      const zero = pairs.baseline.map((b) => atZeroUnderPercent(b as number, resp));
      binary({ outcome: resp.key, label: labelOf(resp, plan), time, method: 'risk-difference' }, undefined, 'higher-is-better', pairs.ids, pairs.arm, events, zero);
    }
  }
  return out;
}
