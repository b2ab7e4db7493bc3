/**
 * The trial's effect transported to the target population's known margins: the analysed
 * patients of each outcome × time are raked to the plan's `population.margins` and the weighted
 * ANCOVA (continuous outcomes) or weighted risk difference (binary outcomes, responders) is
 * fitted with a design-based SE (docs/subgroups.md#transported-effect).
 */
import { effectiveSampleSize } from '../stats/effective-sample-size.js';
import type { Instrument } from '../instruments/instrument.js';
import { directionForOutcome, mcidForOutcome } from '../plan/outcome-instrument.js';
import type { PlanOutcome, PopulationMargin } from '../plan/plan-schema.js';
import { analysisFailed } from '../stats/arm-size.js';
import { rakedAncova, reweightedRiskDifference } from '../stats/raked-ancova.js';
import { rake } from '../stats/raking.js';
import { followUpByPatient, type OutcomePairs } from '../trial/outcome-pairs.js';
import { isResponder } from '../trial/responders.js';
import type { Arm, TrialData } from '../trial/trial-data.js';
import type { EffectEstimate } from './effect-estimate.js';
import { labelOf, row } from './judged-row.js';
import type { TargetPopulation } from './results-schema.js';
import { cutLabels } from './subgroup-levels.js';

type Transported = NonNullable<TargetPopulation['transported']>[number];
type Weights = NonNullable<Transported['weights']>;

/** Level index of a value in a margin: a number, 'missing', or the value that has no level. */
function marginLevels(m: PopulationMargin): { levels: string[]; indexOf: (v: string | number | null | undefined) => number | 'missing' | { other: string } } {
  if (m.cuts) {
    const cuts = m.cuts;
    const levels = cutLabels(cuts);
    const unknown = Object.keys(m.shares).filter((k) => !levels.includes(k));
    if (unknown.length) throw analysisFailed(`margin '${m.column}': shares are keyed by the cut levels (${levels.join(', ')}), not ${unknown.map((k) => `'${k}'`).join(', ')}`);
    return {
      levels,
      indexOf: (v) => {
        if (v === null || v === undefined) return 'missing';
        if (typeof v !== 'number') return { other: String(v) };
        const i = cuts.findIndex((c) => v < c);
        return i < 0 ? cuts.length : i;
      },
    };
  }
  const levels = Object.keys(m.shares);
  return {
    levels,
    indexOf: (v) => {
      if (v === null || v === undefined) return 'missing';
      const i = levels.indexOf(String(v));
      return i < 0 ? { other: String(v) } : i;
    },
  };
}

interface Raked {
  /** Indexes (into the analysed patients) kept: every margin value present. */
  keep: number[];
  weights: number[];
  groups: number[][];
}

/** What a transported row reports beside its effect. */
interface Note {
  weights: Weights | null;
  excludedMissing: number;
}

/**
 * Rakes the patients `ids[i]` for which `usable(i)` to the margins, noting the patients left out
 * for a missing margin value and the weights' summary (throws 'analysis.failed' with the reason).
 */
function rakeTo(ids: readonly string[], usable: (i: number) => boolean, margins: readonly PopulationMargin[], valueOf: (id: string, column: string) => string | number | null | undefined, note: Note): Raked {
  const specs = margins.map(marginLevels);
  const keep: number[] = [];
  const groups: number[][] = margins.map(() => []);
  const others = new Map<string, number>();
  let excludedMissing = 0;
  ids.forEach((id, i) => {
    if (!usable(i)) return;
    const idx = specs.map((s, k) => s.indexOf(valueOf(id, (margins[k] as PopulationMargin).column)));
    if (idx.includes('missing')) {
      excludedMissing++;
      return;
    }
    const other = idx.findIndex((x) => typeof x === 'object');
    if (other >= 0) {
      const key = `${(margins[other] as PopulationMargin).column} = '${(idx[other] as { other: string }).other}'`;
      others.set(key, (others.get(key) ?? 0) + 1);
      return;
    }
    keep.push(i);
    idx.forEach((x, k) => (groups[k] as number[]).push(x as number));
  });
  note.excludedMissing = excludedMissing;
  if (others.size) throw analysisFailed(`trial patients with ${[...others].map(([k, c]) => `${k} (${c})`).join(', ')} have no share in the target margins; give every level a share`);
  const raked = rake(keep.length, margins.map((m, k) => ({ name: m.column, levels: (specs[k] as { levels: string[] }).levels, shares: (specs[k] as { levels: string[] }).levels.map((l) => m.shares[l] ?? 0), group: groups[k] as number[] })));
  const w = raked.weights;
  note.weights = { effectiveSampleSize: effectiveSampleSize(w), min: Math.min(...w), max: Math.max(...w), sweeps: raked.sweeps };
  return { keep, weights: w, groups };
}

