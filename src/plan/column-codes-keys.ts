/**
 * "columnCodes" keys that name no column read, where the user's intent is plain: a wide export's
 * column with its visit suffix (`EQ5D_3mdr` for the plan's `EQ5D`), or a near miss of a column of
 * the export (`Koen` for `Køn`). Such a key's codes were applied to nothing, so a 9 meant as
 * "missing" was read as an answer of 9 (docs/plan-trial.md#codes-order-and-scope).
 *
 * Checked against the export's header, not the plan alone: the codes also apply to columns only a
 * report or the cost-effectiveness analysis reads (Table 1's characteristics, resource use), which
 * the plan does not name. A key that is a column of the export is never refused, nor one naming an
 * adverse-event listing's column (another file); a near miss never suggests the id, arm or time.
 */
import type { Problem } from '../errors.js';
import { didYouMean } from '../trial/near-miss.js';
import { exportTimeOf, type Plan } from './plan-schema.js';

export interface ColumnCodesKeyContext {
  file: string;
  /** The export's header, in the plan's spelling. */
  header: readonly string[];
  /** The export read as wide (a column per visit). */
  wide: boolean;
  /** The columns the plan reads at every visit, without suffixes (outcome scores and items, covariates, …). */
  perVisit: readonly string[];
}

export function columnCodesKeyProblems(plan: Plan, ctx: ColumnCodesKeyContext): Problem[] {
  const keys = Object.keys(plan.columnCodes);
  if (keys.length === 0) return [];
  const header = new Set(ctx.header);
  const ae = plan.adverseEvents;
  const elsewhere = new Set(ae ? [ae.serious, ae.related, ae.soc, ae.term].filter((c): c is string => c !== undefined) : []);
  const perVisit = new Set(ctx.perVisit);
  // A visit as the plan labels it and as the export writes it (timeLabels).
  const suffixes = [...new Set([plan.baseline, ...plan.timepoints, ...(plan.allTimepoints ?? [])].flatMap((t) => [t, exportTimeOf(plan, t)]))];
  const never = new Set([plan.columns.id, plan.columns.arm, plan.columns.time]);
  const candidates = [...new Set([...ctx.perVisit, ...ctx.header])].filter((c) => !never.has(c));
  const problems: Problem[] = [];
  for (const key of keys) {
    if (perVisit.has(key) || elsewhere.has(key)) continue;
    // In a wide export `EQ5D_3mdr` is read as the plan's `EQ5D` at 3mdr: codes keyed so reach nothing.
    const stem = ctx.wide ? suffixes.map((s) => (key.endsWith(`_${s}`) ? key.slice(0, -(s.length + 1)) : undefined)).find((s) => s !== undefined && perVisit.has(s)) : undefined;
    if (stem !== undefined) {
      problems.push({ file: ctx.file, line: 1, field: `columnCodes.${key}`, value: key, kind: 'plan.column-codes', expected: `"columnCodes" keyed by the column as the plan names it, without its visit suffix: "${stem}" — a column's codes apply at every visit (a wide export's columns are read without their _<visit> suffix); as written they apply to no column` });
      continue;
    }
    if (header.has(key)) continue;
    const near = didYouMean(key, candidates);
    if (near !== undefined) problems.push({ file: ctx.file, line: 1, field: `columnCodes.${key}`, value: key, kind: 'plan.column-codes', expected: `"columnCodes" keyed by a column of the export (${near}); as written the codes apply to no column` });
  }
  return problems;
}
