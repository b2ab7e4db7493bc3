// SurveyXact writes PSEQ's labelled ends as words beside the digits 1–5: `Slet ikke sikker` (0)
// and `Helt sikker` (6). Plan init once read the first as 0 and drafted the second as a
// missing-value code for every column: analyze gave 6.99 on 12/26 patients at 3 months for a
// true 10.03 on 27/28 (docs/plan-trial.md "A scale's labelled ends").
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { scaleEndOf } from '../../src/plan/answer-words.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { removeTempDirs } from '../support/run-cli.js';
import { labelledAndDigits } from './analyze-draft.js';

afterAll(removeTempDirs);
type Outcome = { key: string; instrument: string; answers?: Record<string, number>; maxMissingItems?: number };

/** A SurveyXact-shaped export: 24 patients at baseline and 3 months, PSEQ items 0–6 (some left blank), `top` written for 6. */
function export_(top: string | undefined): string {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const lines = [`Respondent ID;Deltager-ID;Tidspunkt;Gruppe;Alder;${Array.from({ length: 10 }, (_, i) => `pseq_${i + 1}`).join(';')}`];
  for (let p = 1; p <= 24; p++) {
    const arm = p % 2 ? 'Interventionsgruppe' : 'Kontrolgruppe';
    for (const [k, visit] of ['Baseline', '3 måneder'].entries()) {
      const shift = arm.startsWith('I') && k === 1 ? 1.5 : 0;
      const items = Array.from({ length: 10 }, () => Math.max(0, Math.min(6, Math.round(3 + shift + (next() - 0.5) * 6))));
      const cells = items.map((v) => (top === undefined ? String(v) : v === 0 ? 'Slet ikke sikker' : v === 6 ? top : String(v)));
      if (p % 5 === 0) cells[p % 10] = ''; // a questionnaire left partly blank
      lines.push(`${1000 + lines.length};D${String(p).padStart(3, '0')};${visit};${arm};${40 + p};${cells.join(';')}`);
    }
  }
  return lines.join('\r\n') + '\r\n';
}

const draftOf = (text: string) => draftPlan(parseCsvText(text, 'surveyxact.csv'), 'plan.schema.json');
const pseqOf = (plan: Record<string, unknown>) => (plan.outcomes as Outcome[]).find((o) => o.key === 'pseq')!;

describe('PSEQ written with both ends as labels ("Slet ikke sikker" … "Helt sikker")', () => {
  const text = export_('Helt sikker');
  const d = draftOf(text);
  it('drafts both ends as answers, 0 and 6, and no missing-value code', () => {
    expect(pseqOf(d.plan).answers).toMatchObject({ 'Slet ikke sikker': 0, 'Helt sikker': 6, '1': 1, '5': 5 });
    expect(d.plan.missingCodes).toBeUndefined();
    expect(d.checks.join('\n')).toContain('"Slet ikke sikker" read as 0 and "Helt sikker" read as 6, the labelled ends of the 0–6 scale');
  });
  it('drafts "maxMissingItems": 2 for the questionnaires left partly blank', () => {
    expect(pseqOf(d.plan).maxMissingItems).toBe(2);
  });
  it('gives the numbers the same export written in digits gives', async () => {
    const { fromLabels, fromDigits } = await labelledAndDigits(text, export_(undefined), d.plan);
    const at3m = (r: typeof fromLabels) => r.effects.filter((e) => e.outcome === 'pseq' && e.time === '3m');
    expect(at3m(fromLabels)).toHaveLength(2);
    expect(at3m(fromLabels)).toEqual(at3m(fromDigits));
    // Every patient answered at 3 months (one item at most left blank): none is dropped.
    expect(at3m(fromLabels)[0]!.n).toEqual({ intervention: 12, control: 12 });
  });
});

describe('a labelled end plan init does not know, beside one it does', () => {
  it('is the other end when it shares the known label\'s wording ("Meget sikker" beside "Slet ikke sikker")', () => {
    const d = draftOf(export_('Meget sikker'));
    expect(pseqOf(d.plan).answers).toMatchObject({ 'Slet ikke sikker': 0, 'Meget sikker': 6 });
    expect(d.plan.missingCodes).toBeUndefined();
  });
  it('is never a missing-value code otherwise: the checks say it needs a number', () => {
    const d = draftOf(export_('Fuld tillid'));
    expect(d.plan.missingCodes).toBeUndefined();
    expect(pseqOf(d.plan).answers).not.toHaveProperty('Fuld tillid');
    expect(d.checks.join('\n')).toContain('columns pseq_1…pseq_10: "Fuld tillid" — not drafted as missing-value code: a column whose "Slet ikke sikker" is the answer 0 writes answers as labels. Give it its number in "answers" (the scale runs 0–6)');
  });
  it('is not the other end when a cell holds that end as a number', () => {
    // 6 written as a digit on one line: "Meget sikker" cannot be 6, and is no missing-value code either.
    const text = export_('Meget sikker').replace(/;D001;Baseline;Interventionsgruppe;41;[^;\r]*/, ';D001;Baseline;Interventionsgruppe;41;6');
    const d = draftOf(text);
    expect(pseqOf(d.plan).answers).not.toHaveProperty('Meget sikker');
    expect(d.plan.missingCodes).toBeUndefined();
  });
  it('leaves "don\'t know" words missing, as before', () => {
    const d = draftOf(export_('Helt sikker').replace(/;D002;Baseline;Kontrolgruppe;42;[^;\r]*/, ';D002;Baseline;Kontrolgruppe;42;Ved ikke'));
    expect(d.plan.missingCodes).toEqual(['Ved ikke']);
  });
});

it('reads the ends of confidence scales, in Danish and English, and no bare "helt" or "completely"', () => {
  expect(['Helt sikker', 'Fuldstændig sikker', 'Completely confident', 'Totally sure', 'Slet ikke sikker', 'Not at all confident', 'Not confident at all', 'Overhovedet ikke', 'Helt usikker', 'Helt uenig', 'Completely disagree', 'Ikke sikker', 'Not done']
    .map(scaleEndOf)).toEqual(['high', 'high', 'high', 'high', 'low', 'low', 'low', 'low', 'low', undefined, undefined, undefined, undefined]);
});
