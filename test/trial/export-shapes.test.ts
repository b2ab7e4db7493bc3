// Spreadsheet shapes a trial export is refused for are named once, with the fix, not as one
// problem per row (src/trial/export-shape.ts, docs/input-trial-export.md "Spreadsheet shapes").
// The fixtures are the exports a tester made as Excel writes them (test/fixtures/exports/plan-init-shapes/).
import { describe, expect, it } from 'vitest';
import { missingFollowUp } from '../../src/trial/follow-up.js';
import { parseCsvText, readCsvFile } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { errorOf } from '../support/error-of.js';

const DIR = 'test/fixtures/exports/plan-init-shapes';
const outcomes = [
  { key: 'rmdq', instrument: 'rmdq', column: 'RMDQ' },
  { key: 'medicin', instrument: 'binary', column: 'Medicin', answers: { Yes: 1, No: 0 } },
];

describe('an export whose id is only on each patient\'s first row (merged cells)', () => {
  const plan = parsePlan({
    columns: { id: 'Løbenr', arm: 'Gruppe', time: 'Besøg' },
    arms: { intervention: 'App', control: 'Usual care' },
    timeLabels: { Baseline: 'baseline', '3 months': '3m', '12 months': '12m' },
    timepoints: ['3m', '12m'],
    outcomes,
  });
  it('is one problem saying so and how to fix it, not one per row', () => {
    const err = errorOf(() => loadTrial(readCsvFile(`${DIR}/excel-merged-id.csv`), plan));
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]).toMatchObject({ line: 3, field: 'Løbenr', kind: 'id.only-first-row' });
    expect(err.problems[0]!.expected).toMatch(/the id is only on the first row of each patient \(120 rows below them have none\).*fill the id down/);
    // The header counts the 120 rows (it said "1 problem(s) in 1 row(s)"), and does not suggest leaving them out.
    expect(err.message).toContain('has 1 problem(s) in 120 row(s)');
    expect(err.message).not.toContain('--exclude-invalid');
  });
  it('excluding the rows still leaves out the same 120, and names the shape for plan init', () => {
    const trial = loadTrial(readCsvFile(`${DIR}/excel-merged-id.csv`), plan, { excludeInvalid: true });
    expect(trial.excluded!.rows).toBe(120);
    expect(trial.excluded!.shapes!.map((p) => p.kind)).toEqual(['id.only-first-row']);
    // …and the analysis that then finds no follow-up says why and how to fix it (review: it said
    // only that column "Besøg" holds "Baseline").
    expect(missingFollowUp(trial)).toMatch(/--exclude-invalid left out 120 rows without a patient id, and they held the follow-up visits — expected .*fill the id down/);
  });
  it('a few empty id cells among many rows are each their own problem', () => {
    const text = ['Løbenr;Gruppe;Besøg;RMDQ;Medicin', ...Array.from({ length: 10 }, (_, i) => [`${i + 1};App;Baseline;5;No`, `${i < 2 ? '' : i + 1};App;3 months;4;No`]).flat()].join('\n') + '\n';
    // The file has no 12-month rows: with that visit in the plan, its absence would be a problem too (absent-visits.ts).
    const err = errorOf(() => loadTrial(parseCsvText(text, 'few.csv'), { ...plan, timepoints: ['3m'] }));
    expect(err.problems.map((p) => p.kind)).toEqual(['id.empty', 'id.empty']);
  });
});

describe('a totals row under the table', () => {
  const plan = parsePlan({
    columns: { id: 'Løbenr', arm: 'Gruppe' },
    layout: 'wide',
    arms: { intervention: 'App', control: 'Vanlig behandling' },
    timeLabels: { basis: 'baseline', '3mdr': '3m', '12mdr': '12m' },
    timepoints: ['3m', '12m'],
    outcomes: [{ key: 'rmdq', instrument: 'rmdq', column: 'RMDQ' }],
  });
  it('"Gennemsnit" in the last row\'s first cell: one problem, "a totals row — delete it"', () => {
    const err = errorOf(() => loadTrial(readCsvFile(`${DIR}/excel-totals-row.csv`), plan));
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]).toMatchObject({ line: 62, column: 1, value: 'Gennemsnit', kind: 'row.totals' });
    expect(err.problems[0]!.expected).toMatch(/line 62 is a summary row \("Gennemsnit" in the id column.*delete it/);
  });
});
