/**
 * Survey-tool exports (MS Forms, Google Forms) head each item column with its question:
 * `RMDQ - <statement> (udsagn 1)` … `(udsagn 24)`, `PSEQ [<statement> (1)]` … `(10)]`. plan init
 * drafted one outcome per item (each PSEQ item 0–6 passed as a PSEQ 0–60 score) and the EQ-5D
 * answer labels as missing-value codes (every EQ-5D cell empty). Now the items are one outcome
 * with "items" in item order, the EQ-5D labels its levels 1–5, and the numbers equal R's
 * (test/reference/survey-forms-items.R; docs/plan-trial.md "What plan init recognises in real exports").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { parseCsvText, readCsvFile } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { eq5dLevelLabels } from '../../src/plan/eq5d-labels.js';
import { headedItemBlocks } from '../../src/plan/headed-items.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';

const file = 'test/fixtures/exports/survey-forms/ms-forms-items.csv';
const reference = JSON.parse(readFileSync('test/reference/survey-forms-items.json', 'utf8')) as { outcome: string; timepoint: string; n: number; estimate: number; ciLower: number; ciUpper: number }[];

describe('item columns headed by their question', () => {
  it('MS Forms and Google Forms headers make one block per instrument, in item order', () => {
    const ms = Array.from({ length: 24 }, (_, k) => `RMDQ - Jeg bliver hjemme (udsagn ${24 - k})`);
    const google = Array.from({ length: 10 }, (_, k) => `PSEQ [Jeg kan klare mig selv (${k + 1})]`);
    const blocks = headedItemBlocks(['Alder', 'RMDQ total', ...ms, ...google]);
    expect(blocks.map((b) => [b.instrument, b.columns.length])).toEqual([['rmdq', 24], ['pseq', 10]]);
    expect(blocks[0]!.columns[0]).toBe('RMDQ - Jeg bliver hjemme (udsagn 1)');
    expect(blocks[0]!.columns[23]).toBe('RMDQ - Jeg bliver hjemme (udsagn 24)');
    // A gap in the numbers, or a count the instrument does not have, is no block.
    expect(headedItemBlocks(ms.filter((c) => !c.endsWith('(udsagn 5)')))).toEqual([]);
    expect(headedItemBlocks(google.slice(0, 9))).toEqual([]);
    // A name merely starting with the letters is not the instrument's.
    expect(headedItemBlocks(google.map((c) => c.replace('PSEQ [', 'PSEQtotal [')))).toEqual([]);
  });

  it('EQ-5D answer labels are the levels in order, Danish and English, 5L and 3L', () => {
    expect(eq5dLevelLabels(['Ingen problemer', 'Lette problemer', 'Moderate problemer', 'Store problemer', 'Ekstreme problemer / ude af stand til'])).toMatchObject({
      version: 'eq5d5l',
      answers: { 'Ingen problemer': 1, 'Lette problemer': 2, 'Moderate problemer': 3, 'Store problemer': 4, 'Ekstreme problemer / ude af stand til': 5 },
    });
    expect(eq5dLevelLabels(['I have no problems in walking about', 'I have slight problems in walking about', 'I have severe problems in walking about', 'I am unable to walk about'])?.answers).toEqual({
      'I have no problems in walking about': 1,
      'I have slight problems in walking about': 2,
      'I have severe problems in walking about': 4,
      'I am unable to walk about': 5,
    });
    expect(eq5dLevelLabels(['No problems', 'Some problems', 'Extreme problems'])).toMatchObject({ version: 'eq5d3l', answers: { 'No problems': 1, 'Some problems': 2, 'Extreme problems': 3 } });
    // A "don't know" beside the levels is a non-answer, the levels are still read; two levels only are not.
    expect(eq5dLevelLabels(['Ingen problemer', 'Lette problemer', 'Moderate problemer', 'Ved ikke'])).toEqual({
      version: 'eq5d5l', answers: { 'Ingen problemer': 1, 'Lette problemer': 2, 'Moderate problemer': 3 }, nonAnswers: ['Ved ikke'], unread: [],
    });
    expect(eq5dLevelLabels(['Ingen problemer', 'Store problemer'])).toBeUndefined();
  });

  it('EQ-5D official wording, Danish and English: pain and anxiety have their own level words', () => {
    const da5 = {
      'Jeg har ingen problemer med at gå omkring': 1, 'Jeg har lidt problemer med at gå omkring': 2, 'Jeg er ude af stand til at gå omkring': 5,
      'Jeg har ingen smerter eller ubehag': 1, 'Jeg har lette smerter eller ubehag': 2, 'Jeg har moderate smerter eller ubehag': 3, 'Jeg har stærke smerter eller ubehag': 4, 'Jeg har ekstreme smerter eller ubehag': 5,
      'Jeg er ikke ængstelig eller deprimeret': 1, 'Jeg er lidt ængstelig eller deprimeret': 2, 'Jeg er moderat ængstelig eller deprimeret': 3, 'Jeg er meget ængstelig eller deprimeret': 4, 'Jeg er ekstremt ængstelig eller deprimeret': 5,
    };
    expect(eq5dLevelLabels(Object.keys(da5))).toMatchObject({ version: 'eq5d5l', answers: expect.objectContaining(da5) });
    const en5 = {
      'I have no pain or discomfort': 1, 'I have slight pain or discomfort': 2, 'I have moderate pain or discomfort': 3, 'I have severe pain or discomfort': 4, 'I have extreme pain or discomfort': 5,
      'I am not anxious or depressed': 1, 'I am slightly anxious or depressed': 2, 'I am moderately anxious or depressed': 3, 'I am severely anxious or depressed': 4, 'I am extremely anxious or depressed': 5,
    };
    expect(eq5dLevelLabels(Object.keys(en5))).toMatchObject({ version: 'eq5d5l', answers: expect.objectContaining(en5) });
    const da3 = {
      'Jeg har ingen problemer med at gå omkring': 1, 'Jeg har nogle problemer med at gå omkring': 2, 'Jeg er bundet til sengen': 3,
      'Jeg har ingen smerter eller ubehag': 1, 'Jeg har moderate smerter eller ubehag': 2, 'Jeg har ekstreme smerter eller ubehag': 3,
      'Jeg er ikke ængstelig eller deprimeret': 1, 'Jeg er moderat ængstelig eller deprimeret': 2, 'Jeg er ekstremt ængstelig eller deprimeret': 3,
    };
    expect(eq5dLevelLabels(Object.keys(da3))).toMatchObject({ version: 'eq5d3l', answers: expect.objectContaining(da3) });
    const en3 = { 'I have no problems in walking about': 1, 'I have some problems in walking about': 2, 'I am confined to bed': 3, 'I am not anxious or depressed': 1, 'I am moderately anxious or depressed': 2, 'I am extremely anxious or depressed': 3 };
    expect(eq5dLevelLabels(Object.keys(en3))).toMatchObject({ version: 'eq5d3l', answers: expect.objectContaining(en3) });
  });

  it('SurveyXact\'s eq5d_1 … eq5d_5 are the five dimensions in the questionnaire\'s order', () => {
    const lines = ['Deltagernummer,Gruppe,Besøg,eq5d_1,eq5d_2,eq5d_3,eq5d_4,eq5d_5'];
    for (let p = 1; p <= 8; p++) for (const v of ['Baseline', '3 måneder']) lines.push(`SB${1000 + p},${p % 2 ? 'SelfBACK' : 'Kontrol'},${v},${(p % 5) + 1},${((p + 1) % 5) + 1},${((p + 2) % 5) + 1},${((p + 3) % 5) + 1},${((p + 4) % 5) + 1}`);
    const d = draftPlan(parseCsvText(lines.join('\n') + '\n', 'sx.csv'), 'plan.schema.json');
    expect(d.plan.outcomes).toEqual([{ key: 'eq5d', instrument: 'eq5d5l', items: { mo: 'eq5d_1', sc: 'eq5d_2', ua: 'eq5d_3', pd: 'eq5d_4', ad: 'eq5d_5' }, label: expect.anything() }]);
    expect(d.checks.join('\n')).not.toContain('not recognised');
  });

  it('plan init drafts RMDQ and PSEQ from their items and EQ-5D from its labels; the ANCOVA equals R\'s', () => {
    const d = draftPlan(readCsvFile(file), 'plan.schema.json');
    const outcomes = d.plan.outcomes as { key: string; instrument: string; items?: string[] | Record<string, string>; answers?: Record<string, number> }[];
    expect(outcomes.map((o) => [o.key, o.instrument, Object.keys(o.items ?? {}).length])).toEqual([['rmdq', 'rmdq', 24], ['pseq', 'pseq', 10], ['eq5d', 'eq5d5l', 5]]);
    expect((outcomes[1]!.items as string[])[9]).toBe('PSEQ - Jeg kan klare mig selv selvom det gør ondt (10)');
    expect(outcomes[0]!.answers).toEqual({ Nej: 0, Ja: 1 });
    expect(outcomes[2]!.answers).toEqual({ 'Ingen problemer': 1, 'Lette problemer': 2, 'Moderate problemer': 3, 'Store problemer': 4, 'Ekstreme problemer / ude af stand til': 5 });
    expect(d.plan.missingCodes).toBeUndefined();
    const trial = loadTrial(readCsvFile(file), parsePlan({ ...d.plan, $schema: undefined }));
    const result = analyzeTrial(trial, { version: 't' });
    for (const r of reference) {
      const e = result.effects.find((x) => x.outcome === r.outcome && x.time === r.timepoint && x.method === 'ancova')!;
      expect(e.n.intervention + e.n.control, `${r.outcome} ${r.timepoint}`).toBe(r.n);
      expect(e.difference).toBeCloseTo(r.estimate, 6);
      expect(e.ciLower).toBeCloseTo(r.ciLower, 6);
      expect(e.ciUpper).toBeCloseTo(r.ciUpper, 6);
    }
    // EQ-5D is computed at every visit: no label was read as missing.
    expect(result.effects.filter((x) => x.outcome === 'eq5d' && x.method === 'ancova').every((x) => Number.isFinite(x.difference))).toBe(true);
  });
});
