/**
 * Which level of a plan subgroup a patient's value falls in: a listed level, an interval of
 * the cut points, or (no levels or cuts given) the value itself. See docs/subgroups.md.
 */
import type { PlanSubgroup } from '../plan/plan-schema.js';
import { sameCategory } from '../trial/category-values.js';

export type LevelOf = (value: string | number | null | undefined) => { level: string } | { missing: true } | { other: true };

export interface SubgroupLevels {
  /** Display order; the first is the reference of the interaction model. */
  levels: string[];
  levelOf: LevelOf;
}

/** Labels as R `cut(x, c(-Inf, cuts, Inf), right = FALSE)` intervals, written for readers: "<40", "40–<60", "≥60". */
export function cutLabels(cuts: readonly number[]): string[] {
  return [`<${cuts[0]}`, ...cuts.slice(1).map((c, i) => `${cuts[i]}–<${c}`), `≥${cuts[cuts.length - 1]}`];
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function subgroupLevels(sg: PlanSubgroup, observed: readonly (string | number | null | undefined)[]): SubgroupLevels {
  if (sg.cuts) {
    const cuts = sg.cuts;
    const levels = cutLabels(cuts);
    return {
      levels,
      levelOf: (v) => {
        if (v === null || v === undefined) return { missing: true };
        if (typeof v !== 'number') return { other: true };
        const i = cuts.findIndex((c) => v < c);
        return { level: levels[i < 0 ? cuts.length : i] as string };
      },
    };
  }
  if (sg.levels) {
    const levels = sg.levels.map(String);
    return {
      levels,
      levelOf: (v) => {
        if (v === null || v === undefined) return { missing: true };
        // Text in any case and Unicode form: the plan's "mand" is the export's `Mand` (category-values.ts).
        const hit = sg.levels!.findIndex((l) => sameCategory(l, v));
        return hit < 0 ? { other: true } : { level: levels[hit] as string };
      },
    };
  }
  // Every value seen, in R factor() order: numbers numerically, text by code units (C locale).
  const seen = observed.filter((v): v is string | number => v !== null && v !== undefined);
  const allNumbers = seen.every((v) => typeof v === 'number');
  const distinct = [...new Set(seen.map(String))];
  const levels = allNumbers ? distinct.sort((a, b) => Number(a) - Number(b)) : distinct.sort(byCodeUnits);
  return { levels, levelOf: (v) => (v === null || v === undefined ? { missing: true } : { level: String(v) }) };
}

/** More distinct numbers than this in a subgroup column without "levels" or "cuts": probably a measurement, not a category. */
export const MANY_NUMERIC_LEVELS = 10;

/**
 * The warning for a numeric subgroup column given without `cuts` or `levels` that holds many
 * values (age: ~60 one-year levels of a handful of patients each, one warning per level × outcome
 * × time and an interaction test on levels of 4 patients), with the `cuts` hint; null otherwise.
 * A few numeric codes (0/1/2) are levels as they are (docs/subgroups.md#subgroups).
 */
export function numericLevelsWarning(sg: PlanSubgroup, observed: readonly (string | number | null | undefined)[]): string | null {
  if (sg.cuts || sg.levels) return null;
  const seen = observed.filter((v): v is string | number => v !== null && v !== undefined);
  if (!seen.length || !seen.every((v) => typeof v === 'number')) return null;
  const distinct = new Set(seen).size;
  if (distinct <= MANY_NUMERIC_LEVELS) return null;
  return `subgroup ${sg.column}: the column holds numbers with ${distinct} different values and the plan gives no "cuts" or "levels", so every value is a level of its own; did you mean "cuts" (e.g. "cuts": [40, 60] gives the levels <40, 40–<60 and ≥60)?`;
}
