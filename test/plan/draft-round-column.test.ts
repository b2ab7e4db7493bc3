// SurveyXact's combined export names its rounds in a background variable, "Runde" (or
// "Måletidspunkt"): "Baseline", "3 måneder", "9 måneder". plan init took no such column as the
// visits and refused the file, advising to derive visits from the answer dates — which
// non-responders do not have (docs/plan-trial.md "What plan init recognises").
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';

const labels = readFileSync('test/fixtures/exports/surveyxact-rounds/labels.csv', 'utf8');

/** The draft of the export with its round column named `name`, checked to read it as the visits. */
function draftedAsVisits(name: string): ReturnType<typeof draftPlan> {
  const text = labels.replace(/^(\uFEFF?[^\r\n]*);Besøg;/, `$1;${name};`);
  const d = draftPlan(parseCsvText(text, 'samlet.csv'), 'plan.schema.json');
  expect(d.undecided).toEqual([]);
  expect((d.plan.columns as { time: string }).time).toBe(name);
  expect(d.plan.timeLabels).toEqual({ Baseline: 'baseline', '3 måneder': '3m', '9 måneder': '9m' });
  return d;
}

describe.each(['Runde', 'Måletidspunkt', 'Round', 'Wave'])('a round column named %s', (name) => {
  it('is the visit column', () => {
    draftedAsVisits(name);
  });
});

// Named as no visit column is ("Spørgeskema", "Indsamling", "Opfølgning"), the round column is
// found by its values, every one a visit label with a baseline among them (plan/valued-visits.ts).
describe.each(['Spørgeskema', 'Indsamling', 'Opfølgning'])('a round column named %s', (name) => {
  it('is the visit column, found by its values', () => {
    const d = draftedAsVisits(name);
    expect(d.guesses).toContain(`long layout: visits from column "${name}" (its values are visit labels): "Baseline" → baseline, "3 måneder" → 3m, "9 måneder" → 9m`);
  });
});

describe('a column "Opfølgning" of Ja/Nej beside the rounds joined without their visit', () => {
  // The three rounds joined with no visit column; "Opfølgning" says whether the patient was followed up.
  const rows = labels.split(/\r?\n/).filter((l) => l !== '');
  const at = rows[0]!.split(';').indexOf('Besøg');
  const text = rows.map((l, k) => l.split(';').map((c, i) => (i !== at ? c : k === 0 ? 'Opfølgning' : k % 3 ? 'Ja' : 'Nej')).join(';')).join('\r\n') + '\r\n';
  const d = draftPlan(parseCsvText(text, 'samlet.csv'), 'plan.schema.json');
  it('is not the visit column', () => {
    expect(d.plan.columns).not.toHaveProperty('time');
    expect(d.undecided.map((u) => u.what)).toContain('the visits');
  });
  it('the refusal points to the one-file-per-visit recipe and to naming the round column, before the dates', () => {
    const u = d.undecided.find((x) => x.what === 'the visits')!;
    expect(u.lead).toContain('column "Besvarelsesdato" holds dates');
    const recipe = u.lead!.indexOf('add its visit as a column to each file\'s rows before joining them (docs/input-trial-export.md#one-file-per-visit)');
    const column = u.lead!.indexOf('if a column holds the visit under another name, write it in the plan as "columns": { "time": "<that column>" }');
    expect(recipe).toBeGreaterThan(0);
    expect(column).toBeGreaterThan(recipe);
    expect(u.lead!.indexOf('derive a visit column from the dates')).toBeGreaterThan(column);
    expect(u.write).toContain('docs/input-trial-export.md#one-file-per-visit');
  });
});
