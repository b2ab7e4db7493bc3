/**
 * Cells copied from papers say what to write (docs/input-studies.md, "Errors"): a mean with its SD,
 * an events percentage, an estimate with a labelled CI, an interval cut by the separator.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HtaError, type Problem } from '../../src/errors.js';
import { readCsvFile } from '../../src/io/read-csv.js';
import { parseStudies } from '../../src/meta/read-studies.js';

function problemsOf(file: string): Problem[] {
  try {
    parseStudies(readCsvFile(resolve(__dirname, '../fixtures/meta-typed', file)));
  } catch (err) {
    expect(err).toBeInstanceOf(HtaError);
    return (err as HtaError).problems;
  }
  throw new Error('expected an input error');
}

describe('cells copied from papers', () => {
  it('a mean with its SD (da3.csv: "7,2 (5,1)")', () => {
    const ps = problemsOf('da3.csv');
    expect(ps.map((p) => [p.field, p.hint])).toEqual([
      ['mean_intervention', "the cell holds a mean with its SD, as a paper's table prints it: write only the mean (7,2) here and the SD (5,1) in sd_intervention"],
      ['mean_control', "the cell holds a mean with its SD, as a paper's table prints it: write only the mean (8,9) here and the SD (5,4) in sd_control"],
    ]);
  });

  it('an events percentage (ev2.csv: "42,2 %"), with the count it gives of the arm\'s n', () => {
    const ps = problemsOf('ev2.csv').filter((p) => p.line === 3);
    expect(ps.map((p) => p.hint)).toEqual([
      'the cell holds a percentage, not a count: write the number of patients with the event here (42,2 % of n_intervention 64 is 27; check it against the paper); a percentage is not read',
      'the cell holds a percentage, not a count: write the number of patients with the event here (28,8 % of n_control 66 is 19; check it against the paper); a percentage is not read',
    ]);
  });

  it('an estimate with a labelled CI (dk.csv: "1,7 (95 %-KI 0,2 til 3,4)") and an interval cut by ";"', () => {
    const ps = problemsOf('dk.csv');
    expect(ps.find((p) => p.line === 2)?.hint).toBe('the cell holds an estimate with its interval in one cell: keep 1,7 here and put the interval in ci_lower (0,2) and ci_upper (3,4), or in a 95% CI column');
    expect(ps.filter((p) => p.line === 4).map((p) => [p.field, p.kind])).toEqual([['difference', 'meta.cell-cut'], ['ci_lower', 'meta.cell-cut']]);
  });
});
