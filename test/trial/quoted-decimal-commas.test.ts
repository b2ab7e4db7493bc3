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

  it('refuses a cell that reads either way ("1,234"), naming both readings', () => {
    const e = errorOf(() => loadTrial(parseCsvText(text((k) => (k === 3 ? '1,234' : `0,${424 + k}`)), 'amb.csv'), parsePlan(PLAN)));
    expect(e.problems[0]).toMatchObject({ line: 8, column: 4 });
    expect(e.problems[0]!.expected).toContain('thousands with a decimal point (1250) or three decimals with a decimal comma (1,25), and the file\'s other decimals are quoted decimal commas');
  });

  it('is read with the point, as before, when any number writes one; then the quoted commas are refused truly', () => {
    const e = errorOf(() => loadTrial(parseCsvText(text((k) => (k === 0 ? '0.424' : `0,${424 + k}`)), 'mixed.csv'), parsePlan(PLAN)));
    expect(e.problems[0]!.hint ?? '').toContain('the file uses the decimal point (2.5), as its other numbers do');
  });
});
