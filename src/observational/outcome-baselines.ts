/**
 * A wide registry export in which one outcome has no baseline column while the others do
 * (`sygeuger_bl`, `gp_bl`, `eq5d_bl` beside `smerte_12m` alone: a redemption counted in the 12
 * months after the index date). With the baseline a confounder every outcome needs its baseline
 * value; read on, every patient lacked it, and the analysis said "too few patients" and "a person
 * without an event must be 0, not empty" — a join that was right sent back to be redone. The
 * whole-export check (load-trial.ts: no column at all for the baseline) did not see it, since the
 * other outcomes have theirs. Refused at the header, as that check refuses a missing visit
 * (docs/observational.md, "An export with follow-up values only").
 */
import type { Problem } from '../errors.js';
import type { Plan } from '../plan/plan-schema.js';
import type { OutcomeSource } from '../trial/trial-data.js';

/**
 * The outcomes of an observational plan that need their baseline value: every one when the
 * baseline is a confounder, and a responder definition's outcome (it compares baseline and follow-up).
 */
function outcomesNeedingBaseline(plan: Plan): Set<string> {
  if (plan.design !== 'observational' || !plan.observational) return new Set();
  if (plan.observational.baselineAsConfounder) return new Set(plan.outcomes.map((o) => o.key));
  return new Set(plan.responders.map((r) => r.outcome));
}

/**
 * One problem per outcome with no column at the baseline while the export has the baseline for
 * others. `columnAt(time, longColumn)`: the wide column (1-based, 0 for none) of a long column at
 * an export visit (wide-to-long.ts sourceColumns); `baseline`: the baseline's export label;
 * `followUps`: the follow-up visits' export labels; `timeColumn`: the long header's visit column.
 */
export function missingOutcomeBaselines(plan: Plan, file: string, sources: readonly OutcomeSource[], columnAt: (time: string, longColumn: number) => number, wideHeader: readonly string[], baseline: string, followUps: readonly string[], timeColumn: number): Problem[] {
  const needing = outcomesNeedingBaseline(plan);
  const all = plan.observational?.baselineAsConfounder === true;
  return sources.flatMap((src): Problem[] => {
    if (!needing.has(src.key)) return [];
    // Columns read at each visit (after the visit column); a line column is another check's (lineOutcomeProblems).
    const perVisit = src.columnIndexes.filter((i) => i > timeColumn);
    if (!perVisit.length || perVisit.some((i) => columnAt(baseline, i) > 0)) return [];
    const has = followUps.flatMap((t) => perVisit.map((i) => columnAt(t, i)).filter((c) => c > 0).map((c) => wideHeader[c - 1]!));
    if (!has.length) return [];
    const stem = src.columns[0]!;
    const why = all
      ? `the plan adjusts every outcome for its baseline value ("baselineAsConfounder": true, the default), and the export has ${has.map((h) => `"${h}"`).join(', ')} only — a register outcome counted after the index date only (a redemption in the 12 months after it) has no baseline: analyse it in a plan of its own with "observational": { "baselineAsConfounder": false } (the option is the whole plan's: the outcomes with a baseline column keep their adjustment in this plan), or add its baseline column to the export`
      : `a responder definition of it compares the baseline with the follow-up, and the export has ${has.map((h) => `"${h}"`).join(', ')} only — add its baseline column to the export, or leave the responder definition out`;
    return [{ file, line: 1, value: `${stem}_${baseline}`, expected: `a column "${stem}_${baseline}" for outcome "${src.key}" at the plan's baseline "${plan.baseline}": ${why}`, kind: `column.outcome-baseline:${src.key}` }];
  });
}
