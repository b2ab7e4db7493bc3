/**
 * `hta plan init` says that the withdrawal-reason column read by default is read and printed in
 * the CONSORT flow, never lists it as "not used" (a user trusting that would not clean it), and
 * counts, without quoting, its values that read as free text (docs/plan-trial.md#participant-flow).
 */
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';

function csv(reasons: Record<number, string>): ReturnType<typeof parseCsvText> {
  const lines = ['id,arm,time,pain,withdrawal_reason,comment'];
  for (let i = 1; i <= 20; i++) {
    const arm = i % 2 ? 'app' : 'usual';
    const r = reasons[i] ?? '';
    lines.push(`P${i},${arm},baseline,${3 + (i % 5)},"${r}",`, ...(r ? [] : [`P${i},${arm},3m,${2 + (i % 4)},,`]));
  }
  return parseCsvText(lines.join('\n'), 'trial.csv');
}

describe('plan init and the default withdrawal-reason column', () => {
  it('says it is read and printed, counts the free text without quoting it, and never lists it as not used', () => {
    const d = draftPlan(csv({ 3: 'Ikke tid', 5: 'Døde (Poul Nielsen, 0101501234)', 8: 'Flyttet til Aarhus, se note fra Hanne Jensen' }), 'plan.schema.json');
    const said = d.guesses.find((g) => g.startsWith('withdrawal reason "withdrawal_reason": read by default'));
    expect(said).toMatch(/printed in the CONSORT flow under their own names; 2 patients' reasons read as free text .* counted as "Other reason \(free text, not shown\)"/);
    expect(d.guesses.join('\n')).not.toMatch(/Poul|Hanne|0101501234/);
    expect(d.guesses.find((g) => g.startsWith('not used: '))).toBe('not used: comment');
  });

  it('coded reasons only: said without a free-text count', () => {
    const d = draftPlan(csv({ 3: 'Ikke tid', 6: 'Bivirkninger' }), 'plan.schema.json');
    expect(d.guesses).toContain('withdrawal reason "withdrawal_reason": read by default as the reason each patient left the study — its values are printed in the CONSORT flow under their own names; to name them yourself, give each its kind and label in "flow.withdrawalReasons"');
  });
});
