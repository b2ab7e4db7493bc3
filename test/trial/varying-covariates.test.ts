/**
 * A covariate written on every visit row of a long export, with another value on a later row (age
 * recomputed at each visit): the analysis reads the baseline row's value, and the run now says how
 * many patients' rows disagree instead of choosing silently (found by a tester with a REDCap export).
 */
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';

const PLAN = { arms: { intervention: 'app', control: 'usual' }, timepoints: ['3m'], covariates: ['age', 'sex'], outcomes: [{ key: 'rmdq', instrument: 'rmdq' }] };

/** Eight patients, age and sex on both rows; `later(k)` gives patient k's 3m-row age. */
function exportText(later: (k: number) => string, sexLater: (k: number) => string = (k) => (k % 2 ? 'F' : 'M')): string {
  const rows = Array.from({ length: 8 }, (_, k) => {
    const arm = k % 2 === 0 ? 'app' : 'usual';
    const sex = k % 2 ? 'F' : 'M';
    return [`P${k + 1};${arm};baseline;${40 + k};${sex};${8 + (k % 5)}`, `P${k + 1};${arm};3m;${later(k)};${sexLater(k)};${(k * 3) % 8}`];
  }).flat();
  return ['id;arm;time;age;sex;rmdq', ...rows].join('\n');
}

describe('a covariate with different values on one patient\'s rows', () => {
  it('is read from the baseline row, and a note counts the patients (never ids)', () => {
    const trial = loadTrial(parseCsvText(exportText((k) => (k < 3 ? String(41 + k + 20) : String(40 + k))), 'v.csv'), parsePlan(PLAN));
    expect(trial.patients.map((p) => p.covariates.age)).toEqual([40, 41, 42, 43, 44, 45, 46, 47]);
    const notes = (trial.readNotes ?? []).filter((n) => n.includes('different values'));
    expect(notes).toEqual(['v.csv: column "age" holds different values on one patient\'s rows for 3 patients: each patient\'s value is read from the baseline row (else the first row with a value) — check the export if it should be one value per patient']);
    expect(notes.join('')).not.toMatch(/P\d/);
  });

  it('says nothing when the rows agree — as numbers (40 and 40,0) and as text apart from case', () => {
    const same = loadTrial(parseCsvText(exportText((k) => `${40 + k},0`, (k) => (k % 2 ? 'f' : 'm')), 's.csv'), parsePlan(PLAN));
    expect((same.readNotes ?? []).filter((n) => n.includes('different values'))).toEqual([]);
    const empty = loadTrial(parseCsvText(exportText(() => ''), 'e.csv'), parsePlan(PLAN));
    expect((empty.readNotes ?? []).filter((n) => n.includes('different values'))).toEqual([]);
  });

  it('counts a categorical covariate too, one patient', () => {
    const trial = loadTrial(parseCsvText(exportText((k) => String(40 + k), (k) => (k === 5 ? 'M' : k % 2 ? 'F' : 'M')), 'c.csv'), parsePlan(PLAN));
    expect((trial.readNotes ?? []).filter((n) => n.includes('different values'))).toEqual([expect.stringContaining('column "sex" holds different values on one patient\'s rows for 1 patient:')]);
  });

  // A registry (observational plan) never prints a count under its suppression threshold, as the spelling notes (docs/observational.md "Small counts").
  const OBSERVATIONAL = {
    design: 'observational',
    observational: { exposure: { column: 'arm', exposed: 'app', unexposed: 'usual' }, confounders: [{ name: 'age', type: 'numeric' }, { name: 'sex', type: 'categorical' }], estimand: 'ATE' },
    timepoints: ['3m'],
    outcomes: [{ key: 'rmdq', instrument: 'rmdq' }],
  };
  it.each([
    [{}, 3, 'fewer than 5 patients'],
    [{ suppressionThreshold: 3 }, 3, '3 patients'],
    [{ suppressionThreshold: 4 }, 1, 'fewer than 4 patients'],
  ])('in an observational run (threshold %j), %i patients read "%s"', (threshold, n, words) => {
    const plan = parsePlan({ ...OBSERVATIONAL, observational: { ...OBSERVATIONAL.observational, ...threshold } });
    const trial = loadTrial(parseCsvText(exportText((k) => (k < n ? String(41 + k + 20) : String(40 + k))), 'o.csv'), plan);
    expect((trial.readNotes ?? []).filter((x) => x.includes('different values'))).toEqual([expect.stringContaining(`column "age" holds different values on one patient's rows for ${words}:`)]);
  });
});
