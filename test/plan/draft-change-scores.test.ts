// Values below an instrument's range are drafted as missing-value codes only when they look like
// codes, and a column named as a change is not drafted as a score: change scores −7 … +2 read as
// codes on a 0–10 scale made 26 of 40 answers "missing" (docs/plan-trial.md "Change scores").
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsvText, readCsvFile } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { removeTempDirs } from '../support/run-cli.js';
import { analyzeDraft } from './analyze-draft.js';

afterAll(removeTempDirs);
const DIR = 'test/fixtures/exports/plan-init-shapes';
type Outcome = { key: string; instrument: string; column?: string };

describe('a pain change score beside the RMDQ scores (Smerte_ændring_basis/_3mdr)', () => {
  const d = draftPlan(readCsvFile(`${DIR}/change-scores-pain.csv`), 'plan.schema.json');
  it('is not drafted as an NRS, and none of its values is a missing-value code', () => {
    expect((d.plan.outcomes as Outcome[]).map((o) => o.key)).toEqual(['rmdq']);
    expect(d.plan.missingCodes).toBeUndefined();
    expect(d.guesses).toContain('not drafted: "Smerte_ændring", named as a change score, not a score on the instrument\'s scale');
    expect(d.checks.join('\n')).toMatch(/"Smerte_ændring" is a change score.*hta analyses the score at each visit/);
  });
  it('added by hand as the docs say, it gives R\'s Welch on all 40: −1.40 (−3.18 to 0.38)', async () => {
    const plan = {
      ...d.plan,
      instruments: { smerte_change: { label: { en: 'Change in pain (NRS)' }, range: [-10, 10], direction: 'lower-is-better', mcid: 2 } },
      outcomes: [{ key: 'smerte_change', instrument: 'smerte_change', column: 'Smerte_ændring' }],
      methods: ['welch'],
    };
    const { effects } = await analyzeDraft(`${DIR}/change-scores-pain.csv`, plan);
    const w = effects.find((e) => e.method === 'welch' && e.time === '3m')!;
    expect(w.n).toEqual({ intervention: 20, control: 20 });
    expect([w.difference, w.ciLower, w.ciUpper].map((x) => x.toFixed(2))).toEqual(['-1.40', '-3.18', '0.38']);
  });
});

it('an export of RMDQ changes only is refused, naming the change score and what to do', () => {
  const d = draftPlan(readCsvFile(`${DIR}/change-scores-only.csv`), 'plan.schema.json');
  expect(d.undecided).toHaveLength(1);
  expect(d.undecided[0]!.what).toMatch(/"RMDQ_ændring", a change score: hta analyses the score at each visit/);
  expect(d.undecided[0]!.write).toMatch(/^the scores at each visit in the export/);
  expect(d.plan.missingCodes).toBeUndefined();
});

describe('values below the range in a score column', () => {
  const csv = (cells: (i: number) => string) =>
    parseCsvText(`id,arm,time,smerte\n${Array.from({ length: 40 }, (_, i) => `${i >> 1},${i % 4 < 2 ? 'app' : 'usual'},${i % 2 ? '3m' : 'baseline'},${cells(i)}`).join('\n')}\n`, 'pain.csv');
  it('a run of them (−5 … −1) is data: no missing-value codes, said among the checks', () => {
    const d = draftPlan(csv((i) => String((i % 9) - 5)), 'plan.schema.json');
    expect(d.plan.missingCodes).toBeUndefined();
    expect(d.checks.join('\n')).toContain('column "smerte" holds values below the scale\'s 0 (-5, -4, -3, -2, -1): not drafted as missing-value codes');
  });
  it('a sentinel (−9, or −1 and −9) is still a missing-value code', () => {
    expect(draftPlan(csv((i) => (i % 7 === 0 ? '-9' : String(i % 11))), 'plan.schema.json').plan.missingCodes).toEqual([-9]);
    expect(draftPlan(csv((i) => (i % 7 === 0 ? '-9' : i % 5 === 0 ? '-1' : String(i % 11))), 'plan.schema.json').plan.missingCodes).toEqual([-1, -9]);
  });
});
