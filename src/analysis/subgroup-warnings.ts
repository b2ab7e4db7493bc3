/**
 * The warnings of the subgroup analyses, summarised per subgroup (docs/subgroups.md#too-few-patients-in-a-level).
 *
 * A clinic subgroup of 24 levels × 6 outcomes × 3 visits gave one warning per level held back
 * (404 lines on stderr), burying any warning that mattered. A level held back by the plan's own
 * "minPerArm" (patients in one arm only included) is the plan's choice, not a failure: one line per
 * subgroup says how many levels, where, and why, and the report's tables name each with its counts.
 * A level that failed for another reason (the model could not be fitted) keeps its own warning.
 *
 * The trial report prints every level's counts beside its name, unsuppressed (docs/subgroups.md#small-counts):
 * a second line per subgroup says how many levels show fewer than SMALL_COUNT patients in an arm,
 * so a unit publishing under the registries' rule (no cell under 5) sees it before publishing.
 */
import type { SubgroupResult } from './results-schema.js';

/** The registries' disclosure threshold (Sundhedsdatastyrelsen, RKKP: no count under 5). */
export const SMALL_COUNT = 5;

/** Whether a level's row is held back by the subgroup's minimum per arm (`levelsTooFew`: patients, too few in an arm). */
export const heldBack = (g: SubgroupResult, level: string) => (g.interaction.levelsTooFew ?? []).includes(level);

/** Whether a test for interaction was not run for want of levels once those below the minimum are left out. */
export const testHeldBack = (g: SubgroupResult) => (g.interaction.levelsTooFew ?? []).length > 0 && g.interaction.levelsTested.length < 2;

/** The warnings of `groups` (in their order), one or two summary lines per subgroup and the other failures each. */
export function subgroupWarnings(groups: readonly SubgroupResult[]): string[] {
  const warnings: string[] = [];
  const columns = [...new Set(groups.map((g) => g.subgroup))];
  for (const column of columns) {
    const analyses = groups.filter((g) => g.subgroup === column);
    const levels = new Set<string>();
    const back = new Set<string>();
    const oneArm = new Set<string>();
    const small = new Set<string>();
    let notTested = 0;
    const others: string[] = [];
    for (const g of analyses) {
      const where = `subgroup ${g.subgroup}, ${g.outcome} at ${g.time}`;
      for (const l of g.levels) {
        const n = l.effect.n;
        if (n === undefined || n.intervention + n.control === 0) {
          if (l.effect.error) others.push(`${where}, level ${l.level}: ${l.effect.error}`);
          continue;
        }
        levels.add(l.level);
        if (Math.min(n.intervention, n.control) < SMALL_COUNT) small.add(l.level);
        if (l.effect.error && heldBack(g, l.level)) {
          back.add(l.level);
          if (n.intervention === 0 || n.control === 0) oneArm.add(l.level);
        } else if (l.effect.error) others.push(`${where}, level ${l.level}: ${l.effect.error}`);
      }
      if (g.interaction.error && testHeldBack(g)) notTested++;
      else if (g.interaction.error) others.push(`${where}, interaction: ${g.interaction.error}`);
    }
    const min = analyses[0]!.interaction.minPerArm ?? SMALL_COUNT;
    if (back.size) {
      const one = oneArm.size ? `, ${oneArm.size} of them with patients in one arm only` : '';
      const untested = notTested ? `; ${notTested} of the ${analyses.length} tests not run, fewer than 2 levels being left` : '';
      warnings.push(
        `subgroup ${column}: ${back.size} of ${levels.size} levels had fewer than ${min} patients in an arm in at least one of its ${analyses.length} analyses (outcome × time)${one}: ` +
          `no estimate for them there, and left out of the tests for interaction${untested} (each level and its counts in the subgroup tables; docs/subgroups.md#too-few-patients-in-a-level)`,
      );
    }
    if (small.size) {
      warnings.push(`subgroup ${column}: ${small.size} of ${levels.size} levels have fewer than ${SMALL_COUNT} patients in an arm in at least one analysis; their counts are printed beside the level's name, not suppressed (docs/subgroups.md#small-counts)`);
    }
    warnings.push(...others);
  }
  return warnings;
}
