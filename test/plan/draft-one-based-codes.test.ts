// SurveyXact's (and SPSS's) code export numbers a question's options from 1: PSEQ's 0 … 6 are
// 1 … 7, and "Ønsker ikke at svare" after them 8. Nothing said so: "expected an answer from 0 to
// 6" led a user to list 7 and 8 as missing-value codes, the export was valid, baseline PSEQ read
// 39.3 for a true 29.3 and every "Helt sikker" was dropped (docs/plan-trial.md#one-based-codes).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { oneBasedScale } from '../../src/plan/one-based-codes.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';
import { labelledAndDigits } from './analyze-draft.js';

afterAll(removeTempDirs);
type Outcome = { key: string; answers?: Record<string, number>; missingCodes?: number[]; maxMissingItems?: number };

/**
 * A SurveyXact-shaped long export: 30 patients at baseline and 3 months, PSEQ items 0–6 written
 * by `write` (the option number, or the answer itself); every seventh patient refused one item
 * (`refused`). `top` false: nobody chose 6.
 */
function export_(write: (v: number) => string, refused: string, top = true): string {
  let seed = 11;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const lines = [`Respondent-id;Deltagernummer;Besøg;Gruppe;Alder;${Array.from({ length: 10 }, (_, i) => `PSEQ_${i + 1}`).join(';')}`];
  for (let p = 1; p <= 30; p++) {
    const arm = p % 2 ? 'App' : 'Sædvanlig behandling';
    for (const [k, visit] of ['Baseline', '3 måneder'].entries()) {
      const shift = arm === 'App' && k === 1 ? 1.5 : 0;
      const items = Array.from({ length: 10 }, () => Math.max(top ? 0 : 1, Math.min(top ? 6 : 5, Math.round(3 + shift + (next() - 0.5) * 7))));
      // Nobody answered 0 in a SurveyXact export as often as not: the bottom is left to the option numbers.
      const cells = items.map((v) => write(Math.max(v, 1)));
      if (p % 7 === 0) cells[p % 10] = refused;
      lines.push(`${4711000 + lines.length};RYG-${String(p).padStart(3, '0')};${visit};${arm};${40 + p};${cells.join(';')}`);
    }
  }
  return lines.join('\r\n') + '\r\n';
}

const codes = export_((v) => String(v + 1), '8');
const draftOf = (text: string) => draftPlan(parseCsvText(text, 'surveyxact.csv'), 'plan.schema.json');
const pseqOf = (plan: Record<string, unknown>) => (plan.outcomes as Outcome[]).find((o) => o.key === 'pseq')!;

async function validate(text: string, plan: Record<string, unknown>) {
  const dir = tempDir();
  writeFileSync(join(dir, 'surveyxact.csv'), text);
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
  return runCli('validate', join(dir, 'surveyxact.csv'), '--plan', join(dir, 'plan.json'));
}

describe('PSEQ exported as option numbers 1–7, 8 refused', () => {
  const d = draftOf(codes);
  it('drafts the option numbers as answer codes, 8 as the outcome\'s missing-value code, and says so', () => {
    expect(pseqOf(d.plan).answers).toEqual({ '1': 0, '2': 1, '3': 2, '4': 3, '5': 4, '6': 5, '7': 6 });
    expect(pseqOf(d.plan).missingCodes).toEqual([8]);
    expect(pseqOf(d.plan).maxMissingItems).toBe(2);
    expect(d.plan.missingCodes).toBeUndefined();
    expect(d.checks.join('\n')).toContain('columns PSEQ_1…PSEQ_10 hold 1–7 and never 0: read as answer options numbered from 1 (SurveyXact\'s and SPSS\'s codes), "1" → 0 … "7" → 6 in the outcome\'s "answers", and 8, the option after the scale, as missing');
  });
  it('gives the numbers of the same answers written as 0–6', async () => {
    const { fromLabels, fromDigits } = await labelledAndDigits(codes, export_((v) => String(v), ''), d.plan);
    const pseq = (r: typeof fromLabels) => r.effects.filter((e) => e.outcome === 'pseq');
    expect(pseq(fromLabels).length).toBeGreaterThan(0);
    expect(pseq(fromLabels)).toEqual(pseq(fromDigits));
  });
  const plain = { ...d.plan, outcomes: (d.plan.outcomes as Outcome[]).map(({ answers: _a, missingCodes: _m, maxMissingItems: _x, ...o }) => o) };
  it('validate, without the codes, says where it refuses 7 and 8 that the options look counted from 1, with the codes to write', async () => {
    const r = await validate(codes, plain);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"[78]", "[78]" — expected an answer from 0 to 6 \(the items of Pain Self-Efficacy Questionnaire\); no cell of columns PSEQ_1…PSEQ_10 holds 0, the bottom of the 0–6 scale, and \d+ hold 7, one above its top: the answers look numbered from 1/);
    expect(r.stderr).toContain('write "answers": { "1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "7": 6 } in outcome "pseq" and 8, the option after the scale ("don\'t know" or refused), in its "missingCodes"');
  });
  it('validate notes 7 and 8 listed as missing-value codes, which read every answer a point too high', async () => {
    const r = await validate(codes, { ...plain, missingCodes: [7, 8] });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/no cell of outcome "pseq" \(columns PSEQ_1…PSEQ_10\) holds 0, the bottom of its 0–6 scale, while the missing-value codes 7 and 8 just above its top made \d+ cells missing: the answers look like option numbers counted from 1/);
  });
});

describe('where the cells cannot tell, or say no shift', () => {
  it('nobody at the top (1–6 and 8): nothing drafted, the checks give both readings', () => {
    const d = draftOf(export_((v) => String(v + 1), '8', false));
    expect(pseqOf(d.plan).answers).toBeUndefined();
    expect(d.checks.join('\n')).toContain('columns PSEQ_1…PSEQ_10: no cell holds 0, the bottom of the 0–6 scale, and 8 lies above its top — if the answers are option numbers counted from 1');
  });
  it('answers written as 0–6: no codes, no remark', () => {
    const d = draftOf(export_((v) => String(v), 'Ønsker ikke at svare'));
    expect(pseqOf(d.plan).answers).toBeUndefined();
    expect(d.checks.join('\n')).not.toContain('counted from 1');
  });
  it('a 0 anywhere, or a lone 7 (a typo as likely), is no shift', () => {
    expect(oneBasedScale(new Map([[0, 1], [3, 9], [5, 9], [7, 4]]), 0, 6)).toBeUndefined();
    expect(oneBasedScale(new Map([[1, 5], [3, 9], [5, 9], [7, 1]]), 0, 6)).toBeUndefined();
    expect(oneBasedScale(new Map([[1, 5], [3, 9], [5, 9], [7, 2]]), 0, 6)?.kind).toBe('shifted');
  });
});