export function transportedEffects(trial: TrialData, margins: readonly PopulationMargin[], pairsAt: (key: string, time: string) => OutcomePairs, confLevel: number): Transported[] {
  const plan = trial.plan;
  const byId = new Map(trial.patients.map((p) => [p.id, p]));
  const valueOf = (id: string, column: string) => byId.get(id)?.attributes?.[column];
  const out: Transported[] = [];
  const treatedOf = (arm: readonly Arm[], keep: readonly number[]) => keep.map((i) => (arm[i] === 'intervention' ? 1 : 0));

  /** One transported row; `fit` rakes (noting weights and exclusions) and returns the estimate. */
  const push = (base: Parameters<typeof row>[0], mcid: number | undefined, direction: Parameters<typeof row>[3], fit: (note: Note) => EffectEstimate) => {
    const note: Note = { weights: null, excludedMissing: 0 };
    const effect = row(base, confLevel, mcid, direction, () => fit(note));
    out.push({ outcome: base.outcome, time: base.time, weighting: 'raking', effect: { ...effect, population: 'target' }, excludedMissing: note.excludedMissing, weights: effect.error ? null : note.weights });
  };

  /** Binary: each patient's 0/1 value, raked without regard to covariates (the risk difference adjusts for none). */
  const binary = (base: Parameters<typeof row>[0], mcid: number | undefined, direction: Parameters<typeof row>[3], ids: readonly string[], arm: readonly Arm[], events: readonly number[]) =>
    push(base, mcid, direction, (note) => {
      const r = rakeTo(ids, () => true, margins, valueOf, note);
      const fit = reweightedRiskDifference({ outcome: r.keep.map((i) => events[i] as number), treated: treatedOf(arm, r.keep), weights: r.weights, margins: r.groups }, confLevel);
      return { ...fit, confLevel, ciMethod: 'design-based t (raking; survey::rake + svyglm, weighted linear probability model)', extra: {} };
    });

  for (const outcome of plan.outcomes) {
    const inst = trial.sources.find((s) => s.key === outcome.key)?.instrument as Instrument;
    const direction = directionForOutcome(outcome, inst);
    const mcid = mcidForOutcome(outcome, inst);
    for (const time of plan.timepoints) {
      const base = { outcome: outcome.key, label: labelOf(outcome), time };
      if (inst.kind === 'binary') {
        const f = followUpByPatient(trial, outcome.key, time);
        binary({ ...base, method: 'risk-difference' }, mcid, direction, f.ids, f.arm, f.values.map((v) => (v === 1 ? 1 : 0)));
        continue;
      }
      push({ ...base, method: 'ancova' }, mcid, direction, (note) => {
        const pairs = pairsAt(outcome.key, time);
        const complete = (i: number) => plan.covariates.every((c) => pairs.covariates[c]?.[i] !== null && pairs.covariates[c]?.[i] !== undefined);
        const r = rakeTo(pairs.ids, complete, margins, valueOf, note);
        const fit = rakedAncova(
          {
            outcome: r.keep.map((i) => pairs.followUp[i] as number),
            baseline: r.keep.map((i) => pairs.baseline[i] as number),
            treated: treatedOf(pairs.arm, r.keep),
            covariates: plan.covariates.map((name) => ({ name, values: r.keep.map((i) => pairs.covariates[name]?.[i] as string | number) })),
            weights: r.weights,
            margins: r.groups,
          },
          confLevel,
        );
        return { ...fit, confLevel, ciMethod: 'design-based t (raking; survey::rake + svyglm)', extra: { covariates: ['baseline', ...plan.covariates] } };
      });
    }
  }
  for (const resp of plan.responders) {
    const outcome = plan.outcomes.find((o) => o.key === resp.outcome) as PlanOutcome;
    const direction = directionForOutcome(outcome, trial.sources.find((s) => s.key === outcome.key)?.instrument as Instrument);
    for (const time of plan.timepoints) {
      const pairs = pairsAt(outcome.key, time);
      const events = pairs.ids.map((_, i) => (isResponder(pairs.baseline[i] as number, pairs.followUp[i] as number, resp, direction) ? 1 : 0));
      binary({ outcome: resp.key, label: labelOf(resp), time, method: 'risk-difference' }, undefined, 'higher-is-better', pairs.ids, pairs.arm, events);
    }
  }
  return out;
}
