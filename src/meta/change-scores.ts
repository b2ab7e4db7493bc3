/**
 * A standardised mean difference that mixes change scores with final values (docs/input-studies.md,
 * "SMD: change scores and final values"). The SD of a change from baseline differs from the SD of
 * final values, so their SMDs are not on one scale and may not be pooled together (Cochrane
 * Handbook v6, §10.5.2; an MD may mix them). A row's arm means below the bottom of the outcome's
 * known scale (RMDQ 0–24: −12.1) can only be changes: beside rows of final values such SMD rows are
 * refused. Without a known scale, an SMD pool with rows whose both means are negative beside rows
 * whose both means are positive is warned about.
 */
import type { Problem } from '../errors.js';
import type { Plan } from '../plan/plan-schema.js';
import type { StudyRecord, StudyTable } from './read-studies.js';
import { scaleFor } from './scale-checks.js';

type Reading = 'change' | 'final' | 'unknown';

function groupsOf(records: readonly StudyRecord[]): StudyRecord[][] {
  const groups = new Map<string, StudyRecord[]>();
  for (const r of records) {
    if (r.measure !== 'SMD' || r.input.kind !== 'arms') continue;
    const key = JSON.stringify([r.outcome, r.time]);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()];
}

const means = (r: StudyRecord): [number, number] => (r.input.kind === 'arms' ? [r.input.arms.meanIntervention, r.input.arms.meanControl] : [Number.NaN, Number.NaN]);
const label = (r: StudyRecord) => `${r.study} (line ${r.line})`;

/** Refusals: SMD rows whose means are below the known scale's bottom (changes) beside rows on the scale. */
export function changeScoreProblems(table: StudyTable, plan: Plan | undefined): Problem[] {
  const problems: Problem[] = [];
  for (const rows of groupsOf(table.records)) {
    const scale = scaleFor((rows[0] as StudyRecord).outcome, plan);
    if (scale === undefined) continue;
    const [lo, hi] = scale.range;
    const reading = (r: StudyRecord): Reading => {
      const m = means(r);
      if (m.some((x) => x < lo)) return 'change';
      return m.every((x) => x >= lo && x <= hi) ? 'final' : 'unknown';
    };
    const changes = rows.filter((r) => reading(r) === 'change');
    const finals = rows.filter((r) => reading(r) === 'final');
    if (changes.length === 0 || finals.length === 0) continue;
    for (const r of changes) {
      // The cell that shows the change: the intervention arm's mean, or the control's when only it is below the scale.
      const field = means(r)[0] < lo ? 'mean_intervention' : 'mean_control';
      const cell = r.cells[field];
      problems.push({
        file: table.file,
        line: r.line,
        ...(cell ? { column: cell.column, value: cell.text } : {}),
        field,
        kind: 'meta.smd-change-and-final',
        expected: `final values, as the other rows of this SMD give (${finals.map(label).join(', ')}): means below the bottom of ${scale.key.toUpperCase()} ${lo}–${hi} are changes from baseline, whose SD differs from that of final values, so an SMD cannot pool the two (Cochrane Handbook v6, §10.5.2)`,
        hint: 'enter every study as final values (or every study as changes) if the papers report them, or pool a mean difference (measure MD), which may mix changes and final values on one scale',
      });
    }
  }
  return problems;
}

/** Warnings: an SMD pool on no known scale whose rows' means are all negative in some studies and all positive in others. */
export function changeScoreWarnings(table: StudyTable, plan: Plan | undefined): string[] {
  const warnings: string[] = [];
  for (const rows of groupsOf(table.records)) {
    const first = rows[0] as StudyRecord;
    if (scaleFor(first.outcome, plan) !== undefined) continue;
    const negative = rows.filter((r) => means(r).every((x) => x < 0));
    const positive = rows.filter((r) => means(r).every((x) => x > 0));
    if (negative.length === 0 || positive.length === 0) continue;
    warnings.push(
      `${first.outcome} ${first.time} (SMD): the means of ${negative.map(label).join(', ')} are negative and those of ${positive.map(label).join(', ')} positive — ` +
        'if some are changes from baseline and others final values, an SMD cannot pool them (their SDs differ: Cochrane Handbook v6, §10.5.2): enter all one way, or pool a mean difference',
    );
  }
  return warnings;
}
