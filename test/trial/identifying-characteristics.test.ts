/**
 * Table 1 refuses a characteristic that would print single patients beside their arm: dates
 * (a date of birth), text with (nearly) one value per patient, a level that is a note about one
 * patient (docs/report-trial.md, src/trial/identifying-characteristic.ts).
 */
import { describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { baselineTable, characteristicsFromExport } from '../../src/trial/baseline-table.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { errorOf } from '../support/error-of.js';

const PLAN = parsePlan({
  arms: { intervention: 'app', control: 'usual' },
  columns: { id: 'id', time: 'time', arm: 'arm' },
  timepoints: ['3m'],
  outcomes: [{ key: 'pain', instrument: 'nrs' }],
  methods: ['welch'],
  missing: { sensitivity: false },
});
const EDUCATION = ['Grundskole', 'Erhvervsuddannelse', 'Kort videregående', 'Lang videregående'];

/** 24 patients, two rows each (baseline line 2i, 3m line 2i+1); their characteristics on the baseline row. */
function csvOf(extra: Record<string, (i: number) => string>): string {
  const names = Object.keys(extra);
  const lines = [['id', 'arm', 'time', 'pain', ...names].join(',')];
  for (let i = 1; i <= 24; i++) {
    const arm = i % 2 ? 'app' : 'usual';
    lines.push([`P${i}`, arm, 'baseline', 3 + (i % 5), ...names.map((n) => extra[n]!(i))].join(','));
    lines.push([`P${i}`, arm, '3m', 2 + (i % 4), ...names.map(() => '')].join(','));
  }
  return lines.join('\n');
}

function table1(extra: Record<string, (i: number) => string>) {
  const csv = parseCsvText(csvOf(extra), 'trial.csv');
  const trial = loadTrial(csv, PLAN);
  return baselineTable(trial, characteristicsFromExport(csv, trial, Object.keys(extra)));
}

const refusal = (extra: Record<string, (i: number) => string>): HtaError => errorOf(() => table1(extra));

describe('Table 1 characteristics that would print single patients', () => {
  it('coded categories, numbers and a level held by one patient in few words are kept', () => {
    const t1 = table1({ education: (i) => (i === 5 ? 'Ph.d.' : EDUCATION[Math.floor(i / 2) % 4]!), age: (i) => String(30 + i), initials: (i) => ['HJ', 'PN', 'KL', 'MS'][Math.floor(i / 3) % 4]! });
    expect(t1.rows.map((r) => [r.key, r.kind])).toEqual([['education', 'categorical'], ['age', 'numeric'], ['initials', 'categorical'], ['pain', 'numeric']]);
  });

  it('coded levels held by one patient are ordinary rows: age groups, education levels, a range inside a level', () => {
    const levels = ['80-89', 'Lang videregående uddannelse (LVU)', 'Sygemeldt på deltid fra arbejde', 'Grade 3-4'];
    const t1 = table1({ group: (i) => levels[i - 1] ?? EDUCATION[Math.floor(i / 2) % 4]! });
    const group = t1.rows.find((r) => r.key === 'group')!;
    expect(JSON.stringify(group)).toContain('80-89');
    for (const level of levels) expect(JSON.stringify(group), level).toContain(level);
  });

  it('a number column\'s cell naming a patient is quoted without the id', () => {
    const err = refusal({ age: (i) => (i === 4 ? 'se P13' : String(30 + i)) });
    expect(err.problems!.map((p) => [p.line, p.value])).toEqual([[8, 'se [id]']]);
  });

  it('a column of dates is refused at its first date, never quoting one', () => {
    const err = refusal({ dob: (i) => `${String((i % 28) + 1).padStart(2, '0')}-0${(i % 9) + 1}-19${50 + i}` });
    expect(err.problems!.map((p) => [p.line, p.column, p.field, p.kind])).toEqual([[2, 5, 'dob', 'characteristic.date:dob']]);
    expect(JSON.stringify(err)).not.toMatch(/19\d\d/);
  });

  it('ISO dates too, with a few empty or coded cells among them', () => {
    const err = refusal({ inclusion: (i) => (i % 6 === 0 ? 'ukendt' : `2024-03-${String(i).padStart(2, '0')}`) });
    expect(err.problems!.map((p) => p.kind)).toEqual(['characteristic.date:inclusion']);
  });

  it('dates as SAS writes them (DATE9., DATETIME20.) or in Danish words too', () => {
    const months = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN'];
    for (const [shape, date] of [['DATE9.', (i: number) => `${String((i % 28) + 1).padStart(2, '0')}${months[i % 6]}2019`], ['DATETIME20.', (i: number) => `${String((i % 28) + 1).padStart(2, '0')}${months[i % 6]}2019:14:22:05`], ['Danish', (i: number) => `${(i % 28) + 1}. juni 2019`]] as const) {
      const err = refusal({ incldt: date });
      expect(err.problems!.map((p) => [p.line, p.column, p.kind]), shape).toEqual([[2, 5, 'characteristic.date:incldt']]);
      expect(JSON.stringify(err), shape).not.toMatch(/2019/);
    }
  });

  it('text with (nearly) one value per patient is refused', () => {
    const err = refusal({ name: (i) => (i % 3 ? `Patient${i}` : 'Ukendt') });
    expect(err.problems!.map((p) => [p.line, p.kind])).toEqual([[2, 'characteristic.unique:name']]);
    expect(JSON.stringify(err)).not.toMatch(/Patient\d/);
  });

  it('a note about one patient among coded values is refused at its line', () => {
    const err = refusal({ comment: (i) => (i === 3 ? 'Pt. Hanne Jensen ringede om sin datter' : i === 8 ? 'ring 20304050' : i % 4 ? '' : 'ok') });
    expect(err.problems!.map((p) => [p.line, p.column, p.kind])).toEqual([[6, 5, 'characteristic.free-text:comment'], [16, 5, 'characteristic.free-text:comment']]);
    expect(JSON.stringify(err)).not.toMatch(/Hanne|20304050/);
  });

  it('an e-mail address or a SAS date held by a few patients is refused too; one held by five or more is a code', () => {
    const err = refusal({ comment: (i) => (i === 3 || i === 4 ? 'hj@example.dk' : i === 8 ? 'Died 17JUN2020' : i % 4 ? '' : 'ok') });
    expect(err.problems!.map((p) => [p.line, p.kind, p.detail])).toEqual([[6, 'characteristic.free-text:comment', 'the cell has an e-mail address'], [8, 'characteristic.free-text:comment', 'the cell has an e-mail address'], [16, 'characteristic.free-text:comment', 'the cell has a date']]);
    expect(JSON.stringify(err)).not.toMatch(/example|JUN/);
    const t1 = table1({ clinic: (i) => (i % 4 ? 'Klinik 70203040' : 'Klinik Syd') });
    expect(JSON.stringify(t1.rows.find((r) => r.key === 'clinic'))).toContain('Klinik 70203040');
  });
});
