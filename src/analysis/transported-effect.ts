/**
 * The trial's ANCOVA effect transported to the target population's known margins: the analysed
 * patients of each continuous outcome × time are raked to the plan's `population.margins` and the
 * weighted ANCOVA is fitted with a design-based SE (docs/subgroups.md).
 */
import type { Instrument } from '../instruments/instrument.js';
import { directionForOutcome, mcidForOutcome } from '../plan/outcome-instrument.js';
import type { PopulationMargin } from '../plan/plan-schema.js';
import { analysisFailed } from '../stats/arm-size.js';
import { rakedAncova } from '../stats/raked-ancova.js';
import { rake, type RakingResult } from '../stats/raking.js';
import type { OutcomePairs } from '../trial/outcome-pairs.js';
import type { TrialData } from '../trial/trial-data.js';
import { labelOf, row } from './judged-row.js';
import type { TargetPopulation } from './results-schema.js';
import { cutLabels } from './subgroup-levels.js';

type Transported = NonNullable<TargetPopulation['transported']>[number];

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

export function transportedEffects(trial: TrialData, margins: readonly PopulationMargin[], pairsAt: (key: string, time: string) => OutcomePairs, confLevel: number): Transported[] {
  const plan = trial.plan;
  const byId = new Map(trial.patients.map((p) => [p.id, p]));
  const out: Transported[] = [];
  for (const outcome of plan.outcomes) {
    const inst = trial.sources.find((s) => s.key === outcome.key)?.instrument as Instrument;
    if (inst.kind === 'binary') continue;
    const direction = directionForOutcome(outcome, inst);
    const mcid = mcidForOutcome(outcome, inst);
    for (const time of plan.timepoints) {
      let weights: Transported['weights'] = null;
      let excludedMissing = 0;
      const base = { outcome: outcome.key, label: labelOf(outcome), time, method: 'ancova' as const };
      const effect = row(base, confLevel, mcid, direction, () => {
        const pairs = pairsAt(outcome.key, time);
        const specs = margins.map(marginLevels);
        const keep: number[] = [];
        const groups: number[][] = margins.map(() => []);
        const others = new Map<string, number>();
        pairs.ids.forEach((id, i) => {
          if (!plan.covariates.every((c) => pairs.covariates[c]?.[i] !== null && pairs.covariates[c]?.[i] !== undefined)) return;
          const idx = specs.map((s, k) => s.indexOf(byId.get(id)?.attributes?.[(margins[k] as PopulationMargin).column]));
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
        if (others.size) throw analysisFailed(`trial patients with ${[...others].map(([k, c]) => `${k} (${c})`).join(', ')} have no share in the target margins; give every level a share`);
        let raked: RakingResult;
        raked = rake(keep.length, margins.map((m, k) => ({ name: m.column, levels: (specs[k] as { levels: string[] }).levels, shares: (specs[k] as { levels: string[] }).levels.map((l) => m.shares[l] ?? 0), group: groups[k] as number[] })));
        const w = raked.weights;
        const sum = w.reduce((a, b) => a + b, 0);
        weights = { effectiveSampleSize: (sum * sum) / w.reduce((a, b) => a + b * b, 0), min: Math.min(...w), max: Math.max(...w), sweeps: raked.sweeps };
        const r = rakedAncova(
          {
            outcome: keep.map((i) => pairs.followUp[i] as number),
            baseline: keep.map((i) => pairs.baseline[i] as number),
            treated: keep.map((i) => (pairs.arm[i] === 'intervention' ? 1 : 0)),
            covariates: plan.covariates.map((name) => ({ name, values: keep.map((i) => pairs.covariates[name]?.[i] as string | number) })),
            weights: w,
            margins: groups,
          },
          confLevel,
        );
        return { ...r, confLevel, ciMethod: 'design-based t (raking; survey::rake + svyglm)', extra: { covariates: ['baseline', ...plan.covariates] } };
      });
      out.push({ outcome: outcome.key, time, effect: { ...effect, population: 'target' }, excludedMissing, weights: effect.error ? null : weights });
    }
  }
  return out;
}

