/**
 * A resource-use period no patient has any count for. A per-patient cost file merged into the
 * export puts each patient's totals on one visit's row (the last), leaving the other periods'
 * rows empty; every patient's total cost was then missing and the imputation stopped with
 * "Column cost has only 0 observed values" (exit 1), naming neither the period nor the fix.
 * docs/plan-cea.md#inputs.
 */
import { HtaError } from '../errors.js';
import type { CeaPatient } from './cea-patients.js';
import type { ResolvedCeaPlan } from './load-cea-plan.js';

/** Throws `input.invalid` when a period of the plan has no resource-use count in any patient's row. */
export function refuseEmptyPeriods(patients: readonly CeaPatient[], resolved: ResolvedCeaPlan, exportFile: string): void {
  const { plan } = resolved;
  const empty = plan.periods.filter((_, k) => !patients.some((p) => plan.resourceUse.some((r) => p.units[r.key]?.[k] != null)));
  if (empty.length === 0) return;
  const filled = plan.periods.filter((p) => !empty.includes(p));
  const columns = plan.resourceUse.map((r) => `"${r.column}"`).join(', ');
  const fix = filled.length
    ? `if the export holds each patient's resource use since randomisation on the ${filled.map((p) => `"${p}"`).join(', ')} row${filled.length === 1 ? '' : 's'}, list only ${filled.length === 1 ? 'that visit' : 'those visits'} in "periods" (${JSON.stringify(filled)})`
    : 'check the resource-use columns and the visits in "periods"';
  throw new HtaError(
    'input.invalid',
    `no patient of ${exportFile} has resource use for ${empty.length === 1 ? 'period' : 'periods'} ${empty.map((p) => `"${p}"`).join(', ')}: every cost would be missing`,
    empty.map((p) => ({
      file: resolved.file,
      field: 'periods',
      value: p,
      expected: `resource use (${columns}) on the "${p}" rows of the export for some patients; ${fix}`,
      kind: 'cea.period.empty',
    })),
  );
}
