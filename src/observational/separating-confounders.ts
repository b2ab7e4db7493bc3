/**
 * Which confounders separate the groups, when the propensity model cannot be fitted for
 * separation (docs/observational.md, "Separation"). The fit's message said "remove or coarsen
 * the confounder that separates the groups" without naming it; a registry column such as app
 * minutes (0 for every non-user) was then a hunt. Here each confounder is fitted alone, and when
 * none separates alone, the model is refitted without each in turn; those found are named. The
 * names are the plan's; no value, level or count is said, so nothing about a patient is published.
 */
import { HtaError } from '../errors.js';
import type { ObservationalDesign } from './observational-design.js';
import { propensityScores } from './propensity-score.js';

/** The start of the separation message (propensity-score.ts). */
export const SEPARATION = 'the propensity model cannot be fitted: the confounders predict exposure (almost) perfectly (separation)';

export function isSeparation(err: unknown): err is HtaError {
  return err instanceof HtaError && err.code === 'analysis.failed' && err.message.startsWith(SEPARATION);
}

/** Whether the propensity model on columns `keep` of `X` is free of separation (another failure, as too few patients for its coefficients, is not separation). */
function fits(X: readonly (readonly number[])[], exposed: readonly number[], terms: readonly string[], keep: readonly number[]): boolean {
  try {
    propensityScores(X.map((row) => keep.map((j) => row[j]!)), exposed, keep.map((j) => terms[j]!));
    return true;
  } catch (err) {
    if (isSeparation(err)) return false;
    if (err instanceof HtaError && err.code === 'analysis.failed') return true;
    throw err;
  }
}

/**
 * The confounders that separate the groups, in the plan's order: those that do by themselves (a
 * model of the intercept and that confounder alone cannot be fitted); when none does, those
 * without any one of which the full model can be fitted (a combination that separates). None
 * found: [] (the message stays general).
 */
export function separatingConfounders(d: ObservationalDesign, X: readonly (readonly number[])[], terms: readonly string[]): string[] {
  const names = [...new Set(d.confounderColumns.map((c) => c.confounder))];
  // The propensity form's columns: the intercept, then the confounder columns in order (designRows).
  const columnsOf = (name: string) => d.confounderColumns.flatMap((c, j) => (c.confounder === name ? [j + 1] : []));
  const alone = names.filter((name) => !fits(X, d.exposed, terms, [0, ...columnsOf(name)]));
  if (alone.length || names.length < 2) return alone;
  return names.filter((name) => {
    const drop = new Set(columnsOf(name));
    return fits(X, d.exposed, terms, terms.map((_, j) => j).filter((j) => !drop.has(j)));
  });
}

/** The separation message with the confounders that separate named (none found: the message as it was). */
export function separationMessage(message: string, names: readonly string[]): string {
  if (!names.length) return message;
  const quoted = names.map((n) => `"${n}"`).join(', ');
  const which = names.length === 1 ? `confounder ${quoted} separates the groups` : `confounders ${quoted} separate the groups`;
  return `${SEPARATION}; ${which} — a column that records the exposure itself (app minutes, logins) is no confounder: remove it; otherwise coarsen it, or restrict the population`;
}
