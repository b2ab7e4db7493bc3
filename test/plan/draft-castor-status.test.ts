// plan init on a Castor EDC study export (docs/plan-trial.md#participant-flow): participants with
// no arm on any row are drafted as never randomised ("flow.notRandomised"), and the
// `Participant Status` column as the withdrawal reason, "Withdrawn" a reason and the other statuses
// in "flow.notWithdrawn" (never "missingCodes"); the draft reads its own export.
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { participantFlowOf } from '../../src/analysis/participant-flow.js';

/** 12 randomised participants (odd: App, even: Usual care), baseline and 3m; 110-003 and 110-008 withdrew; 110-013 and 110-014 never randomised (baseline only). */
const castorLines = (): string[] => {
  const lines = ['"Participant Id";"Participant Status";"Randomization Group Name";"visit";"age";"nrs_pain"'];
  for (let k = 1; k <= 12; k++) {
    const id = `110-${String(k).padStart(3, '0')}`;
    const status = k === 3 || k === 8 ? 'Withdrawn' : k % 3 ? 'Completed' : 'Locked';
    const arm = k % 2 ? 'App' : 'Usual care';
    lines.push(`"${id}";"${status}";"${arm}";"Baseline";"${30 + k}";"${k % 8}"`, `"${id}";"${status}";"${arm}";"3 months";"${30 + k}";"${(k * 3) % 9}"`);
  }
  lines.push('"110-013";"Not randomized";"";"Baseline";"44";"5"', '"110-014";"Not randomized";"";"Baseline";"51";"4"');
  return lines;
};
const csvOf = (lines: string[]) => parseCsvText(lines.join('\n') + '\n', 'castor.csv');

describe('plan init: a Castor study export', () => {
  it('drafts "flow.notRandomised", the status column as the withdrawal reason and "notWithdrawn", and says so', () => {
    const d = draftPlan(csvOf(castorLines()), 'plan.schema.json');
    const plan = d.plan as { columns: Record<string, unknown>; flow: Record<string, unknown>; missingCodes?: unknown[] };
    expect(plan.columns.withdrawalReason).toBe('Participant Status');
    expect(plan.flow).toEqual({
      notRandomised: { en: 'Not randomised', da: 'Ikke randomiseret' },
      withdrawalReasons: { Withdrawn: { kind: 'lost-to-follow-up' } },
      notWithdrawn: ['Completed', 'Locked'],
    });
    expect(plan.missingCodes ?? []).not.toContain('Completed');
    expect(d.checks.some((c) => c.startsWith('2 participants have no arm value on any row: drafted as enrolled but never randomised ("flow.notRandomised")'))).toBe(true);
    expect(d.checks.some((c) => c.includes('"Withdrawn" taken as lost to follow-up') && c.includes('"Completed", "Locked" as not withdrawn'))).toBe(true);
    expect(d.guesses.join('\n')).not.toMatch(/not used:.*Participant Status/);
    // The draft reads its own export: the two never randomised are counted, the two who withdrew lost to follow-up.
    const trial = loadTrial(csvOf(castorLines()), parsePlan(d.plan));
    expect(trial.patients).toHaveLength(12);
    expect(trial.notRandomised).toEqual({ patients: 2, rows: 2, inExport: 14 });
    const flow = participantFlowOf(trial)!;
    expect(flow.losses!.intervention.map((r) => [r.value, r.n])).toEqual([['Withdrawn', 1]]);
    expect(flow.losses!.control.map((r) => [r.value, r.n])).toEqual([['Withdrawn', 1]]);
  });

  it('the column read by default, "withdrawal_reason", holding COMPLETED: drafted in "flow.notWithdrawn", and the draft reads its own export', () => {
    // Before: nothing drafted, and validate refused every COMPLETED cell (withdrawal-status.ts) — 40 problems on this export.
    const lines = ['record_id;arm;visit;age;rmdq;withdrawal_reason'];
    for (let k = 1; k <= 10; k++) {
      const reason = k === 4 ? 'Lost to follow-up' : 'COMPLETED';
      for (const v of ['Baseline', '3 months']) lines.push(`${k};${k % 2 ? 'App' : 'Usual care'};${v};${30 + k};${(k * 3) % 20};${v === 'Baseline' || k !== 4 ? reason : ''}`);
    }
    const d = draftPlan(csvOf(lines), 'plan.schema.json');
    expect((d.plan as { flow?: Record<string, unknown> }).flow).toEqual({ notWithdrawn: ['COMPLETED'] });
    expect(d.guesses.join('\n')).toContain('withdrawal reason "withdrawal_reason": "COMPLETED" = did not withdraw ("flow.notWithdrawn")');
    const trial = loadTrial(csvOf(lines), parsePlan(d.plan));
    expect(trial.patients).toHaveLength(10);
  });

  it('a status saying the participant died ("Deceased", "Død", "Afgået ved døden") is a reason for leaving, named "Died" / "Død" in the flow', () => {
    // Before: drafted into "flow.notWithdrawn", so an arm's deaths vanished from the flow ("Lost to follow-up: n = 0").
    for (const [word, other] of [['Deceased', 'Withdrawn'], ['Død', 'Udgået'], ['Afgået ved døden', 'Udgået']] as const) {
      const lines = castorLines().map((l) => l.replace(/"110-(003|008)";"Withdrawn"/, (_m, n: string) => `"110-${n}";"${n === '003' ? word : other}"`));
      const d = draftPlan(csvOf(lines), 'plan.schema.json');
      const plan = d.plan as { flow: { withdrawalReasons: Record<string, unknown>; notWithdrawn?: string[] } };
      expect(plan.flow.withdrawalReasons[word]).toEqual({ kind: 'lost-to-follow-up', label: { en: 'Died', da: 'Død' } });
      expect(plan.flow.withdrawalReasons[other]).toEqual({ kind: 'lost-to-follow-up' });
      expect(plan.flow.notWithdrawn).not.toContain(word);
      expect(d.checks.join('\n')).toMatch(new RegExp(`"${word}" (taken )?as died \\(counted among the losses to follow-up, as CONSORT does`));
      const flow = participantFlowOf(loadTrial(csvOf(lines), parsePlan(d.plan)))!;
      // 110-003 is in the App arm (odd), 110-008 in Usual care.
      expect(flow.losses!.intervention.map((r) => [r.value, r.n])).toEqual([[word, 1]]);
      expect(flow.losses!.control.map((r) => [r.value, r.n])).toEqual([[other, 1]]);
    }
  });

  it('no participant without an arm and no status meaning "withdrew": neither key', () => {
    const lines = castorLines().slice(0, -2).map((l) => l.replace('"Withdrawn"', '"Completed"'));
    const plan = draftPlan(csvOf(lines), 'plan.schema.json').plan as { columns: Record<string, unknown>; flow?: unknown };
    expect(plan.flow).toBeUndefined();
    expect(plan.columns.withdrawalReason).toBeUndefined();
  });
});
