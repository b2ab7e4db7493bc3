// A `wai` column holding the single-item Work Ability Score (0–10): validate names "was", and
// plan init takes it as WAS (src/trial/work-ability-scale.ts, src/plan/draft-plan.ts).
import { describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';

const exportOf = (value: (p: number, t: string) => string) => {
  const lines = ['id,arm,time,wai'];
  for (let p = 1; p <= 12; p++) for (const t of ['baseline', '3m']) lines.push(`${p},${p % 2 ? 'A' : 'B'},${t},${value(p, t)}`);
  return lines.join('\n') + '\n';
};
const problemsOf = (csv: string) => {
  const plan = parsePlan({ arms: { intervention: 'A', control: 'B' }, timepoints: ['3m'], outcomes: [{ key: 'wai', instrument: 'wai', mcid: 3 }] });
  try {
    loadTrial(parseCsvText(csv, 'x.csv'), plan);
  } catch (e) {
    if (e instanceof HtaError) return e.problems.map((p) => p.expected).join('\n');
    throw e;
  }
  return '';
};

describe('a wai column of 0–10', () => {
  it('validate says to write "instrument": "was" when every value is 0–10', () => {
    expect(problemsOf(exportOf((p, t) => (p === 3 ? 'Ikke i arbejde' : String((p * 3 + t.length) % 11))))).toContain('the single-item Work Ability Score — write "instrument": "was" for outcome "wai"');
  });
  it('but not when the column also holds index scores above 10', () => {
    const problems = problemsOf(exportOf((p, t) => String(p === 5 ? 30 : (p * 3 + t.length) % 11)));
    expect(problems).toContain('from 7 to 49');
    expect(problems).not.toContain('"was"');
  });
  it('plan init takes it as WAS, to add with its MCID', () => {
    const draft = draftPlan(parseCsvText(exportOf((p, t) => String((p * 3 + t.length) % 11)), 'x.csv'), 'plan.schema.json');
    expect(draft.checks.join('\n')).toContain('add {"key": "was", "instrument": "was", "column": "wai", "mcid": <points>} to "outcomes"');
  });
});
