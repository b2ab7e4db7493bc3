/**
 * With a plan, a reported result of a yes/no outcome (the plan's outcome scored with a binary
 * instrument, say `med_use`) must say its measure: without one, `difference, ci_lower, ci_upper`
 * is read as a mean difference, and a risk ratio of 0.74 [0.56, 0.98] would be pooled as an
 * increase of 0.74 (docs/input-studies.md, "Yes/no outcomes need a measure"). Events rows are
 * risk ratios by default and need none; MD and SMD on such an outcome are refused too.
 */
import { HtaError, type Problem } from '../errors.js';
import { instrumentForOutcome } from '../plan/outcome-instrument.js';
import type { Plan } from '../plan/plan-schema.js';
import { sameKey } from './outcome-settings.js';
import type { StudyTable } from './read-studies.js';

export function checkPlanMeasures(table: StudyTable, plan: Plan): void {
  const problems: Problem[] = [];
  const column = table.measureColumn === null ? {} : { column: table.measureColumn };
  for (const r of table.records) {
    const outcome = sameKey(plan.outcomes, (o) => o.key, r.outcome);
    if (outcome === undefined || instrumentForOutcome(outcome, plan).kind !== 'binary') continue;
    const yesNo = `the plan's outcome "${outcome.key}" is yes/no (instrument ${outcome.instrument})`;
    if (r.input.kind === 'arms') {
      problems.push({ file: table.file, line: r.line, kind: 'meta.binary-arms', expected: `events and n per arm, or a reported RR, OR or RD: ${yesNo}, and means and SDs are not pooled for it` });
    } else if (r.input.kind !== 'events' && !r.measureGiven) {
      problems.push({
        file: table.file,
        line: r.line,
        ...column,
        field: 'measure',
        kind: 'meta.binary-without-measure',
        expected: `a measure, RR, OR or RD: ${yesNo}, and a reported result without a measure would be pooled as a mean difference`,
        hint: table.measureColumn === null
          ? 'add a column measure and write RR, OR or RD on each row (for RR and OR the ratio and its CI as published)'
          : 'write RR, OR or RD in the measure column (for RR and OR the ratio and its CI as published)',
      });
    } else if (r.measure === 'MD' || r.measure === 'SMD') {
      problems.push({ file: table.file, line: r.line, ...column, field: 'measure', value: r.measure, kind: 'meta.binary-continuous-measure', expected: `RR, OR or RD: ${yesNo}, not a continuous score` });
    }
  }
  if (problems.length > 0) throw new HtaError('input.invalid', `${table.file} has ${problems.length} problem(s) with the plan's yes/no outcomes`, problems);
}
