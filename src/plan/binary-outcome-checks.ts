/**
 * What the plan must say right about a yes/no outcome (docs/plan-trial.md#yesno-outcomes).
 *
 * Its MCID is a difference of proportions, 0 to 1 (0.1 = 10 percentage points), the scale the
 * risk difference is computed and judged on. An MCID of 1 or more cannot be one (a difference of
 * two proportions is at most 1), and is almost always percentage points written as such
 * (`"mcid": 10` for 10 pp): compared as it stands, every difference would be "not clinically
 * relevant". It is refused with the value to write instead.
 */
import type { Problem } from '../errors.js';
import { checkboxFieldOf } from '../instruments/binary-checkbox.js';
import type { Instrument } from '../instruments/instrument.js';
import { scoreColumnOf } from './outcome-columns.js';
import type { PlanOutcome } from './plan-schema.js';

export function binaryOutcomeProblems(o: Pick<PlanOutcome, 'key' | 'mcid'>, file: string, i: number): Problem[] {
  if (o.mcid === undefined || o.mcid < 1) return [];
  // 10 → 0.1, without the float noise of 7 / 100 = 0.06999999999999999.
  const fix = o.mcid <= 100 ? `write ${Number((o.mcid / 100).toPrecision(12))} for ${o.mcid} percentage points` : '0.1 is 10 percentage points';
  return [{
    file,
    field: `outcomes.${i}.mcid`,
    value: String(o.mcid),
    expected: `an MCID below 1 for the yes/no outcome "${o.key}": a difference of proportions, not percentage points — ${fix}`,
    kind: 'plan.binary-mcid',
  }];
}

/**
 * A yes/no outcome without "direction" is judged lower-is-better (fewer "yes" is the good result,
 * as for medication use): right for an adverse event, backwards for return to work. The plan
 * stays valid; `hta plan check` warns (plan-warnings.ts).
 */
export function binaryDirectionWarning(o: Pick<PlanOutcome, 'key' | 'direction'>): string | undefined {
  if (o.direction !== undefined) return undefined;
  return `yes/no outcome "${o.key}" has no "direction": it is judged "lower-is-better" (fewer "yes" answers is the good result, as for medication use) — set "direction": "lower-is-better" or "higher-is-better" (e.g. back at work) on the outcome (docs/plan-trial.md#yesno-outcomes)`;
}

/** "noneTicked" and "formComplete" say how to read a checkbox option column (REDCap, Castor): only on a yes/no outcome read from one. */
export function checkboxFieldProblems(o: PlanOutcome, inst: Instrument | undefined, file: string, i: number): Problem[] {
  const field = o.noneTicked !== undefined ? 'noneTicked' : o.formComplete !== undefined ? 'formComplete' : undefined;
  if (field === undefined || inst === undefined) return [];
  const column = scoreColumnOf(o);
  if (inst.kind === 'binary' && checkboxFieldOf(column) !== undefined) return [];
  return [{ file, field: `outcomes.${i}.${field}`, expected: `no "${field}" here: it is for a yes/no outcome read from a checkbox option column (REDCap "<field>___<code>", e.g. "medicin___1"; Castor "<field>#<option>", e.g. "medicin#1"), and outcome "${o.key}" reads ${inst.kind === 'binary' ? `"${column}"` : `a ${inst.name.en} score`}` }];
}
