/**
 * The trial's effect transported to the target population's known margins: the analysed
 * patients of each outcome × time are raked to the plan's `population.margins` and the weighted
 * ANCOVA (continuous outcomes) or weighted risk difference (binary outcomes, responders) is
 * fitted with a design-based SE (docs/subgroups.md#transported-effect; the rows: transported-rows.ts).
 */
import { ownValue } from '../own-value.js';
import { effectiveSampleSize } from '../stats/effective-sample-size.js';
import type { PopulationMargin } from '../plan/plan-schema.js';
import { analysisFailed } from '../stats/arm-size.js';
import { rake } from '../stats/raking.js';
import { sameCategory } from '../trial/category-values.js';
import type { OutcomePairs } from '../trial/outcome-pairs.js';
import type { TrialData } from '../trial/trial-data.js';
import { cutLabels } from './subgroup-levels.js';
import { type Transported, transportedRows, type WeightNote } from './transported-rows.js';

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
      // The shares' keys name the export's values in any case and Unicode form (category-values.ts).
      const i = levels.findIndex((l) => sameCategory(l, String(v)));
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

/**
 * Rakes the patients `ids[i]` for which `usable(i)` to the margins, noting the patients left out
 * for a missing margin value and the weights' summary (throws 'analysis.failed' with the reason).
 */
function rakeTo(ids: readonly string[], usable: (i: number) => boolean, margins: readonly PopulationMargin[], valueOf: (id: string, column: string) => string | number | null | undefined, note: WeightNote): Raked {
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
  const raked = rake(keep.length, margins.map((m, k) => ({ name: m.column, levels: (specs[k] as { levels: string[] }).levels, shares: (specs[k] as { levels: string[] }).levels.map((l) => ownValue(m.shares, l) ?? 0), group: groups[k] as number[] })));
  const w = raked.weights;
  note.weights = { effectiveSampleSize: effectiveSampleSize(w), min: Math.min(...w), max: Math.max(...w), sweeps: raked.sweeps };
  return { keep, weights: w, groups };
}

export function transportedEffects(trial: TrialData, margins: readonly PopulationMargin[], pairsAt: (key: string, time: string) => OutcomePairs, confLevel: number): Transported[] {
  const byId = new Map(trial.patients.map((p) => [p.id, p]));
  const valueOf = (id: string, column: string) => byId.get(id)?.attributes?.[column];
  return transportedRows(trial, pairsAt, confLevel, {
    weighting: 'raking',
    weigh: (ids, usable, note) => {
      const r = rakeTo(ids, usable, margins, valueOf, note);
      return { keep: r.keep, weights: r.weights, margins: r.groups };
    },
    ciMethod: { ancova: 'design-based t (raking; survey::rake + svyglm)', riskDifference: 'design-based t (raking; survey::rake + svyglm, weighted linear probability model)' },
  });
}
