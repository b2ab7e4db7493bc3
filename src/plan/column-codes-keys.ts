/**
 * "columnCodes" keys that name no column the plan reads, where the user's intent is plain: a wide
 * export's column with its visit suffix (`EQ5D_3mdr` for the plan's `EQ5D`), or a near miss of a
 * column the plan reads (`Koen` for `Køn`). Such a key's codes were applied to nothing, so a 9
 * meant as "missing" was read as an answer of 9 (docs/plan-trial.md#codes-order-and-scope).
 * A key that is neither is left alone: it may name a column read elsewhere (an adverse-event
 * listing's, a flow column), and this check does not know every one.
 */
import type { Problem } from '../errors.js';
import { columnsNamedBy } from '../trial/load-trial.js';
import { didYouMean } from '../trial/near-miss.js';
import { exportTimeOf, type Plan } from './plan-schema.js';

/** The stems the plan reads (no visit suffixes): outcome scores and items, covariates, subgroup/population columns, adverse-event columns. */
function columnsRead(plan: Plan): string[] {
  // A header holding the time column reads as a long export: the plan's columns without suffixes.
  const named = columnsNamedBy({ ...plan, layout: 'long' }, [plan.columns.time]);
  const ae = plan.adverseEvents;
  const aeColumns = ae ? [ae.serious, ae.related, ae.soc, ae.term].filter((c): c is string => c !== undefined) : [];
  const never = new Set([plan.columns.id, plan.columns.arm, plan.columns.time]);
  return [...new Set([...named, ...aeColumns])].filter((c) => !never.has(c));
}

export function columnCodesKeyProblems(plan: Plan, file: string): Problem[] {
  const keys = Object.keys(plan.columnCodes);
  if (keys.length === 0) return [];
  const read = columnsRead(plan);
  const readSet = new Set(read);
  // A visit as the plan labels it and as the export writes it (timeLabels).
  const suffixes = [...new Set([plan.baseline, ...plan.timepoints, ...(plan.allTimepoints ?? [])].flatMap((t) => [t, exportTimeOf(plan, t)]))];
  const problems: Problem[] = [];
  for (const key of keys) {
    if (readSet.has(key)) continue;
    const stem = suffixes.map((s) => (key.endsWith(`_${s}`) ? key.slice(0, -(s.length + 1)) : undefined)).find((s) => s !== undefined && readSet.has(s));
    if (stem !== undefined) {
      problems.push({ file, field: `columnCodes.${key}`, value: key, expected: `the column as the plan names it, without its visit suffix: "${stem}" — a column's codes apply at every visit (a wide export's columns are read without their _<visit> suffix); as written they apply to no column` });
      continue;
    }
    const near = didYouMean(key, read);
    if (near !== undefined) problems.push({ file, field: `columnCodes.${key}`, value: key, expected: `a column the plan reads (${near}); as written the codes apply to no column` });
  }
  return problems;
}
