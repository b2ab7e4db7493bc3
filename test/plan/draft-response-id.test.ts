// A survey's per-response id (Qualtrics' ResponseId) is no patient id in a long export: taken as
// one, every patient counted once per visit ("patients: 40 intervention, 40 control", truth 20/20;
// docs/plan-trial.md "What plan init recognises").
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsvText, readCsvFile } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { removeTempDirs } from '../support/run-cli.js';
import { analyzeDraft } from './analyze-draft.js';

afterAll(removeTempDirs);
const FILE = 'test/fixtures/exports/plan-init-shapes/qualtrics-response-id.csv';
const idOf = (d: { plan: Record<string, unknown> }) => (d.plan.columns as Record<string, string>).id;

describe('a long Qualtrics export (ResponseId, ExternalReference, arm, visit)', () => {
  const d = draftPlan(readCsvFile(FILE), 'plan.schema.json');
  it('takes ExternalReference as the patient id, saying why not ResponseId', () => {
    expect(idOf(d)).toBe('ExternalReference');
    expect(d.guesses).toContain('not the id: "ResponseId", a different value on every row while "visit" has several visits: each row would count as a patient');
    expect(d.undecided).toEqual([]);
  });
  it('counts 20 patients per arm, as R does', async () => {
    const { patients } = await analyzeDraft(FILE, d.plan);
    expect(patients).toEqual({ intervention: 20, control: 20 });
  });
});

const rows = (head: string, row: (i: number) => string, n = 16) => parseCsvText(`${head}\n${Array.from({ length: n }, (_, i) => row(i)).join('\n')}\n`, 'survey.csv');

it('a long export whose only id differs on every row is refused, naming the problem', () => {
  const d = draftPlan(rows('ResponseId,arm,visit,smerte', (i) => `R_${i}a,${i % 4 < 2 ? 'app' : 'usual'},${i % 2 ? '3m' : 'baseline'},${i % 10}`), 'plan.schema.json');
  expect(d.undecided.map((u) => u.what)).toContain('the patient id: "ResponseId" holds a different value on every row while "visit" has several visits, so each row would count as a patient (a survey\'s response id numbers answers, not patients)');
});

it('nor is the arm taken instead, even when each arm value is once per visit (one patient per arm)', () => {
  const d = draftPlan(parseCsvText('ResponseId,arm,visit,smerte\nR_1,app,baseline,3\nR_2,app,3m,2\nR_3,usual,baseline,5\nR_4,usual,3m,6\n', 'tiny.csv'), 'plan.schema.json');
  expect(d.undecided.map((u) => u.what).join('\n')).toMatch(/^the patient id: "ResponseId" holds a different value on every row/);
});

it('ResponseId is the id when nothing else names the patient and each has one row (wide)', () => {
  const d = draftPlan(rows('ResponseId,arm,smerte_0,smerte_3m', (i) => `R_${i}a,${i % 2 ? 'app' : 'usual'},${i % 10},${(i + 3) % 10}`), 'plan.schema.json');
  expect(idOf(d)).toBe('ResponseId');
});

it('beside an id column, ResponseId is never the id, also in a wide export', () => {
  const d = draftPlan(rows('ResponseId,ExternalDataReference,arm,smerte_0,smerte_3m', (i) => `R_${i}a,P${i},${i % 2 ? 'app' : 'usual'},${i % 10},${(i + 3) % 10}`), 'plan.schema.json');
  expect(idOf(d)).toBe('ExternalDataReference');
});
