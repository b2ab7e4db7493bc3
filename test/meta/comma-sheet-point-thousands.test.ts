// A studies sheet downloaded from Google Sheets (or saved from LibreOffice) in a Danish locale
// with "," as separator writes a cost formatted with thousands unquoted: `1.250` for 1250 kr. With
// no decimal in the sheet to show the mark it was read as 1.25, a pooled difference of −0.17 kr
// (io/decimal-mark.ts, rule 2; docs/input-studies.md).
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parseStudies, type StudyRecord } from '../../src/meta/read-studies.js';
import { errorOf } from '../support/error-of.js';

const HEAD = 'study,outcome,time,n_intervention,mean_intervention,sd_intervention,n_control,mean_control,sd_control\n';
// The explorer's sheet (S4-cost-da.csv): every mean 1000 kr or more, so every one is grouped.
const COSTS = HEAD + 'Cost trial 2021,cost,12m,210,1.250,310,205,1.420,402\nCost trial 2022,cost,12m,150,1.180,290,149,1.300,380\nCost trial 2023,cost,12m,98,2.050,610,101,2.210,575\n';
const means = (r: StudyRecord): number[] => (r.input.kind === 'arms' ? [r.input.arms.meanIntervention, r.input.arms.meanControl] : []);

describe('a comma-separated studies sheet whose only numbers with a point are 1.250', () => {
  it('is refused, naming the first such cell, never read as 1.25', () => {
    const e = errorOf(() => parseStudies(parseCsvText(COSTS, 'cost.csv')));
    expect(e.exitCode).toBe(2);
    expect(e.problems[0]).toMatchObject({ line: 2, column: 5, field: 'mean_intervention', value: '1.250', kind: 'decimal-mark.undecided' });
    // A mean may carry no thousands separator: only the point is offered to declare, never "," (refused again).
    expect(e.problems[0]!.expected).toContain('give --decimal-mark .');
    expect(e.problems[0]!.expected).not.toContain('--decimal-mark ,');
  });

  it('beside an ungrouped 950 too (S5: one arm under 1000 kr, the other over)', () => {
    const e = errorOf(() => parseStudies(parseCsvText(HEAD + 'Cost trial 2021,cost,12m,210,950,310,205,1.250,402\n', 'mixed.csv')));
    expect(e.problems[0]).toMatchObject({ line: 2, column: 8, value: '1.250', kind: 'decimal-mark.undecided' });
  });

  it('is read as three decimals under --decimal-mark ., and without grouping as the numbers written', () => {
    const declared = parseStudies(parseCsvText(COSTS, 'cost.csv'), { decimalMark: '.' });
    const plain = parseStudies(parseCsvText(COSTS.replace(/\b(\d)\.(\d{3})\b/g, '$1$2'), 'plain.csv'));
    expect(declared.records.map(means)).toEqual(plain.records.map((r) => means(r).map((m) => m / 1000)));
  });

  it('beside a decimal point (820.5) is read with the point, as before', () => {
    const t = parseStudies(parseCsvText(COSTS.replace(',310,', ',310.5,'), 'en.csv'));
    expect(means(t.records[0]!)).toEqual([1.25, 1.42]);
  });

  it('beside quoted decimal commas is read with the comma: only the grouped means are refused, named (S1)', () => {
    const s1 = HEAD + 'Trial B 2022,rmdq,3m,64,"8,4","4,8",66,"9,1","5,0"\nCost trial 2021,cost,3m,210,1.250,"310,5",205,1.420,"402,3"\n';
    const e = errorOf(() => parseStudies(parseCsvText(s1, 's1.csv')));
    // The 4 quoted decimals of line 2 are read; the two thousands-grouped means are what is wrong.
    expect(e.problems.map((p) => [p.line, p.field, p.value, p.kind])).toEqual([
      [3, 'mean_intervention', '1.250', 'meta.thousands-ambiguous'],
      [3, 'mean_control', '1.420', 'meta.thousands-ambiguous'],
    ]);
  });
});
