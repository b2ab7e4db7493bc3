// SurveyXact's combined export names its rounds in a background variable, "Runde" (or
// "Måletidspunkt"): "Baseline", "3 måneder", "9 måneder". plan init took no such column as the
// visits and refused the file, advising to derive visits from the answer dates — which
// non-responders do not have (docs/plan-trial.md "What plan init recognises").
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';

const labels = readFileSync('test/fixtures/exports/surveyxact-rounds/labels.csv', 'utf8');

describe.each(['Runde', 'Måletidspunkt', 'Round', 'Wave'])('a round column named %s', (name) => {
  it('is the visit column', () => {
    const text = labels.replace(/^(\uFEFF?[^\r\n]*);Besøg;/, `$1;${name};`);
    const d = draftPlan(parseCsvText(text, 'samlet.csv'), 'plan.schema.json');
    expect(d.undecided).toEqual([]);
    expect((d.plan.columns as { time: string }).time).toBe(name);
    expect(d.plan.timeLabels).toEqual({ Baseline: 'baseline', '3 måneder': '3m', '9 måneder': '9m' });
  });
});
