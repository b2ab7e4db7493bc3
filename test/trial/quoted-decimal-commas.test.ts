// LibreOffice and Google Sheets in a Danish locale write a comma-separated file with every decimal
// quoted (`1001,"App","0,424",16`): it was refused saying "the file uses the decimal point (2.5), as
// its other numbers do", which no cell did (io/decimal-mark.ts rule 2).
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { errorOf } from '../support/error-of.js';

const PLAN = { arms: { intervention: 'App', control: 'Usual' }, timepoints: ['3m'], outcomes: [{ key: 'eq5d', instrument: 'eq5d5l' }] };
const text = (eq5d: (k: number) => string, extra = '') =>
  ['id,arm,time,eq5d', ...Array.from({ length: 8 }, (_, k) => [`${1001 + k},"${k % 2 ? 'Usual' : 'App'}","baseline","${eq5d(k)}"`, `${1001 + k},"${k % 2 ? 'Usual' : 'App'}","3m","0,${500 + k}"`]).flat(), extra].join('\n');

describe('a comma-separated file with every decimal a quoted decimal comma', () => {
  it('is read with the decimal comma, and a note says so', () => {
    const trial = loadTrial(parseCsvText(text((k) => `0,${424 + k}`), 'lo.csv'), parsePlan(PLAN));
    expect(Array.from(trial.rows.scores.eq5d!).slice(0, 2)).toEqual([0.424, 0.5]);
    expect(trial.readNotes).toContainEqual(expect.stringContaining('lo.csv: comma-separated, with every decimal number a quoted decimal comma'));
  });

  it('the note names the file\'s own first quoted decimal comma by line and column, not a sample value nor the patient\'s', () => {
    const trial = loadTrial(parseCsvText(text((k) => `0,${611 + k}`), 'own.csv'), parsePlan(PLAN));
    const note = (trial.readNotes ?? []).find((n) => n.includes('quoted decimal comma'))!;
    expect(note).toContain('own.csv: comma-separated, with every decimal number a quoted decimal comma (the first on line 2, column 4 (eq5d); as LibreOffice and Google Sheets write in a Danish locale) and none with a point');
    // "0,424" had stood there, a value the file did not hold; the first cell's value is a patient's.
    expect(note).not.toMatch(/0,424|0,611/);
  });

  it('refuses a cell that reads either way ("1,234"), naming both readings', () => {
    const e = errorOf(() => loadTrial(parseCsvText(text((k) => (k === 3 ? '1,234' : `0,${424 + k}`)), 'amb.csv'), parsePlan(PLAN)));
    expect(e.problems[0]).toMatchObject({ line: 8, column: 4 });
    expect(e.problems[0]!.expected).toContain('thousands with a decimal point (1250) or three decimals with a decimal comma (1,25), and the file\'s other decimals are quoted decimal commas');
  });

  it('is read with the point, as before, when any number writes one; then the quoted commas are refused truly', () => {
    const e = errorOf(() => loadTrial(parseCsvText(text((k) => (k === 0 ? '0.424' : `0,${424 + k}`)), 'mixed.csv'), parsePlan(PLAN)));
    expect(e.problems[0]!.hint ?? '').toContain('the file uses the decimal point (2.5), as its other numbers do');
  });

  it('is read with the comma when its only point is an unquoted 1.250 (the same locale\'s thousands), said only where the plan reads it', () => {
    // An unquoted 1.250 beside quoted decimal commas is Google Sheets' or LibreOffice's 1250 in a
    // Danish locale: it no longer turns the file to the point, refusing every quoted decimal.
    const t = text((k) => `0,${424 + k}`).replace('id,arm,time,eq5d', 'id,arm,time,eq5d,dose').replace(/\n(\d+,.*)/g, '\n$1,1.250');
    const trial = loadTrial(parseCsvText(t, 'dose.csv'), parsePlan(PLAN));
    expect(Array.from(trial.rows.scores.eq5d!).slice(0, 2)).toEqual([0.424, 0.5]);
    // The plan reads no dose: nothing of it is said.
    expect((trial.readNotes ?? []).join('\n')).not.toContain('read as thousands');
  });
});

// An English comma-separated survey export: a Qualtrics multi-select column ("1,3", "1,2") beside
// integer scores. It was read as a Danish LibreOffice file (a false note), and with an unused
// `dose` of 1.250 refused whole as undecided.
describe('a comma-separated file whose only quoted commas are lists', () => {
  const PAIN = { arms: { intervention: 'App', control: 'Usual care' }, timepoints: ['3m'], outcomes: [{ key: 'nrs', instrument: 'nrs' }] };
  const multi = ['"2"', '"1,3"', '""', '"1,2"'];
  const survey = (extra: (k: number) => string = () => '', head = '') =>
    [`id,arm,time,nrs,Q5_multi${head}`, ...Array.from({ length: 8 }, (_, k) => [`${k + 1},${k % 2 ? 'Usual care' : 'App'},baseline,${(k * 3) % 11},${multi[k % 4]}${extra(k)}`, `${k + 1},${k % 2 ? 'Usual care' : 'App'},3m,${(k * 5) % 11},${multi[(k + 1) % 4]}${extra(k)}`]).flat()].join('\n');

  it('is read with the point and no LibreOffice note when the plan reads no number from that column', () => {
    const trial = loadTrial(parseCsvText(survey(), 'q.csv'), parsePlan(PAIN));
    expect((trial.readNotes ?? []).join('\n')).not.toContain('quoted decimal comma');
    expect(Array.from(trial.rows.scores.nrs!).slice(0, 4)).toEqual([0, 0, 3, 5]);
  });

  it('with an unused dose of 1.250 beside it, is read with the point', () => {
    const trial = loadTrial(parseCsvText(survey(() => ',1.250', ',dose'), 'q2.csv'), parsePlan(PAIN));
    expect((trial.readNotes ?? []).join('\n')).not.toContain('quoted decimal comma');
    expect(Array.from(trial.rows.scores.nrs!).slice(0, 4)).toEqual([0, 0, 3, 5]);
  });

  it('does not count a list column\'s "1,3" even where the plan would read it (a cell of two commas shows it is a list)', () => {
    const lists = survey().replace('"1,2"', '"1,2,4"');
    const vote = parseCsvText(lists, 'q3.csv').dialect;
    expect(vote.decimalComma).toBe(false);
    expect(vote.quotedCommaColumns).toBeUndefined();
  });
});
