// A medication column holding a count (days with analgesics last week, 0–7) is no yes/no outcome:
// plan init drafts a plan instrument of its observed range with a label of its own, and validate
// tells a yes/no outcome holding such numbers to use a numeric instrument (not more codes).
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { HtaError } from '../../src/errors.js';

const csv = (() => {
  const lines = ['id,arm,time,medicin,analgetika_dage'];
  for (let p = 1; p <= 20; p++) {
    for (const [k, t] of ['baseline', '3m'].entries()) {
      const yes = (p + k) % 3 !== 0;
      lines.push(`${p},${p % 2 ? 'A' : 'B'},${t},${yes ? 'Ja' : 'Nej'},${yes ? 1 + ((p * 5 + k) % 7) : 0}`);
    }
  }
  return lines.join('\n') + '\n';
})();

describe('a medication count', () => {
  const draft = draftPlan(parseCsvText(csv, 'export.csv'), 'plan.schema.json');
  const plan = draft.plan as { outcomes: { key: string; instrument: string; label?: { en: string } }[]; instruments?: Record<string, { range: number[]; label: { en: string }; unit?: { en: string } }> };

  it('is drafted as a plan instrument of its observed range, not as yes/no, and the yes/no column keeps its own label', () => {
    expect(plan.outcomes.map((o) => [o.key, o.instrument])).toEqual([['medicin', 'binary']]);
    const count = plan.instruments!.analgetika_dage!;
    expect(count.range).toEqual([0, 7]);
    expect(count.unit?.en).toBe('days');
    expect(count.label.en).not.toBe(plan.outcomes[0]!.label!.en);
    expect(draft.checks.join('\n')).toContain('add { "key": "analgetika_dage", "instrument": "analgetika_dage", "mcid": <days> } to "outcomes"');
  });

  it('a yes/no medication column is still drafted as yes/no', () => {
    const yesNo = draftPlan(parseCsvText(csv.replace(/,\d+\n/g, ',1\n'), 'export.csv'), 'plan.schema.json').plan as typeof plan;
    expect(yesNo.outcomes.find((o) => o.key === 'analgetika_dage')?.instrument).toBe('binary');
  });

  it('read as yes/no, validate says to use a numeric instrument', () => {
    const yesNo = parsePlan({ arms: { intervention: 'A', control: 'B' }, timepoints: ['3m'], outcomes: [{ key: 'analgetika_dage', instrument: 'binary', direction: 'lower-is-better' }] });
    let err: unknown;
    try {
      loadTrial(parseCsvText(csv, 'export.csv'), yesNo);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HtaError);
    const expected = (err as HtaError).problems.map((p) => p.expected).join('\n');
    expect(expected).toContain('a yes/no outcome holds 0 and 1 only — a count or scale needs a numeric instrument');
  });
});
