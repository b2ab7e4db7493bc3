// Google Sheets and LibreOffice in a Danish locale write a comma-separated CSV with a number
// formatted with thousands unquoted (`4.785` for 4785 steps) and their decimals quoted ("0,424").
// A file with no decimal to show the mark was read with the point: 4.785 steps, a difference of
// 1.23 where the same numbers without grouping give 692.76, and validate called it valid
// (io/decimal-mark.ts, rule 2; docs/input-trial-export.md#decimal-mark).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { errorOf } from '../support/error-of.js';

const SHEETS = readFileSync(new URL('../fixtures/sheets-da/steps-comma.csv', import.meta.url), 'utf8');
/** The same export without the thousands points (`4.785` → `4785`): what the cells mean. */
const PLAIN = SHEETS.replace(/\b(\d{1,3})\.(\d{3})\b/g, '$1$2');

const plan = (extra: Record<string, unknown> = {}) =>
  parsePlan({
    arms: { intervention: 'App', control: 'Kontrol' },
    columns: { id: 'Patient', time: 'Besøg', arm: 'Gruppe', covariates: { alder: 'Alder' } },
    timeLabels: { Baseline: 'baseline', '3 mdr': '3m' },
    allTimepoints: ['baseline', '3m'],
    timepoints: ['3m'],
    covariates: ['alder'],
    instruments: { steps: { label: { en: 'Steps per day', da: 'Skridt pr. dag' }, range: [0, 50000], direction: 'higher-is-better', mcid: 1000 } },
    outcomes: [{ key: 'skridt', instrument: 'steps', column: 'Skridt' }],
    primary: { outcome: 'skridt', time: '3m' },
    ...extra,
  });
const scores = (text: string, name: string, extra?: Record<string, unknown>) => Array.from(loadTrial(parseCsvText(text, name), plan(extra)).rows.scores.skridt!);

