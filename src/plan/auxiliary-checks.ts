/**
 * The multiple imputation's auxiliary variables (`"missing": { "auxiliary": [...] }`) are columns
 * that enter the imputation model only (docs/plan-trial.md#multiple-imputation). A column the
 * analysis model already holds — a covariate, or an outcome's score or item column (also with a
 * wide export's `_<visit>` suffix) — cannot be one: the model would hold it twice, or the methods
 * would call an analysed column auxiliary. Nor can the plan's id, arm or (long export) visit column.
 */
import type { Problem } from '../errors.js';
import { exportTimeOf, type Plan } from './plan-schema.js';
import { instrumentForOutcome } from './outcome-instrument.js';
import { itemColumnsOf, scoreColumnOf } from './outcome-columns.js';

export function auxiliaryProblems(plan: Plan, file: string): Problem[] {
  const auxiliary = plan.missing.auxiliary ?? [];
  if (!auxiliary.length) return [];
  const covariateOf = new Map(plan.covariates.map((name) => [Object.hasOwn(plan.columns.covariates, name) ? plan.columns.covariates[name]! : name, name]));
  const times = [plan.baseline, ...plan.timepoints, ...(plan.allTimepoints ?? [])].map((t) => exportTimeOf(plan, t));
  const outcomeOf = new Map<string, string>();
  for (const o of plan.outcomes) {
    let items: string[] = [];
    try {
      items = itemColumnsOf(o, instrumentForOutcome(o, plan));
    } catch {
      // An unknown instrument is its own plan problem, said elsewhere.
    }
    for (const column of [scoreColumnOf(o), ...items]) {
      outcomeOf.set(column, o.key);
      for (const t of times) outcomeOf.set(`${column}_${t}`, o.key);
    }
  }
  // The columns that say who, which arm and which visit: the arm is in the imputation model
  // already (or imputed apart, with byArm); an id or visit label is no patient characteristic.
  // A wide export has no visit column, so there "time" may be an ordinary column.
  const structural = new Map<string, string>([
    [plan.columns.id, 'the patient id ("columns": { "id" })'],
    [plan.columns.arm, 'the arm ("columns": { "arm" }), which is in the imputation model already (or each arm imputed alone with "byArm")'],
    ...(plan.layout === 'wide' ? [] : [[plan.columns.time, 'the visit of each row ("columns": { "time" })'] as [string, string]]),
  ]);
  const problems: Problem[] = [];
  auxiliary.forEach((column, i) => {
    const field = `missing.auxiliary.${i}`;
    const covariate = covariateOf.get(column);
    const role = structural.get(column);
    if (role !== undefined) {
      problems.push({ file, field, value: column, expected: `a patient characteristic, not ${role}` });
    } else if (covariate !== undefined) {
      problems.push({ file, field, value: column, expected: `a column that is not one of the plan's "covariates" (it is covariate ${JSON.stringify(covariate)}): a covariate is in the imputation model already, and in the analysis model too; an auxiliary variable is in the imputation model only — remove it from one of the two lists` });
    } else if (outcomeOf.has(column)) {
      problems.push({ file, field, value: column, expected: `a column that no outcome reads (outcome ${JSON.stringify(outcomeOf.get(column))} reads it): an outcome's visits are in the imputation model already; an auxiliary variable is another column of the export` });
    }
  });
  return problems;
}
