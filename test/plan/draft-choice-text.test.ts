// Qualtrics/SurveyXact "choice text": a scale's end points exported with their labels
// (`0 - Ingen smerte`, `10 - Værst tænkelige smerte`) beside bare numbers are answers, never
// missing-value codes (docs/plan-trial.md "What plan init recognises"). R: ANCOVA on all 20/20,
// −0.71 (−2.35 to 0.92).
import { afterAll, describe, expect, it } from 'vitest';
import { readCsvFile } from '../../src/io/read-csv.js';
import { labelledChoice } from '../../src/plan/choice-text.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { removeTempDirs } from '../support/run-cli.js';
import { analyzeDraft } from './analyze-draft.js';

afterAll(removeTempDirs);
const FILE = 'test/fixtures/exports/plan-init-shapes/qualtrics-choice-text.csv';
type Outcome = { key: string; instrument: string; answers?: Record<string, number> };

describe('an NRS exported as choice text', () => {
  const d = draftPlan(readCsvFile(FILE), 'plan.schema.json');
  const pain = (d.plan.outcomes as Outcome[])[0]!;
  it('is drafted with the labelled choices as answer codes, and no missing-value code', () => {
    expect(pain.instrument).toBe('nrs');
    expect(pain.answers).toMatchObject({ '0 - Ingen smerte': 0, '10 - Værst tænkelige smerte': 10, '3': 3 });
    expect(d.plan.missingCodes).toBeUndefined();
    expect(d.guesses.join('\n')).toContain('the labelled choices read as their numbers: "0 - Ingen smerte" → 0, "10 - Værst tænkelige smerte" → 10');
  });
  it('gives R\'s ANCOVA on every answer: 20/20, −0.71 (−2.35 to 0.92)', async () => {
    const { effects } = await analyzeDraft(FILE, d.plan);
    const a = effects.find((e) => e.method === 'ancova')!;
    expect(a.n).toEqual({ intervention: 20, control: 20 });
    expect([a.difference, a.ciLower, a.ciUpper].map((x) => x.toFixed(2))).toEqual(['-0.71', '-2.35', '0.92']);
  });
});

it('reads the usual separators, and no range or date', () => {
  expect(['0 - Ingen smerte', '10 = Værst', '1: Slet ikke', '4. Meget', '2) Lidt', '10 – Værst'].map((c) => labelledChoice(c, false))).toEqual([0, 10, 1, 4, 2, 10]);
  expect(['1-2', '3-4-2024', 'Ved ikke', '7'].map((c) => labelledChoice(c, false))).toEqual([undefined, undefined, undefined, undefined]);
});
