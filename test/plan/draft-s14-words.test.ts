// Session 14's exports (test/fixtures/exports/plan-init-s14/README.md): words plan init must read
// as answers, as missing or as one arm (docs/plan-trial.md "What plan init recognises").
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsvText, readCsvFile } from '../../src/io/read-csv.js';
import { isDontKnowWord, scaleEndOf } from '../../src/plan/answer-words.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { removeTempDirs } from '../support/run-cli.js';
import { analyzeDraft } from './analyze-draft.js';

afterAll(removeTempDirs);
const DIR = 'test/fixtures/exports/plan-init-s14/';
type Outcome = { key: string; instrument: string; answers?: Record<string, number> };

describe('SPSS "Save as CSV" with value labels: a 0–10 scale\'s labelled ends', () => {
  const FILE = `${DIR}spss-value-labels.csv`;
  const d = draftPlan(readCsvFile(FILE), 'plan.schema.json');
  const pain = (d.plan.outcomes as Outcome[])[0]!;
  it('are drafted as the answers 0 and 10, never as missing-value codes', () => {
    expect(pain.instrument).toBe('nrs');
    expect(pain.answers).toMatchObject({ 'Ingen smerte': 0, 'Værst tænkelige smerte': 10, '1': 1, '9': 9 });
    expect(d.plan.missingCodes).toBeUndefined();
    expect(d.checks.join('\n')).toContain('column "smerte": "Ingen smerte" read as 0 and "Værst tænkelige smerte" read as 10, the labelled ends of the 0–10 scale');
  });
  it('give R\'s ANCOVA on the true values at 3 months: 28/29, −0.64 (−1.96 to 0.69)', async () => {
    const { effects } = await analyzeDraft(FILE, d.plan);
    const a = effects.find((e) => e.method === 'ancova' && e.time === '3m')!;
    expect(a.n).toEqual({ intervention: 28, control: 29 });
    expect([a.difference, a.ciLower, a.ciUpper].map((x) => x.toFixed(2))).toEqual(['-0.64', '-1.96', '0.69']);
  });
});

it('reads a label as a scale end only by its wording, never a "don\'t know"', () => {
  expect(['Ingen smerte', 'No pain', 'Slet ikke', 'Værst tænkelige smerte', 'Worst imaginable pain', 'Uudholdelig', 'Ved ikke', 'Ikke oplyst', 'Moderat', '0 - Ingen', 'Ikke udfyldt', 'Ikke målt', 'No answer']
    .map(scaleEndOf)).toEqual(['low', 'low', 'low', 'high', 'high', 'high', undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
  expect(['Ikke oplyst', 'ved ikke', 'Uoplyst', 'Ukendt', 'Unknown', 'Not stated', 'Don’t know', 'Vet ej', 'Weiß nicht', 'Kvinde', 'Ingen smerte'].map(isDontKnowWord))
    .toEqual([true, true, true, true, true, true, true, true, true, false, false]);
});

describe('one arm written two ways (`SelfBACK`, `selfback `) beside `Kontrol`', () => {
  const FILE = `${DIR}arm-spellings.csv`;
  const d = draftPlan(readCsvFile(FILE), 'plan.schema.json');
  it('is drafted as one arm, against the control', () => {
    expect(d.plan.arms).toEqual({ intervention: 'SelfBACK', control: 'Kontrol' });
    // `"selfback "`'s blank inside the quotes is padding, drafted without (docs/input-trial-export.md#quoted-padding).
    expect(d.checks.join('\n')).toContain('column "gruppe" writes one arm more than one way ("SelfBACK" and "selfback")');
  });
  it('is read as the plan\'s arm: 30 patients a side, not app against app', async () => {
    const { patients } = await analyzeDraft(FILE, d.plan);
    expect(patients).toEqual({ intervention: 30, control: 30 });
  });
});

describe('"don\'t know" words', () => {
  const d = draftPlan(readCsvFile(`${DIR}dont-know.csv`), 'plan.schema.json');
  it('in a category covariate (`Ikke oplyst` in `køn`) and an outcome (`Ved ikke`) are drafted as missing, with a check each', () => {
    expect(d.plan.covariates).toEqual(['koen']);
    expect(d.plan.missingCodes).toEqual(['Ikke oplyst', 'Ved ikke']);
    const checks = d.checks.join('\n');
    expect(checks).toContain('column "køn": "Ikke oplyst" drafted as missing-value code ("don\'t know"), not a category of its own');
    expect(checks).toContain('column "smerte_gns": "Ved ikke" drafted as missing-value code ("don\'t know")');
    // …but not in a column holding nothing else: there they may be its answers.
    const csv = 'id,gruppe,time,rmdq,uddannelse\n1,A,baseline,3,Ved ikke\n1,A,3m,2,Ved ikke\n2,B,baseline,4,Unknown\n2,B,3m,5,Unknown\n';
    expect(draftPlan(parseCsvText(csv, 'e.csv'), 'plan.schema.json').plan.missingCodes).toBeUndefined();
  });
});

it('EQ-5D levels whose lowest is written as its label ("Ingen problemer") are read so, in the outcome\'s answers', () => {
  const dims = ['mo', 'sc', 'ua', 'pd', 'ad'];
  const rows = [`id,gruppe,time,${dims.map((d) => `eq5d_${d}`).join(',')}`];
  for (let p = 1; p <= 8; p++) for (const t of ['baseline', '3m']) rows.push(`${p},${p % 2 ? 'App' : 'Kontrol'},${t},${dims.map((_, k) => ((p + k) % 5 === 0 ? 'Ingen problemer' : String(2 + ((p + k) % 4)))).join(',')}`);
  const d = draftPlan(parseCsvText(rows.join('\n'), 'eq.csv'), 'plan.schema.json');
  const eq = (d.plan.outcomes as Outcome[]).find((o) => o.key === 'eq5d')!;
  expect(eq.answers).toMatchObject({ 'Ingen problemer': 1, '2': 2, '5': 5 });
  expect(d.plan.missingCodes).toBeUndefined();
});

it('a 0–100 scale with decimals has its labelled ends read too: 0 and 100', () => {
  const rows = ['id,gruppe,time,smerte_vas'];
  const v = ['Ingen smerte', '12.5', '40', '77.5', 'Værst tænkelige smerte', '63', '25.5', '50'];
  for (let p = 1; p <= 8; p++) for (const [k, t] of ['baseline', '3m'].entries()) rows.push(`${p},${p % 2 ? 'App' : 'Kontrol'},${t},${v[(p + k) % 8]}`);
  const d = draftPlan(parseCsvText(rows.join('\n'), 'vas.csv'), 'plan.schema.json');
  const pain = (d.plan.outcomes as Outcome[])[0]!;
  expect(pain.instrument).toBe('vas_0_100');
  expect(pain.answers).toMatchObject({ 'Ingen smerte': 0, 'Værst tænkelige smerte': 100, '12.5': 12.5 });
  expect(d.plan.missingCodes).toBeUndefined();
});
