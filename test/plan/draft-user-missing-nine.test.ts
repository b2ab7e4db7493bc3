// SPSS's user-missing sex code: `Koen` 1/2/9 was drafted as three categories with no word that 9
// may mean "unknown" — a third sex in the ANCOVA and Table 1 (docs/plan-trial.md#scale-codes).
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { levelWords } from '../../src/report/table-one.js';

/** 30 patients, wide, sex coded `codes` in turn, and an outcome column `outcome` (NRS 0–10 or an EQ-5D index). */
function export_(codes: number[], outcome: 'NRS' | 'EQ5D', sex = 'Koen'): string {
  const lines = [`ID,Gruppe,${sex},Alder,${outcome}_base,${outcome}_3mdr`];
  for (let p = 1; p <= 30; p++) {
    const v = (k: number) => (outcome === 'NRS' ? String((p * (k + 3)) % 11) : (0.3 + ((p * (k + 3)) % 60) / 100).toFixed(3));
    lines.push(`${p},${p % 2 ? 'App' : 'Kontrol'},${codes[p % codes.length]},${30 + p},${v(0)},${v(1)}`);
  }
  return lines.join('\n') + '\n';
}

const checksOf = (text: string) => draftPlan(parseCsvText(text, 'spss.csv'), 'plan.schema.json').checks.join('\n');

describe('sex coded 1/2/9', () => {
  it('says 9 looks like a user-missing code, to write for the column, not plan-wide where NRS answers 9', () => {
    expect(checksOf(export_([1, 2, 1, 2, 9], 'NRS'))).toContain('"koen" has only the values 1, 2, 9: drafted as three categories ("covariateTypes": "categorical"); if they are a scale (one slope in the ANCOVA), write "numeric" — but 9, apart from 1 and 2, looks like SPSS\'s user-missing code ("unknown"), not a third sex: if so, write "columnCodes": { "Koen": { "missing": [9] } } (not a plan-wide "missingCodes" 9: outcome "nrs" answers 9 on its scale)');
  });
  it('offers "missingCodes" too when no outcome answers 9', () => {
    expect(checksOf(export_([1, 2, 1, 2, 9], 'EQ5D'))).toContain('not a third sex: if so, write "columnCodes": { "Koen": { "missing": [9] } } or add it to "missingCodes"');
  });
});

it('says nothing of the kind for three categories 1/2/3', () => {
  const checks = checksOf(export_([1, 2, 3], 'NRS'));
  expect(checks).toContain('"koen" has only the values 1, 2, 3: drafted as three categories');
  expect(checks).not.toContain('user-missing');
});

// One list of sex-column names (src/trial/sex-column.ts) for the draft's covariate, its "third sex" and Table 1's words.
it.each(['Køn', 'Kön', 'Kjønn', 'Gender', 'Sex'])('a column named %s is a sex covariate to the draft and to Table 1', (name) => {
  const d = draftPlan(parseCsvText(export_([1, 2, 1, 2, 9], 'NRS', name), 'spss.csv'), 'plan.schema.json');
  const key = Object.keys((d.plan.columns as { covariates: Record<string, string> }).covariates).find((k) => (d.plan.columns as { covariates: Record<string, string> }).covariates[k] === name)!;
  expect(key).toBeDefined();
  expect(d.checks.join('\n')).toContain('not a third sex');
  expect([key, name].map((k) => levelWords(k, 'K', 'da'))).toEqual(['Kvinde', 'Kvinde']);
});