describe('a comma-separated Danish-locale Sheets export whose thousands are written 4.785', () => {
  it('is refused, naming the first such cell with its value, never read as 4.785 steps', () => {
    const e = errorOf(() => loadTrial(parseCsvText(SHEETS, 'steps.csv'), plan()));
    expect(e.exitCode).toBe(2);
    expect(e.problems[0]).toMatchObject({ file: 'steps.csv', line: 2, column: 5, field: 'Skridt', value: '4.785', kind: 'decimal-mark.undecided' });
    const expected = e.problems[0]!.expected;
    expect(expected).toContain('Google Sheets and LibreOffice in a Danish locale write a number formatted with thousands, 1250, as 1.250');
    expect(expected).toContain('"decimalMark": "," (1.250 = 1250)');
  });

  it('under "decimalMark": "," is read as the export without grouping; under "." as three decimals', () => {
    const plain = scores(PLAIN, 'plain.csv');
    expect(scores(SHEETS, 'steps.csv', { decimalMark: ',' })).toEqual(plain);
    // The sheet groups every count from 1000 up, and only those.
    expect(scores(SHEETS, 'steps.csv', { decimalMark: '.' })).toEqual(plain.map((v) => (v >= 1000 ? v / 1000 : v)));
  });

  it('beside quoted decimal commas in a column the plan reads, is read with the comma: 4.785 is 4785, with a note', () => {
    // One more number column, written as the same spreadsheet writes a decimal: "7,5".
    const withBmi = (text: string) => text.split('\n').map((l, i) => (l === '' ? l : `${l},${i === 0 ? 'BMI' : `"2${i % 10},${i % 7}"`}`)).join('\n');
    const bmi = { columns: { id: 'Patient', time: 'Besøg', arm: 'Gruppe', covariates: { alder: 'Alder', bmi: 'BMI' } }, covariates: ['alder', 'bmi'] };
    const trial = loadTrial(parseCsvText(withBmi(SHEETS), 'bmi.csv'), plan(bmi));
    expect(Array.from(trial.rows.scores.skridt!)).toEqual(scores(PLAIN, 'plain.csv'));
    expect(trial.patients[0]!.covariates.bmi).toBe(21.1);
    const grouped = SHEETS.split('\n').filter((l) => /,\d{1,3}\.\d{3}$/.test(l)).length;
    expect(trial.readNotes).toContainEqual(expect.stringContaining(`bmi.csv: ${grouped} unquoted number(s) with a point between groups of three digits (such as 1.250) were read as thousands (1250)`));
  });

  it('beside a decimal point in a column the plan reads (23.4, 0.424) is read with the point, as before', () => {
    const withWeight = (w: string) => SHEETS.split('\n').map((l, i) => (l === '' ? l : `${l},${i === 0 ? 'Vaegt' : w}`)).join('\n');
    const weight = { columns: { id: 'Patient', time: 'Besøg', arm: 'Gruppe', covariates: { alder: 'Alder', vaegt: 'Vaegt' } }, covariates: ['alder', 'vaegt'] };
    for (const w of ['23.4', '0.424']) {
      const trial = loadTrial(parseCsvText(withWeight(w), 'w.csv'), plan(weight));
      expect(trial.rows.scores.skridt![0]).toBe(4.785);
    }
  });

  it("a text column's 2.5 or a clock time 9.07 does not show the mark for the plan's columns: still refused", () => {
    const withVersion = SHEETS.split('\n').map((l, i) => (l === '' ? l : `${l},${i === 0 ? 'version' : '2.5'}`)).join('\n');
    const e = errorOf(() => loadTrial(parseCsvText(withVersion, 'v.csv'), plan()));
    expect(e.problems[0]).toMatchObject({ line: 2, column: 5, kind: 'decimal-mark.undecided' });
  });

  it('hta score, which reads no covariate, is not refused for a covariate written so (as rule 6 spares it)', () => {
    // Steps unformatted, the age column formatted with thousands: 1.064 would be a covariate only.
    const ages = PLAIN.split('\n').map((l, i) => (i === 0 || l === '' ? l : l.replace(/^([^,]*,[^,]*,[^,]*,)(\d+)/, (_, head: string, age: string) => `${head}1.0${age}`))).join('\n');
    expect(errorOf(() => loadTrial(parseCsvText(ages, 'a.csv'), plan())).problems[0]).toMatchObject({ field: 'Alder', kind: 'decimal-mark.undecided' });
    expect(() => loadTrial(parseCsvText(ages, 'a.csv'), plan(), { covariatesUnread: true })).not.toThrow();
  });

  it('beside quoted decimal commas and one number with a point, the quoted cells\' advice names both cells: Find & Replace alone would read 4.785 as decimals', () => {
    // The BMI column as the Danish-locale sheet writes decimals ("21,1"), but for one cell typed as text: 21.5.
    const withBmi = SHEETS.split('\n').map((l, i) => (l === '' ? l : `${l},${i === 0 ? 'BMI' : i === 3 ? '21.5' : `"2${i % 10},${i % 7}"`}`)).join('\n');
    const bmi = { columns: { id: 'Patient', time: 'Besøg', arm: 'Gruppe', covariates: { alder: 'Alder', bmi: 'BMI' } }, covariates: ['alder', 'bmi'] };
    const e = errorOf(() => loadTrial(parseCsvText(withBmi, 'mixed.csv'), plan(bmi)));
    const quoted = e.problems.find((p) => p.field === 'BMI')!;
    expect(quoted.value).toMatch(/^2\d,\d$/);
    const first = SHEETS.split('\n').findIndex((l) => /,\d{1,3}\.\d{3}$/.test(l));
    const grouped = SHEETS.split('\n')[first]!.split(',')[4]!;
    // The point that decided, and what replacing the commas would do to the first 4.785.
    expect(quoted.hint).toContain('the file uses the decimal point (2.5) since line 4, BMI writes one: if the file comes from a Danish-locale sheet');
    expect(quoted.hint).toContain(`write that cell with a comma instead (21,5): its ${grouped} (line ${first + 1}, Skridt) then reads as the locale's thousands (${grouped.replace('.', '')})`);
    expect(quoted.hint).toContain(`first format the column Skridt without the 1000 separator, or its ${grouped} would read as ${Number(grouped)}`);
    expect(quoted.hint).not.toContain('as its other numbers do');
  });
});
